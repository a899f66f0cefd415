"""A note after "Noticing the critic": what the critic said, and what the compassionate self
would say back (the CFT cousin of a CBT thought record).

A note is kept as a letter, marked by its template id, so it shares the letters' files, their
passphrase, their search, export and re-reading, with no second store to keep private.
"""

from __future__ import annotations

from datetime import UTC, datetime

from compassion_app import messages
from compassion_app.core.letters import Letter, LetterSummary

CRITIC_NOTE_TEMPLATE = "critic-note"  # the mark a note carries among the letters
NOTICING_EXERCISE_ID = "noticing-the-critic"  # the practice whose end screen offers a note


def note_body(said: str, reply: str) -> str:
    """The note as it is kept and re-read: one passage for each line that has words."""
    parts = []
    if said.strip():
        parts.append(messages.CRITIC_NOTE_SAID_LINE.format(said=said.strip()))
    if reply.strip():
        parts.append(messages.CRITIC_NOTE_REPLY_LINE.format(reply=reply.strip()))
    return "\n\n".join(parts)


def critic_note(
    said: str, reply: str, kept: Letter | None = None, now: datetime | None = None
) -> Letter:
    """A new note, or (`kept`) the same note with these words; one version, as it was written."""
    body = note_body(said, reply)
    if kept is not None:
        return kept.edited(kept.title, body, now)
    moment = now or datetime.now(UTC)
    return Letter(
        messages.CRITIC_NOTE_TITLE, body, moment, moment, CRITIC_NOTE_TEMPLATE, finished=True
    )


def is_critic_note(letter: Letter | LetterSummary) -> bool:
    return letter.template_id == CRITIC_NOTE_TEMPLATE
