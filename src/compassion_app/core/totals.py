"""Minutes of practice: today, this week, this month, in all, by exercise, per day and per week.

Every minute counts, finished or not. Days are the local calendar dates recorded with each practice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from compassion_app.core.durations import whole_minutes
from compassion_app.core.history import History
from compassion_app.core.records import PracticeRecord
from compassion_app.core.weeks import week_start


@dataclass(frozen=True)
class Totals:
    today: int  # minutes, each total rounded once from its own seconds
    this_week: int
    this_month: int
    total: int
    by_exercise: dict[str, int]


def totals(history: History, today: date) -> Totals:
    by_day = history.seconds_by_day
    return Totals(
        today=whole_minutes(by_day.get(today, 0)),
        this_week=whole_minutes(_seconds_between(by_day, week_start(today), today)),
        this_month=whole_minutes(_seconds_between(by_day, today.replace(day=1), today)),
        total=whole_minutes(sum(by_day.values())),
        by_exercise={
            exercise: whole_minutes(seconds)
            for exercise, seconds in sorted(history.seconds_by_exercise.items())
        },
    )


def seconds_on(records: Iterable[PracticeRecord], day: date) -> int:
    """Seconds practised on one local calendar day, finished or not: every minute counts."""
    return sum(record.actual_seconds for record in records if record.local_date == day)


def _seconds_between(seconds_by_day: Mapping[date, int], first: date, last: date) -> int:
    """Seconds practised from `first` to `last`, both included."""
    return sum(s for day, s in seconds_by_day.items() if first <= day <= last)


def minutes_by_week(
    seconds_by_day: Mapping[date, int], first: date, last: date
) -> list[tuple[date, int]]:
    """Minutes in each week (by its Monday) from `first`'s week to `last`'s, quiet weeks as 0."""
    by_week: defaultdict[date, int] = defaultdict(int)
    for day, seconds in seconds_by_day.items():
        if first <= day <= last:
            by_week[week_start(day)] += seconds
    start, end = week_start(first), week_start(last)
    count = (end - start).days // 7 + 1
    mondays = (start + timedelta(weeks=n) for n in range(count))
    return [(monday, whole_minutes(by_week[monday])) for monday in mondays]
