"""Kind numbers about practice: minutes today, and a streak in which rest days count.

A missed day never resets anything by itself. Up to REST_DAYS_ALLOWED days in a row may pass
between practices and the run simply carries on, rest days included in its length (people found
punishing streaks stressful: see CONTENT.md on medito #350 and uhabits #88).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from compassion_app.core.records import PracticeRecord

REST_DAYS_ALLOWED = 2


@dataclass(frozen=True)
class Streak:
    days: int  # calendar days from the run's first practice to its latest, rest days included
    practice_days: int  # days in the run with at least one practice
    started: date | None

    @property
    def active(self) -> bool:
        return self.days > 0


NO_STREAK = Streak(0, 0, None)


def current_streak(practice_dates: Iterable[date], today: date) -> Streak:
    """The run of practice that is still going today, or NO_STREAK when there is none."""
    days = sorted({day for day in practice_dates if day <= today}, reverse=True)
    if not days or (today - days[0]).days - 1 > REST_DAYS_ALLOWED:
        return NO_STREAK
    first = days[0]
    count = 1
    for earlier in days[1:]:
        if (first - earlier).days - 1 > REST_DAYS_ALLOWED:
            break
        first = earlier
        count += 1
    return Streak((days[0] - first).days + 1, count, first)


def seconds_on(records: Iterable[PracticeRecord], day: date) -> int:
    """Seconds practised on one local calendar day, finished or not: every minute counts."""
    return sum(record.actual_seconds for record in records if record.local_date == day)


def streak_of(records: Iterable[PracticeRecord], today: date) -> Streak:
    return current_streak((record.local_date for record in records), today)
