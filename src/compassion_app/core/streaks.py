"""Runs of practice days, in which rest counts.

A day is *kept* when the person practised on it or marked it as a rest day. A run carries on as
long as no more than REST_DAYS_ALLOWED unkept days pass in a row between kept days: a quiet day or
two never ends anything by itself, and a marked rest day (ahead or afterwards) never counts against
the run at all. A run begins with a practice and ends with its last kept day; its length counts
every calendar day from the one to the other, rest days included. People found punishing streaks
stressful (CONTENT.md: medito #350, uhabits #88), so none of this ever shows as a loss.

Days are the local calendar dates recorded with each practice: travel and daylight-saving changes
never rewrite a run. Days after `today` (a practice with a clock set ahead, rest marked for next
week) wait until they arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

REST_DAYS_ALLOWED = 2  # unmarked quiet days in a row that a run carries through


@dataclass(frozen=True)
class Streak:
    days: int  # calendar days from the run's first practice to its last kept day
    practice_days: int  # days in the run with at least one practice
    started: date | None
    ended: date | None = None  # the run's last kept day (practice or marked rest)

    @property
    def active(self) -> bool:
        return self.days > 0


NO_STREAK = Streak(0, 0, None, None)


def runs(
    practice_dates: Iterable[date], today: date, rest_days: Iterable[date] = ()
) -> list[Streak]:
    """Every run up to `today`, oldest first."""
    practised = {day for day in practice_dates if day <= today}
    kept = sorted(practised.union(day for day in rest_days if day <= today))
    found: list[Streak] = []
    start: date | None = None  # the current segment's first practice, if it has had one
    count = 0
    last: date | None = None
    for day in kept:
        if last is not None and _gap(last, day) > REST_DAYS_ALLOWED:
            if start is not None:
                found.append(_run(start, last, count))
            start, count = None, 0
        if day in practised:
            start = start or day
            count += 1
        last = day
    if start is not None and last is not None:
        found.append(_run(start, last, count))
    return found


def current_streak(
    practice_dates: Iterable[date], today: date, rest_days: Iterable[date] = ()
) -> Streak:
    """The run that is still going today, or NO_STREAK when there is none."""
    found = runs(practice_dates, today, rest_days)
    if not found or found[-1].ended is None:
        return NO_STREAK
    # Today itself is not over, so it is not a quiet day yet.
    return found[-1] if _gap(found[-1].ended, today) <= REST_DAYS_ALLOWED else NO_STREAK


def longest_streak(
    practice_dates: Iterable[date], today: date, rest_days: Iterable[date] = ()
) -> Streak:
    """The longest run so far (the earliest of equals), or NO_STREAK before any practice."""
    return max(runs(practice_dates, today, rest_days), key=lambda run: run.days, default=NO_STREAK)


def _gap(earlier: date, later: date) -> int:
    """Days strictly between two dates."""
    return (later - earlier).days - 1


def _run(start: date, end: date, practice_days: int) -> Streak:
    return Streak((end - start).days + 1, practice_days, start, end)
