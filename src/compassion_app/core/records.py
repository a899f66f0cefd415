"""What one practice leaves behind: a plain record the store keeps and the stats read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any


def as_local(moment: datetime) -> datetime:
    """An aware time: kept in its own zone if it has one, otherwise in the computer's zone."""
    return moment if moment.tzinfo is not None else moment.astimezone()


@dataclass(frozen=True)
class CheckIn:
    """Three 0-10 self-ratings, in our own words (see the check-in widget)."""

    critic: int  # how loud the inner critic is
    warmth: int  # how much warmth the person feels toward themselves
    settled: int  # how settled and safe they feel

    def to_dict(self) -> dict[str, int]:
        return {"critic": self.critic, "warmth": self.warmth, "settled": self.settled}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckIn:
        return cls(int(data["critic"]), int(data["warmth"]), int(data["settled"]))


@dataclass(frozen=True)
class PracticeRecord:
    """One practice, finished or ended early.

    The start is kept in UTC and, beside it, the local calendar date and UTC offset the person was
    living in, so a streak never shifts when they travel or the clocks change.
    """

    exercise_id: str
    started_utc: datetime
    local_date: date
    utc_offset_minutes: int
    planned_seconds: int
    actual_seconds: int
    completed: bool
    checkin_before: CheckIn | None = None
    checkin_after: CheckIn | None = None
    # 128 random bits, like uuid4 (whose module costs start-up a `platform` import).
    record_id: str = field(default_factory=lambda: os.urandom(16).hex())

    @classmethod
    def starting_now(
        cls,
        exercise_id: str,
        planned_seconds: int,
        actual_seconds: int,
        completed: bool,
        started: datetime | None = None,
    ) -> PracticeRecord:
        """Build a record from a start time (default: now); a naive time is taken as local."""
        local = as_local(started or datetime.now())
        offset = local.utcoffset() or timedelta(0)
        return cls(
            exercise_id=exercise_id,
            started_utc=local.astimezone(UTC),
            local_date=local.date(),
            utc_offset_minutes=int(offset.total_seconds() // 60),
            planned_seconds=planned_seconds,
            actual_seconds=actual_seconds,
            completed=completed,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "exercise_id": self.exercise_id,
            "started_utc": self.started_utc.isoformat(),
            "local_date": self.local_date.isoformat(),
            "utc_offset_minutes": self.utc_offset_minutes,
            "planned_seconds": self.planned_seconds,
            "actual_seconds": self.actual_seconds,
            "completed": self.completed,
            "checkin_before": self.checkin_before.to_dict() if self.checkin_before else None,
            "checkin_after": self.checkin_after.to_dict() if self.checkin_after else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PracticeRecord:
        before = data.get("checkin_before")
        after = data.get("checkin_after")
        return cls(
            record_id=str(data["record_id"]),
            exercise_id=str(data["exercise_id"]),
            started_utc=datetime.fromisoformat(data["started_utc"]),
            local_date=date.fromisoformat(data["local_date"]),
            utc_offset_minutes=int(data["utc_offset_minutes"]),
            planned_seconds=int(data["planned_seconds"]),
            actual_seconds=int(data["actual_seconds"]),
            completed=bool(data["completed"]),
            checkin_before=CheckIn.from_dict(before) if before else None,
            checkin_after=CheckIn.from_dict(after) if after else None,
        )
