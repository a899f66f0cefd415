"""Every progress figure at once, from the records: what Today, Progress and `stats` all show.

The parts live in their own modules (streaks, weeks, score, totals, check-in trends, milestones);
`summarise` reads the history once and asks each of them, so every screen and the command line say
exactly the same thing. Nothing here resets or shames: see streaks.py on rest days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from compassion_app.core.checkin_trends import (
    MEASURES,
    WeekCheckIns,
    average_change,
    trend,
    weekly_checkins,
)
from compassion_app.core.history import History
from compassion_app.core.milestones import milestones
from compassion_app.core.records import PracticeRecord
from compassion_app.core.score import consistency_score
from compassion_app.core.streaks import (
    NO_STREAK,
    REST_DAYS_ALLOWED,
    Streak,
    current_streak,
    longest_streak,
)
from compassion_app.core.totals import Totals, seconds_on, totals
from compassion_app.core.weeks import week_start, weeks_goal_met_streak

__all__ = [
    "NO_STREAK",
    "REST_DAYS_ALLOWED",
    "ProgressSummary",
    "Streak",
    "current_streak",
    "seconds_on",
    "streak_of",
    "summarise",
    "summarise_history",
]

DEFAULT_WEEKLY_GOAL_DAYS = 5


@dataclass(frozen=True)
class ProgressSummary:
    today: date
    score: float  # 0..1, Loop-style consistency
    minutes: Totals
    practices: int
    practice_days: int
    current: Streak
    longest: Streak
    rest_days: tuple[date, ...]  # every day marked for rest, ahead or afterwards, oldest first
    weekly_goal_days: int
    kept_days_this_week: int  # practice and rest days this week, toward the goal
    weeks_goal_met_streak: int
    checkin_count: int  # practices with a check-in before and after
    checkin_average_change: dict[str, float] | None  # measure -> mean after - before
    checkin_trend: dict[str, float | None]  # measure -> points per week lately
    checkin_weeks: list[WeekCheckIns]  # each week's average ratings before practice
    milestones: list[str]

    def to_json(self) -> dict[str, Any]:
        """Plainly named fields for `compassion-app stats --json` (minutes are whole minutes)."""
        return {
            "today": self.today.isoformat(),
            "score": round(self.score, 4),
            "total_minutes": self.minutes.total,
            "minutes_today": self.minutes.today,
            "minutes_this_week": self.minutes.this_week,
            "minutes_this_month": self.minutes.this_month,
            "minutes_by_exercise": self.minutes.by_exercise,
            "practices": self.practices,
            "practice_days": self.practice_days,
            "current_streak_days": self.current.days,
            "current_streak_practice_days": self.current.practice_days,
            "current_streak_started": _iso(self.current.started),
            "longest_streak_days": self.longest.days,
            "longest_streak_started": _iso(self.longest.started),
            "rest_days": [day.isoformat() for day in self.rest_days],
            "weekly_goal_days": self.weekly_goal_days,
            "days_this_week_toward_goal": self.kept_days_this_week,
            "weeks_goal_met_streak": self.weeks_goal_met_streak,
            "checkins_with_before_and_after": self.checkin_count,
            "checkin_average_change": _rounded(self.checkin_average_change),
            "checkin_trend_per_week": _rounded(self.checkin_trend),
            "milestones": self.milestones,
        }


def summarise(
    records: Iterable[PracticeRecord],
    today: date,
    rest_days: Iterable[date] = (),
    weekly_goal_days: int = DEFAULT_WEEKLY_GOAL_DAYS,
) -> ProgressSummary:
    """Every figure as of `today` (records dated later are left out, as if not yet lived)."""
    return summarise_history(History.of(records, today), today, rest_days, weekly_goal_days)


def summarise_history(
    history: History,
    today: date,
    rest_days: Iterable[date] = (),
    weekly_goal_days: int = DEFAULT_WEEKLY_GOAL_DAYS,
) -> ProgressSummary:
    """`summarise` for a history already gathered (a screen that also draws it gathers it once)."""
    rested = sorted(set(rest_days))
    days = history.practice_days
    minutes = totals(history, today)
    weekly = weekly_checkins(history)
    this_week = {day for day in [*days, *rested] if week_start(today) <= day <= today}
    return ProgressSummary(
        today=today,
        score=consistency_score(days, today, rested),
        minutes=minutes,
        practices=history.practices,
        practice_days=len(days),
        current=current_streak(days, today, rested),
        longest=longest_streak(days, today, rested),
        rest_days=tuple(rested),
        weekly_goal_days=weekly_goal_days,
        kept_days_this_week=len(this_week),
        weeks_goal_met_streak=weeks_goal_met_streak(days, today, weekly_goal_days, rested),
        checkin_count=history.change_sums[3],
        checkin_average_change=average_change(history),
        checkin_trend={m: trend(weekly, m, today) for m in MEASURES},
        checkin_weeks=weekly,
        milestones=milestones(minutes.total, len(days)),
    )


def streak_of(records: Iterable[PracticeRecord], today: date) -> Streak:
    return current_streak((record.local_date for record in records), today)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _rounded(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: None if value is None else round(value, 3) for key, value in values.items()}
