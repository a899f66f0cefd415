"""The person's choices about progress and the daily reminder, each declared once, as data.

Each field carries its own bounds and words (in messages.py, declared as in
core/setting_fields.py); the progress screen builds its controls from them, so a new choice is
one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from compassion_app import messages
from compassion_app.core import setting_fields as declare
from compassion_app.core.setting_fields import parse_time

STORE_KEY = "progress"  # the store setting these live under


@dataclass(frozen=True)
class ProgressSettings(declare.SavedSettings):
    weekly_goal_days: int = declare.number(5, messages.SETTING_WEEKLY_GOAL, bounds=(1, 7))
    hide_streaks: bool = declare.switch(False, messages.SETTING_HIDE_STREAKS)
    reminder: bool = declare.switch(False, messages.SETTING_REMINDER)
    reminder_time: str = declare.time_of_day(
        "19:00", messages.SETTING_REMINDER_TIME, needs="reminder"
    )
    start_at_login: bool = declare.switch(False, messages.SETTING_START_AT_LOGIN)

    @property
    def reminder_at(self) -> time:
        return parse_time(self.reminder_time) or time(19, 0)
