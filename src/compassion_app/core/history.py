"""The practice history gathered by day, in one pass over the records.

Decades of practice are tens of thousands of records; every figure is then worked out from at most
one entry per day. The pass is written plainly but leanly (one look at each field), because it is
the part of the figures that grows with the history: ten years take a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from compassion_app.core.records import PracticeRecord

RatingSums = tuple[int, int, int, int]  # critic, warmth, settled, and how many check-ins


@dataclass(frozen=True)
class History:
    seconds_by_day: dict[date, int]
    seconds_by_exercise: dict[str, int]
    practices: int
    before_by_day: dict[date, RatingSums]  # the ratings given before practice, summed per day
    change_sums: RatingSums  # after minus before, summed over practices with both

    @property
    def practice_days(self) -> set[date]:
        return set(self.seconds_by_day)

    @classmethod
    def of(cls, records: Iterable[PracticeRecord], today: date) -> History:
        """The history up to and including `today`; anything dated later waits for its day."""
        by_day: dict[date, int] = {}
        by_exercise: dict[str, int] = {}
        before_by_day: dict[date, list[int]] = {}
        change = [0, 0, 0, 0]
        count = 0
        day_seconds, exercise_seconds, day_sums = by_day.get, by_exercise.get, before_by_day.get
        for record in records:
            day = record.local_date
            if day > today:
                continue
            seconds = record.actual_seconds
            by_day[day] = day_seconds(day, 0) + seconds
            exercise = record.exercise_id
            by_exercise[exercise] = exercise_seconds(exercise, 0) + seconds
            count += 1
            before = record.checkin_before
            if before is None:
                continue
            sums = day_sums(day)
            if sums is None:
                sums = before_by_day[day] = [0, 0, 0, 0]
            sums[0] += before.critic
            sums[1] += before.warmth
            sums[2] += before.settled
            sums[3] += 1
            after = record.checkin_after
            if after is not None:
                change[0] += after.critic - before.critic
                change[1] += after.warmth - before.warmth
                change[2] += after.settled - before.settled
                change[3] += 1
        return cls(
            by_day,
            by_exercise,
            count,
            {day: _sums(values) for day, values in before_by_day.items()},
            _sums(change),
        )


def _sums(values: list[int]) -> RatingSums:
    return (values[0], values[1], values[2], values[3])
