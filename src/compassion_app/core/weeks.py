"""A weekly goal (say, 5 days of 7) and the run of weeks that reached it.

Weeks run Monday to Sunday in the person's own calendar. A marked rest day counts toward the goal
like a practice day: choosing rest is part of the practice, not a gap in it. The week still under
way never ends a run of weeks; it joins the run as soon as it reaches the goal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

DAYS_IN_WEEK = 7


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekProgress:
    start: date  # a Monday
    practice_days: int
    rest_days: int
    goal_days: int

    @property
    def met(self) -> bool:
        return self.practice_days + self.rest_days >= self.goal_days


def weeks(
    practice_dates: Iterable[date], today: date, goal_days: int, rest_days: Iterable[date] = ()
) -> list[WeekProgress]:
    """Every week from the first practice's to today's, oldest first (none before a practice)."""
    practised = {day for day in practice_dates if day <= today}
    if not practised:
        return []
    rested = {day for day in rest_days if day <= today} - practised
    practice_weeks = Counter(week_start(day) for day in practised)
    rest_weeks = Counter(week_start(day) for day in rested)
    first, last = week_start(min(practised)), week_start(today)
    count = (last - first).days // DAYS_IN_WEEK + 1
    starts = (first + timedelta(weeks=n) for n in range(count))
    return [WeekProgress(s, practice_weeks[s], rest_weeks[s], goal_days) for s in starts]


def weeks_goal_met_streak(
    practice_dates: Iterable[date], today: date, goal_days: int, rest_days: Iterable[date] = ()
) -> int:
    """Weeks in a row that reached the goal, up to this week (which counts once it has)."""
    history = weeks(practice_dates, today, goal_days, rest_days)
    if history and not history[-1].met:
        history.pop()  # this week is still under way
    count = 0
    for week in reversed(history):
        if not week.met:
            break
        count += 1
    return count
