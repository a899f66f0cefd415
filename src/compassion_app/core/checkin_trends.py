"""What the 0-10 check-ins show: the change across each practice, and how the weeks are going.

The change is after minus before, per practice that has both. The weekly picture uses the ratings
given *before* practice - how the person arrives, week by week - and the trend is the slope of a
straight line through the averages of the last TREND_WEEKS weeks, in points per week. The numbers
are the person's own; screens turn them into gentle words (a rising critic is never their failure).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.core.weeks import week_start

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


def average_change(found: Sequence[CheckInChange]) -> dict[str, float] | None:
    """The mean change per measure, or None when no practice has both check-ins."""
    if not found:
        return None
    return {m: sum(c.change[m] for c in found) / len(found) for m in MEASURES}


def weekly_checkins(records: Iterable[PracticeRecord]) -> list[WeekCheckIns]:
    """Weeks with at least one check-in before practice, oldest first."""
    sums: defaultdict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for record in records:
        if record.checkin_before is not None:
            totals = sums[week_start(record.local_date)]
            for index, measure in enumerate(MEASURES):
                totals[index] += _rating(record.checkin_before, measure)
            totals[3] += 1
    return [
        WeekCheckIns(start, totals[3], {m: totals[i] / totals[3] for i, m in enumerate(MEASURES)})
        for start, totals in sorted(sums.items())
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
