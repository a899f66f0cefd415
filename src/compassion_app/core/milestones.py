"""Milestones: what the person has given themselves so far, in kind words (messages.py).

Only what has been reached is shown - never a countdown to the next one, which would read as a
task still owed.
"""

from __future__ import annotations

from compassion_app import messages

HOUR_MILESTONES = (1, 5, 10, 25, 50, 100, 250, 500, 1000)
DAY_MILESTONES = (7, 30, 50, 100, 200, 365, 500, 1000)


def milestones(total_minutes: int, practice_days: int) -> list[str]:
    """The biggest milestone reached in hours of care and in days, then the very first practice."""
    hours = [h for h in HOUR_MILESTONES if total_minutes >= h * 60]
    days = [d for d in DAY_MILESTONES if practice_days >= d]
    reached = [messages.milestone_hours(hours[-1])] if hours else []
    reached += [messages.milestone_days(days[-1])] if days else []
    return reached + ([messages.MILESTONE_FIRST] if practice_days else [])
