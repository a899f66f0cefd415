"""What one practice leaves behind: a plain record the store keeps and the stats read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple


def as_local(moment: datetime) -> datetime:
    """An aware time: kept in its own zone if it has one, otherwise in the computer's zone."""
    return moment if moment.tzinfo is not None else moment.astimezone()


class CheckIn(NamedTuple):  # not a dataclass: a third of the cost to define (start-up)
    """Three 0-10 self-ratings, in our own words (see the check-in widget)."""

    critic: int  # how loud the inner critic is
    warmth: int  # how much warmth the person feels toward themselves
    settled: int  # how settled and safe they feel

    def to_dict(self) -> dict[str, int]:
        return {"critic": self.critic, "warmth": self.warmth, "settled": self.settled}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckIn:
        """Raises KeyError, TypeError or ValueError unless each rating is a whole number 0-10."""
        if not isinstance(data, dict):
            raise TypeError("a check-in is a map of three ratings")
        ratings = [_whole(data[name], name) for name in ("critic", "warmth", "settled")]
        if not all(0 <= rating <= 10 for rating in ratings):
            raise ValueError(f"check-in ratings go from 0 to 10, not {ratings}")
        return cls(*ratings)


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
    # Breath-follow, when the person let the app listen: breaths a minute first heard, and where
    # the breath settled. Two numbers, never any sound.
    breath_rate_start: float | None = None
    breath_rate_end: float | None = None
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
            "breath_rate_start": self.breath_rate_start,
            "breath_rate_end": self.breath_rate_end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PracticeRecord:
        """The record `data` describes; KeyError, TypeError or ValueError if it is not one.

        Strict, because these values come from a file a bug, a hand edit or an import may have
        changed: a time without its zone, a length of 1e999 or `true` where a number belongs
        would otherwise reach the stats and the screens and fail there, again and again.
        """
        before = data.get("checkin_before")
        after = data.get("checkin_after")
        started = datetime.fromisoformat(_text(data["started_utc"], "started_utc"))
        if started.tzinfo is None:
            raise ValueError("started_utc must carry its UTC offset")
        completed = data["completed"]
        if not isinstance(completed, bool):
            raise TypeError("completed must be true or false")
        return cls(
            record_id=_text(data["record_id"], "record_id"),
            exercise_id=_text(data["exercise_id"], "exercise_id"),
            started_utc=started.astimezone(UTC),
            local_date=date.fromisoformat(_text(data["local_date"], "local_date")),
            utc_offset_minutes=_whole(data["utc_offset_minutes"], "utc_offset_minutes", 18 * 60),
            planned_seconds=_whole(data["planned_seconds"], "planned_seconds", MAX_SECONDS, 0),
            actual_seconds=_whole(data["actual_seconds"], "actual_seconds", MAX_SECONDS, 0),
            completed=completed,
            checkin_before=CheckIn.from_dict(before) if before is not None else None,
            checkin_after=CheckIn.from_dict(after) if after is not None else None,
            breath_rate_start=_rate(data.get("breath_rate_start"), "breath_rate_start"),
            breath_rate_end=_rate(data.get("breath_rate_end"), "breath_rate_end"),
        )


MAX_SECONDS = 24 * 60 * 60  # no practice lasts longer than a day


def _whole(value: object, name: str, limit: int | None = None, lowest: int | None = None) -> int:
    """`value` if it is a whole number (not a bool, a float or text) within the bounds."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, not {value!r}")
    low = -limit if lowest is None and limit is not None else lowest
    if (limit is not None and value > limit) or (low is not None and value < low):
        raise ValueError(f"{name} is out of range: {value}")
    return value


def _rate(value: object, name: str) -> float | None:
    """A breathing rate (breaths a minute, 1 to 60) or None; records from before have none."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, not {value!r}")
    if not 1.0 <= value <= 60.0:
        raise ValueError(f"{name} is out of range: {value}")
    return float(value)


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{name} must be text, not {value!r}")
    return value
