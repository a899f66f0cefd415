"""The words the app says to people, in one place.

Kept together so they can be read side by side for kindness and plain language (and, one day,
translated). Invite, never command; no shaming, no guilt, no nagging. Every module that shows or
prints a sentence to a person takes it from here; logs are for developers and stay where they are.
No imports: the core, the store, the audio engine and the screens can all use it cheaply.
"""

from __future__ import annotations

# Each room of the app has its own section below, so that work on one room does not collide with
# work on another. Add a room's words under its heading.

# --- Start-up, the single window, signals and the crash note ---------------------------------


# --- The store: saving, recovery, export and import ------------------------------------------


# --- Practice: check-in, practice screen, end screen, notices --------------------------------


# --- Today and progress: figures, streaks, milestones, reminders -----------------------------

# Choices on the progress screen (core/progress_settings.py declares them).
SETTING_WEEKLY_GOAL = "Days a week I would like to practise or rest on purpose"
SETTING_HIDE_STREAKS = "Hide the numbers of days and weeks in a row"
SETTING_REMINDER = "Offer one gentle reminder a day, if I have not practised yet"
SETTING_REMINDER_TIME = "Remind me at"
SETTING_START_AT_LOGIN = "Open Compassion Companion when I log in"

# Milestones: what the person has given themselves, never what they still owe.
MILESTONE_FIRST = "You gave yourself your first practice. That was a kind thing to do."


def milestone_hours(hours: int) -> str:
    amount = "an hour" if hours == 1 else f"{hours} hours"
    return f"You have given yourself {amount} of care."


def milestone_days(days: int) -> str:
    return f"You have made time for yourself on {days} days. Each one was a kindness."


def days(count: int) -> str:
    return f"{count} day" + ("" if count == 1 else "s")


def weeks(count: int) -> str:
    return f"{count} week" + ("" if count == 1 else "s")


# `compassion-app stats`: the same figures as the progress screen, in plain lines.
STATS_HEADING = "Your practice, as of {day}"
STATS_MINUTES_TODAY = "Minutes today"
STATS_MINUTES_WEEK = "This week"
STATS_MINUTES_MONTH = "This month"
STATS_MINUTES_TOTAL = "In all"
STATS_RUN = "Practice run"
STATS_RUN_NONE = "ready when you are"
STATS_RUN_DETAIL = "{days}, {practice_days} with practice; rest days count"
STATS_LONGEST = "Longest run"
STATS_WEEKS = "Weeks at your goal"
STATS_WEEKS_DETAIL = "{weeks} in a row (goal: {goal} days a week; {kept} so far this week)"
STATS_SCORE = "Consistency"
STATS_BY_EXERCISE = "Minutes by practice:"
STATS_CHECKINS = "Check-ins: on average, from before to after a practice ({count}):"
STATS_MILESTONES = "Milestones:"
STATS_NOTHING_YET = "No practices yet. Whenever you would like to begin, they will be counted here."
STATS_BAD_DAY = "{text!r} is not a date; please give it as YYYY-MM-DD, for example 2026-11-24."
MEASURE_NAMES = {
    "critic": "inner critic",
    "warmth": "warmth toward yourself",
    "settled": "feeling settled",
}


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
