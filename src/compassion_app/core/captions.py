"""How long a caption with no voice stays on screen: long enough to read, and never less.

Used for every caption the guide does not speak: the person's own exercises, and every practice
when the guide's voice is switched off. A spoken caption lasts exactly as long as its clip.

The pace: broadcast subtitle guidance (Ofcom, and the BBC's subtitle guidelines that follow it)
puts the comfortable ceiling at 160-180 words a minute. A practice is read slowly, by someone who
may be tired or upset and whose eyes may have been closed, so the pace here is 150 words a minute
(2.5 words a second), after 2 seconds to notice the words have changed and find their start.
"""

from __future__ import annotations

READING_WORDS_PER_SECOND = 2.5
NOTICING_SECONDS = 2.0  # to look up, notice new words and find where they begin
SHORTEST_CAPTION_SECONDS = 3.0  # a word or two still stays long enough to be seen


def reading_seconds(text: str) -> float:
    """The time an unhurried reader needs for `text`."""
    return max(
        SHORTEST_CAPTION_SECONDS, NOTICING_SECONDS + len(text.split()) / READING_WORDS_PER_SECOND
    )


def held_lengths(starts: list[int], lengths: list[int], end: int) -> list[int]:
    """Each unspoken caption held on screen until the next caption begins (or `end`).

    `starts` are in order and `lengths` already at least the reading time. A caption is never cut
    short: a longer one keeps its length (the timeline has checked it does not reach the next).
    The words stay while the practice is quiet, so someone glancing back can still read them.
    """
    nexts = [*starts[1:], end] if starts else []
    return [
        max(length, following - start)
        for start, length, following in zip(starts, lengths, nexts, strict=True)
    ]
