"""A consistency score in the style of Loop Habit Tracker: how strong the habit is, 0 to 1.

Each day, from the first practice on, `score = previous * M + done * (1 - M)` with
`M = 0.5 ** (1 / 13)`: a day's weight halves in 13 days, thirty days in a row reach about 0.8, and
one quiet day only multiplies the score by about 0.95 - a gentle measure that no single day can
undo (Loop's own `Score.kt`; CONTENT.md). A marked rest day leaves the score as it was. Today counts
once there has been a practice today: a day that is not over is not a quiet day yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

DECAY = 0.5 ** (1 / 13)


def consistency_score(
    practice_dates: Iterable[date], today: date, rest_days: Iterable[date] = ()
) -> float:
    """Today's score, 0 before any practice."""
    # Day numbers rather than dates: a decade is 3,650 steps, and integers step fastest.
    end = today.toordinal()
    practised = {day.toordinal() for day in practice_dates}
    practised = {day for day in practised if day <= end}
    if not practised:
        return 0.0
    rested = {day.toordinal() for day in rest_days}
    score = 0.0
    for day in range(min(practised), end + 1):
        if day in practised:
            score = score * DECAY + (1 - DECAY)
        elif day not in rested and day != end:
            score *= DECAY
    return score
