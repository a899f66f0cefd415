"""When to offer the one gentle reminder of the day - decided on a clock that is handed in.

The reminder is offered once, at or after the chosen time, on a day with no practice yet. "Later"
offers it again after SNOOZE (only because the person asked); "not today" lets the day be. What
happened today is remembered in the store, so opening the app again never nudges twice.
No Qt here: the window's timer and the tray only ask `due` and report what the person chose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

SNOOZE = timedelta(minutes=30)
MEMORY_KEY = "reminder_memory"  # the store setting that remembers today's reminder


@dataclass(frozen=True)
class ReminderMemory:
    offered_on: date | None = None  # the day the reminder was last offered of its own accord
    snoozed_until: datetime | None = None  # "later": offer again from this local time
    declined_on: date | None = None  # "not today"

    def to_dict(self) -> dict[str, Any]:
        return {
            "offered_on": _iso(self.offered_on),
            "snoozed_until": _iso(self.snoozed_until),
            "declined_on": _iso(self.declined_on),
        }

    @classmethod
    def from_dict(cls, data: Any) -> ReminderMemory:
        """What was remembered; anything unreadable is forgotten (at worst, one more offer)."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                _day(data.get("offered_on")),
                _moment(data.get("snoozed_until")),
                _day(data.get("declined_on")),
            )
        except (TypeError, ValueError):
            return cls()


def due(memory: ReminderMemory, at: time, now: datetime, practised_today: bool) -> bool:
    """Whether to offer the reminder now (`now` is the local wall-clock time)."""
    today = now.date()
    if practised_today or memory.declined_on == today:
        return False
    if memory.snoozed_until is not None and memory.snoozed_until.date() == today:
        return now >= memory.snoozed_until
    return memory.offered_on != today and now.time() >= at


def offered(memory: ReminderMemory, now: datetime) -> ReminderMemory:
    """The reminder has just been offered: not again today unless the person asks for later."""
    return replace(memory, offered_on=now.date(), snoozed_until=None)


def later(memory: ReminderMemory, now: datetime) -> ReminderMemory:
    """Offer it again in SNOOZE - unless that would be tomorrow, which has its own reminder."""
    until = now + SNOOZE
    return replace(memory, snoozed_until=until if until.date() == now.date() else None)


def not_today(memory: ReminderMemory, now: datetime) -> ReminderMemory:
    return replace(memory, declined_on=now.date(), snoozed_until=None)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None
