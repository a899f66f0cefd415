"""What the 0-10 check-ins show: the change across each practice, and how the weeks are going.

The change is after minus before, per practice that has both. The weekly picture uses the ratings
given *before* practice - how the person arrives, week by week - and the trend is the slope of a
straight line through the averages of the last TREND_WEEKS weeks, in points per week. The numbers
are the person's own; screens turn them into gentle words (a rising critic is never their failure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from compassion_app.core.history import History
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.core.weeks import monday_ordinal, week_start

MEASURES = ("critic", "warmth", "settled")
TREND_WEEKS = 8  # recent enough to feel like "lately", long enough to smooth one hard week
TREND_MIN_WEEKS = 3  # fewer weeks than this say nothing about a direction


@dataclass(frozen=True)
class CheckInChange:
    day: date
    exercise_id: str
    change: dict[str, int]  # measure -> after - before


@dataclass(frozen=True)
class WeekCheckIns:
    start: date  # a Monday
    count: int  # check-ins given before practice that week
    average: dict[str, float]  # measure -> mean rating before practice


def changes(records: Iterable[PracticeRecord]) -> list[CheckInChange]:
    """The before-to-after change of each practice that has both check-ins, in record order."""
    found = []
    for record in records:
        before, after = record.checkin_before, record.checkin_after
        if before is not None and after is not None:
            delta = {m: _rating(after, m) - _rating(before, m) for m in MEASURES}
            found.append(CheckInChange(record.local_date, record.exercise_id, delta))
    return found


def average_change(history: History) -> dict[str, float] | None:
    """The mean change per measure, or None when no practice has both check-ins."""
    *sums, count = history.change_sums
    if not count:
        return None
    return {measure: total / count for measure, total in zip(MEASURES, sums, strict=True)}


def weekly_checkins(history: History) -> list[WeekCheckIns]:
    """Weeks with at least one check-in before practice, oldest first."""
    by_week: dict[int, list[int]] = {}
    for day, (critic, warmth, settled, count) in history.before_by_day.items():
        monday = monday_ordinal(day.toordinal())
        week = by_week.get(monday)
        if week is None:
            week = by_week[monday] = [0, 0, 0, 0]
        week[0] += critic
        week[1] += warmth
        week[2] += settled
        week[3] += count
    return [
        WeekCheckIns(
            date.fromordinal(monday),
            sums[3],
            {m: sums[i] / sums[3] for i, m in enumerate(MEASURES)},
        )
        for monday, sums in sorted(by_week.items())
    ]


def trend(weekly: Sequence[WeekCheckIns], measure: str, today: date) -> float | None:
    """Points per week over the TREND_WEEKS weeks up to today's; None with too few check-ins."""
    since = week_start(today) - timedelta(weeks=TREND_WEEKS - 1)
    recent = [week for week in weekly if since <= week.start <= today]
    if len(recent) < TREND_MIN_WEEKS:
        return None
    xs = [(week.start - recent[0].start).days / 7 for week in recent]
    ys = [week.average[measure] for week in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def _rating(checkin: CheckIn, measure: str) -> int:
    value: int = getattr(checkin, measure)
    return value
