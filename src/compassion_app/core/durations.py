"""One rule for showing practised time, so the end screen, Recent and Today never disagree.

Time is shown in whole minutes, to the nearest minute with halves rounded up (90 seconds is two
minutes, the rule the totals use too); under half a minute is "less than a minute", never "0".
"""

from __future__ import annotations

from compassion_app import messages as words

__all__ = ["length_in_minutes", "practised_of_planned", "practised_time", "whole_minutes"]


def whole_minutes(seconds: float) -> int:
    """Seconds as whole minutes, halves rounded up (the one rule, for totals too)."""
    return int(max(0.0, seconds) + 30) // 60


def practised_time(seconds: int) -> str:
    """In a sentence: "less than a minute", "1 minute", "12 minutes"."""
    minutes = whole_minutes(seconds)
    if minutes == 0:
        return words.LESS_THAN_A_MINUTE
    return (words.ONE_MINUTE if minutes == 1 else words.MINUTES).format(minutes=minutes)


def length_in_minutes(minutes: int) -> str:
    """A practice's length as offered: "1 minute", "10 minutes"."""
    return (words.ONE_MINUTE if minutes == 1 else words.MINUTES).format(minutes=minutes)


def practised_of_planned(actual_seconds: int, planned_seconds: int, completed: bool) -> str:
    """In a list: "10 min" for a whole practice, "2 of 10 min" or "under 1 of 3 min" for part.

    A whole one shorter than half a minute (a few moments of letter writing) is "under 1 min".
    """
    planned = whole_minutes(planned_seconds)
    if completed:
        return words.SHORT_MINUTES.format(minutes=planned or words.UNDER_ONE)
    done = whole_minutes(actual_seconds)
    part = str(done) if done else words.UNDER_ONE
    return words.PART_OF_MINUTES.format(done=part, planned=planned)
