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
        # Per day: seconds, then the sums of the ratings before practice and how many. Records
        # come oldest first, so a day's practices sit together: the day's entry is looked up once
        # per day, not once per practice (hashing a date is the dearest step of this loop).
        days: dict[date, list[int]] = {}
        by_exercise: dict[str, int] = {}
        change = [0, 0, 0, 0]
        count = 0
        current: date | None = None
        totals = [0, 0, 0, 0, 0]
        exercise_seconds = by_exercise.get
        for record in records:
            day = record.local_date
            if day != current:
                if day > today:
                    continue
                current = day
                found = days.get(day)
                totals = days[day] = [0, 0, 0, 0, 0] if found is None else found
            seconds = record.actual_seconds
            totals[0] += seconds
            exercise = record.exercise_id
            by_exercise[exercise] = exercise_seconds(exercise, 0) + seconds
            count += 1
            before = record.checkin_before
            if before is None:
                continue
            totals[1] += before.critic
            totals[2] += before.warmth
            totals[3] += before.settled
            totals[4] += 1
            after = record.checkin_after
            if after is not None:
                change[0] += after.critic - before.critic
                change[1] += after.warmth - before.warmth
                change[2] += after.settled - before.settled
                change[3] += 1
        return cls(
            {day: values[0] for day, values in days.items()},
            by_exercise,
            count,
            {day: _sums(values[1:]) for day, values in days.items() if values[4]},
            _sums(change),
        )


def _sums(values: list[int]) -> RatingSums:
    return (values[0], values[1], values[2], values[3])
