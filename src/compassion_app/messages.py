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
# The progress screen.
PROGRESS_HEADING = "Your progress"
PROGRESS_FIGURES = {
    "minutes_today": "Minutes today",
    "this_week": "This week",
    "this_month": "This month",
    "total": "Time given to yourself",
    "score": "Consistency",
    "current_run": "Your practice run",
    "longest_run": "Longest run so far",
    "weeks_at_goal": "Weeks at your goal, in a row",
}
STREAK_FIGURES = ("current_run", "longest_run", "weeks_at_goal")  # hidden on request
RUN_READY = "Ready when you are"
PROGRESS_STATUS_NAME = "Messages about saving"
REST_DAY_PICK = "Day"
REST_DAY_MARK = "A rest day: it keeps your practice run going"
DAY_AHEAD = "Still ahead."
LETTER_UNTITLED = "a letter without a title"
MILESTONES_HEADING = "What you have given yourself"
MILESTONES_NONE = "Your milestones will gather here, one practice at a time."
CHOICES_HEADING = "Your choices"
CHOICE_KEPT_FOR_NOW = "Your choice applies until you close the app."
EXPORT_DIALOG = "Save a copy"
TREND_NONE = "Check-ins are always optional. If you give them, the weeks' story shows here."
TREND_STEADY = "However the weeks go, each check-in is a moment of noticing, with kindness."
TREND_GOOD = {
    "critic": "Your inner critic has been a little quieter lately.",
    "warmth": "Warmth toward yourself has been growing lately.",
    "settled": "You have been arriving a little more settled lately.",
}
TREND_THRESHOLD = 0.1  # points per week: smaller changes are just the ordinary ups and downs


def trend_words(trends: dict[str, float | None]) -> str:
    """Kind words about the check-in trends: what is growing, and never what is not."""
    if all(value is None for value in trends.values()):
        return TREND_NONE
    good = [
        TREND_GOOD[measure]
        for measure, value in trends.items()
        if value is not None
        and (value < -TREND_THRESHOLD if measure == "critic" else value > TREND_THRESHOLD)
    ]
    return " ".join(good) or TREND_STEADY


def hours_and_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)} %"


def practice_length(seconds: int) -> str:
    return "under a minute" if seconds < 30 else f"{(seconds + 30) // 60} min"


# The daily reminder: an invitation, never a duty.
PROGRESS_TAB = "Progress"
REMINDER_TITLE = "A moment for yourself?"
REMINDER_TEXT = "If you would like, there is time for a few kind minutes of practice today."
REMINDER_BEGIN = "Practise now"
REMINDER_LATER = "Later"
REMINDER_NOT_TODAY = "Not today"
AUTOSTART_COMMENT = "A gentle companion for daily compassion practice"
AUTOSTART_UNSUPPORTED = (
    "Opening at login can be set up on Linux for now; on this system, please use its own "
    "settings for apps that open at login."
)
AUTOSTART_FAILED = "Opening at login could not be set up ({reason})."


# The year calendar on the progress screen.
HEATMAP_NAME = "Your year of practice"
HEATMAP_LESS = "Less"
HEATMAP_MORE = "More"
HEATMAP_REST = "rest day"
HEATMAP_KEYS = "Use the arrow keys to move from day to day."
DAY_QUIET = "A quiet day."
DAY_REST = "A rest day, chosen with care."
DAY_LETTER = "Letter: {title}"


def heatmap_overview(minutes: int, days: int) -> str:
    if not days:
        return f"No practice in the past year yet. {HEATMAP_KEYS}"
    return f"{minutes} minutes of practice on {days} days in the past year. {HEATMAP_KEYS}"


# The charts on the progress screen, and saving them.
CHART_WEEKS_NAME = "Minutes of practice each week"
CHART_CHECKINS_NAME = "Your check-ins, week by week"
CSV_DAYS_HEADER = ["date", "minutes", "practices", "rest_day"]
CSV_WEEKS_HEADER = ["week_starting", "minutes"]
CSV_CHECKINS_HEADER = ["week_starting", "check_ins", "inner_critic", "warmth", "settled"]
EXPORT_PICTURE = "Save as picture…"
EXPORT_TABLE = "Save as table…"
EXPORT_PICTURE_FILTER = "PNG image (*.png)"
EXPORT_TABLE_FILTER = "CSV table (*.csv)"
EXPORT_IMAGE_FAILED = "the image could not be written"
EXPORT_SAVED = "Saved to {path}."
EXPORT_FAILED = "This could not be saved to {path} ({reason}). Nothing else was changed."


def chart_weeks_description(minutes: list[int]) -> str:
    if not any(minutes):
        return f"No practice in these {len(minutes)} weeks yet."
    average = round(sum(minutes) / len(minutes))
    return (
        f"{len(minutes)} weeks. This week so far: {minutes[-1]} minutes. "
        f"On average {average} minutes a week."
    )


def chart_checkins_description(weeks_with_checkins: int) -> str:
    if not weeks_with_checkins:
        return "No check-ins in these weeks. They are always optional."
    return (
        f"Average ratings before practice, 0 to 10, in {weeks_with_checkins} weeks: "
        "inner critic, warmth toward yourself and feeling settled."
    )


MEASURE_NAMES = {
    "critic": "inner critic",
    "warmth": "warmth toward yourself",
    "settled": "feeling settled",
}


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
