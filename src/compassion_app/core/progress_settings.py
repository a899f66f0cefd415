"""The person's choices about progress and the daily reminder, each declared once, as data.

Each field carries its own bounds and words (in messages.py); `from_dict` checks saved values
against them and the progress screen builds its controls from them, so a new choice is one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import time
from typing import Any

from compassion_app import messages

STORE_KEY = "progress"  # the store setting these live under


def _choice(
    default: Any, label: str, bounds: tuple[int, int] | None = None, is_time: bool = False
) -> Any:
    return field(default=default, metadata={"label": label, "bounds": bounds, "time": is_time})


@dataclass(frozen=True)
class ProgressSettings:
    weekly_goal_days: int = _choice(5, messages.SETTING_WEEKLY_GOAL, bounds=(1, 7))
    hide_streaks: bool = _choice(False, messages.SETTING_HIDE_STREAKS)
    reminder: bool = _choice(False, messages.SETTING_REMINDER)
    reminder_time: str = _choice("19:00", messages.SETTING_REMINDER_TIME, is_time=True)
    start_at_login: bool = _choice(False, messages.SETTING_START_AT_LOGIN)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> ProgressSettings:
        """Settings from what was saved; anything unreadable quietly falls back to its default."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for item in fields(cls):
            if item.name in data:
                value = data[item.name]
                if _acceptable(item.default, item.metadata, value):
                    settings = replace(settings, **{item.name: value})
        return settings

    @property
    def reminder_at(self) -> time:
        return parse_time(self.reminder_time) or time(19, 0)


def label(name: str) -> str:
    """The words beside the control for the setting called `name`."""
    found: str = _declared(name)["label"]
    return found


def bounds(name: str) -> tuple[int, int]:
    found: tuple[int, int] = _declared(name)["bounds"]
    return found


def _declared(name: str) -> Mapping[str, Any]:
    return next(item.metadata for item in fields(ProgressSettings) if item.name == name)


def parse_time(text: str) -> time | None:
    """A local time of day from "HH:MM", or None when it is not one."""
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return time(int(hours), int(minutes))


def _acceptable(default: Any, declared: Mapping[str, Any], value: Any) -> bool:
    if type(value) is not type(default):  # a bool is no int here, nor the other way round
        return False
    if declared["bounds"] is not None:
        low, high = declared["bounds"]
        return bool(low <= value <= high)
    if declared["time"]:
        return parse_time(value) is not None  # local "HH:MM"
    return True
