"""A weekly goal (say, 5 days of 7) and the run of weeks that reached it.

Weeks run Monday to Sunday in the person's own calendar. A marked rest day counts toward the goal
like a practice day: choosing rest is part of the practice, not a gap in it. The week still under
way never ends a run of weeks; it joins the run as soon as it reaches the goal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

DAYS_IN_WEEK = 7


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return date.fromordinal(monday_ordinal(day.toordinal()))


def monday_ordinal(ordinal: int) -> int:
    """The day number of the Monday of day number `ordinal`'s week (day 1 was a Monday).

    Figures over decades group thousands of days by week; integers do that fastest.
    """
    return ordinal - (ordinal - 1) % DAYS_IN_WEEK


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
    end = today.toordinal()
    practised = {day.toordinal() for day in practice_dates}
    practised = {day for day in practised if day <= end}
    if not practised:
        return []
    rested = {day.toordinal() for day in rest_days if day <= today} - practised
    practice_weeks = Counter(monday_ordinal(day) for day in practised)
    rest_weeks = Counter(monday_ordinal(day) for day in rested)
    mondays = range(monday_ordinal(min(practised)), monday_ordinal(end) + 1, DAYS_IN_WEEK)
    return [
        WeekProgress(date.fromordinal(m), practice_weeks[m], rest_weeks[m], goal_days)
        for m in mondays
    ]


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
