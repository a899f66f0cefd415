"""Letters as Markdown, for keeping a copy elsewhere or printing: the words exactly as written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from compassion_app import messages
from compassion_app.core.letters import Letter

SEPARATOR = "\n\n---\n\n"


def letter_markdown(letter: Letter) -> str:
    title = letter.title.strip() or messages.LETTER_UNTITLED
    state = messages.LETTER_FINISHED if letter.finished else messages.LETTER_DRAFT
    about = messages.LETTER_EXPORT_ABOUT.format(
        begun=_day(letter.created_utc), written=_day(letter.updated_utc), state=state
    )
    # The body goes in untouched: these are the person's own words, not markup of ours.
    return f"# {title}\n\n*{about}*\n\n{letter.body.rstrip()}\n"


def letters_markdown(letters: Iterable[Letter]) -> str:
    return SEPARATOR.join(letter_markdown(letter).rstrip("\n") for letter in letters) + "\n"


def export_name(letter: Letter, suffix: str) -> str:
    """A file name from the title and date, safe on every system."""
    words = re.sub(r"[^\w\s-]", "", letter.title, flags=re.UNICODE).strip()
    stem = re.sub(r"\s+", "-", words)[:60] or "letter"
    return f"{letter.created_utc.astimezone().date().isoformat()}-{stem}{suffix}"


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %B %Y").lstrip("0")
