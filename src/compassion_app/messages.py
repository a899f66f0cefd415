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

CHECK_IN_BEFORE = (
    "Before you begin",
    "If you like, take a moment to notice how you are. There are no right answers.",
    "Begin",
)
CHECK_IN_AFTER = (
    "How are you now?",
    "Whatever you notice is fine, and it is worth noticing.",
    "Save",
)
CHECK_IN_SKIP = "Skip"
PAUSE = "Pause"
RESUME = "Resume"
END_PRACTICE = "End practice"
OVERWHELMED = "Feeling overwhelmed?"
BACK_TO_TODAY = "Back to Today"
PAUSED = "Paused. Take all the time you need."
END_TITLE = "End practice"
END_QUESTION = "Would you like to end this practice now?"
END_DETAIL = "The time you have spent so far counts, and it will be saved."
END_NOW = "End now"
KEEP_PRACTISING = "Keep practising"
THANKS = "Thank you for practising"
# {time} is a practised time in words, e.g. "10 minutes" or "less than a minute".
FINISHED_SAVED = "You gave yourself {time} of care. It has been saved."
ENDED_EARLY_SAVED = "You practised for {time}. Every minute counts, and it is saved."
FINISHED_NOT_SAVED = (
    "You gave yourself {time} of care. It could not be saved just yet, so it is being kept "
    "safe here and will be saved as soon as saving works again."
)
ENDED_EARLY_NOT_SAVED = (
    "You practised for {time}. Every minute counts. It could not be saved just yet, so it is "
    "being kept safe here and will be saved as soon as saving works again."
)
TIME_LEFT = "{minutes}:{seconds:02d} left"
# Practised time, one rule everywhere (core/durations.py).
LESS_THAN_A_MINUTE = "less than a minute"
ONE_MINUTE = "{minutes} minute"
MINUTES = "{minutes} minutes"
SHORT_MINUTES = "{minutes} min"
PART_OF_MINUTES = "{done} of {planned} min"
UNDER_ONE = "under 1"
SOUND_LOST = (
    "The sound stopped reaching your speakers or headphones, so the practice carries on quietly. "
    "Nothing is lost; you can simply keep going."
)
SLEPT = "Your computer was resting, so the practice paused. Carry on whenever you are ready."
NOTICE_DISMISS = "Got it"
BREATHING_IN = "Breathing in"
BREATHING_OUT = "Breathing out"
BREATH_RESTING = "Resting"
PACER_COUNT = "{words} · {seconds}"  # the seconds left in this part of the breath
WINDOW_TITLE = "Compassion Companion"
TAB_TODAY = "Today"
TAB_SETTINGS = "Settings"


# --- Today and progress: figures, streaks, milestones, reminders -----------------------------

BEGIN = "Begin"
SUPPORT_AND_SAFETY = "Support and safety"
TODAYS_PRACTICE = "Today's practice"
PRACTICE_CHOICE = "Practice"  # read aloud by screen readers for the exercise list
LENGTH_CHOICE = "Length"
MINUTES_TODAY = "Minutes practised today"
PRACTICE_RUN = "Your practice run"
RECENT_PRACTICES = "Recent practices"
NOT_THERAPY = "A practice companion, not therapy or a crisis service."
NO_PRACTICES_FOUND = "No practices could be found. Please reinstall the app."
NO_RECENT_PRACTICES = "Your practices will appear here."
GOOD_MORNING = "Good morning"
GOOD_AFTERNOON = "Good afternoon"
GOOD_EVENING = "Good evening"
RUN_NOT_STARTED = "Ready when you are"
RUN_NOT_STARTED_WORDS = "Any day is a good day to begin, and rest days are part of the rhythm."
RUN_DAYS = "{days} day"
RUN_DAYS_PLURAL = "{days} days"
RUN_EVERY_DAY_WORDS = "Rest days count too, whenever you need them."
RUN_WITH_REST_WORDS = "{practice_days} days with practice, with rest days in between. Rest counts."
TODAY = "Today"
YESTERDAY = "Yesterday"
# One line of Recent: when, which practice, how long.
RECENT_LINE = "{when}  ·  {title}  ·  {length}"


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
