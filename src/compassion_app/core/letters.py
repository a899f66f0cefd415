"""Compassionate letters as plain data: what the store keeps and the letters screen shows.

A letter keeps its earlier versions: re-reading and re-writing a letter is part of the practice,
so revising never overwrites what was written before. Autosave replaces the text of the version
being written; `revised()` starts a new version and leaves the old one as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from compassion_app.core.records import PracticeRecord

# Writing a letter is practice too: it counts in today's minutes and in the practice run.
WRITING_EXERCISE_ID = "letter"
# A minute of this practice may lead into writing (CFT begins a letter with soothing breath).
LEAD_IN_EXERCISE_ID = "soothing-rhythm-breathing"
# Practices of this kind (letter-lead-in) breathe first, then open a new letter to write...
WRITING_KIND = "writing"
# ...written as the compassionate self, the voice that practice settles into.
WRITING_PRACTICE_TEMPLATE = "compassionate-self"


def new_letter_id() -> str:
    return os.urandom(16).hex()


@dataclass(frozen=True)
class Letter:
    """One version of one letter (the one being written, or an earlier one)."""

    title: str
    body: str
    created_utc: datetime  # when the letter was begun (the same for all its versions)
    updated_utc: datetime  # when this version was last changed
    template_id: str | None = None  # None: a blank letter
    finished: bool = False  # a draft until the person says it is finished
    version: int = 1  # 1 for the first version; each revision adds one
    letter_id: str = field(default_factory=new_letter_id)

    @classmethod
    def begin(cls, title: str = "", template_id: str | None = None) -> Letter:
        now = datetime.now(UTC)
        return cls(title, "", now, now, template_id)

    def edited(self, title: str, body: str, now: datetime | None = None) -> Letter:
        """This version with new words (what autosave keeps)."""
        return replace(self, title=title, body=body, updated_utc=now or datetime.now(UTC))

    def revised(self, now: datetime | None = None) -> Letter:
        """A new version to write in, starting from this one's words; this one stays kept."""
        return replace(self, version=self.version + 1, updated_utc=now or datetime.now(UTC))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.letter_id,
            "title": self.title,
            "body": self.body,
            "created_utc": self.created_utc.isoformat(),
            "updated_utc": self.updated_utc.isoformat(),
            "template_id": self.template_id,
            "finished": self.finished,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Letter:
        """Raises KeyError, TypeError or ValueError for a document that is not a letter."""
        created = datetime.fromisoformat(str(data["created_utc"]))
        updated = datetime.fromisoformat(str(data["updated_utc"]))
        if created.tzinfo is None or updated.tzinfo is None:
            raise ValueError("letter times must carry their UTC offset")
        template = data.get("template_id")
        return cls(
            letter_id=str(data["id"]),
            title=_text(data["title"]),
            body=_text(data["body"]),
            created_utc=created,
            updated_utc=updated,
            template_id=None if template is None else str(template),
            finished=bool(data.get("finished", False)),
            version=int(data.get("version", 1)),
        )


@dataclass(frozen=True)
class LetterSummary:
    """What the archive lists without reading every letter's words."""

    letter_id: str
    title: str
    created_utc: datetime
    updated_utc: datetime
    finished: bool
    versions: int  # how many versions are kept, the current one included
    template_id: str | None = None  # how it began; marks a critic note (core/critic_notes.py)


def writing_practice(seconds: float, ended: datetime | None = None) -> PracticeRecord:
    """The practice record for `seconds` spent writing, ending now (or at `ended`)."""
    whole = max(1, round(seconds))
    end = ended or datetime.now(UTC)
    return PracticeRecord.starting_now(
        WRITING_EXERCISE_ID, whole, whole, True, started=end - timedelta(seconds=whole)
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value
