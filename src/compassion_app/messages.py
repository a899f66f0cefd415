"""The words the app says to people, in one place.

Kept together so they can be read side by side for kindness and plain language (and, one day,
translated). Invite, never command; no shaming, no guilt, no nagging. Every module that shows or
prints a sentence to a person takes it from here; logs are for developers and stay where they are.
No imports: the core, the store, the audio engine and the screens can all use it cheaply.
"""

from __future__ import annotations

# Each room of the app has its own section below, so that work on one room does not collide with
# work on another. Add a room's words under its heading.

# --- A file or folder that could not be used (compassion_app/reasons.py) ---------------------

# What happened, and what the person could do; the exception's own text goes to the log only.
# {place} is the file or folder, as the person chose it.
REASON_NO_SPACE = (
    "There was not enough space on the disk. Freeing a little space, or choosing another place, "
    "would let it work."
)
REASON_NOT_ALLOWED = (
    "Compassion Companion is not allowed to use {place}; you could choose another place."
)
REASON_READ_ONLY = (
    "{place} is on a disk that can only be read, not written to; you could choose another place."
)
REASON_MISSING = (
    "{place} could not be found. It may have been moved or renamed, or it may be on a disk that "
    "is not connected just now."
)
REASON_NO_DEVICE = (
    "The disk holding {place} could not be reached just now. If it is a removable or network "
    "disk, connecting it again and trying once more may help."
)
REASON_NAME_TOO_LONG = "The name {place} is too long for this disk; a shorter name would work."
REASON_IS_FOLDER = "{place} is a folder; you could choose a file name inside it."
REASON_NOT_A_FOLDER = (
    "{place}, or a part of it, is a file where a folder is needed; you could choose another place."
)
REASON_UNEXPECTED = (
    "Something unexpected got in the way. Trying again, or choosing another place, may help; "
    "the details are in the app's log."
)
REASON_SOME_FILE = "the file"


# --- Start-up, the single window, signals and the crash note ---------------------------------

# Shown in a window when something unexpected goes wrong while the app is open. It says only what
# is known: what was saved is on disk (each save is written whole or not at all), the last few
# moments may not be.
KIND_CRASH_MESSAGE = (
    "Something went wrong inside Compassion Companion. It was not anything you did.\n\n"
    "What the app had already saved is still on this computer. Anything from the last few "
    "moments may not have been saved.\n\nA note about the problem was written to:\n{log}"
)
KIND_CRASH_MESSAGE_NO_LOG = (
    "Something went wrong inside Compassion Companion. It was not anything you did.\n\n"
    "What the app had already saved is still on this computer. Anything from the last few "
    "moments may not have been saved."
)
# Printed when the app cannot open at all (there is no window yet to show it in).
# (The app never deletes saved practices or letters on its way out, which is all these promise.)
STARTUP_FAILED = (
    "Compassion Companion could not open, because of an unexpected problem. It was not anything "
    "you did, and none of your saved practices or letters were removed. A note about the problem "
    "was written to: {log}"
)
STARTUP_FAILED_NO_LOG = (
    "Compassion Companion could not open, because of an unexpected problem. It was not anything "
    "you did, and none of your saved practices or letters were removed. The details are in the "
    "notes above."
)
FOLDER_UNUSABLE = (
    "Compassion Companion cannot keep your practices in the folder {folder}. {reason} "
    "(--data-dir chooses another folder.)"
)
LOG_UNUSABLE = (
    "Compassion Companion cannot write its notes to {log}, so they go to the terminal instead. "
    "{reason}"
)
# {problem} is the store's own sentence, already written for the person (store/errors.py).
STORE_UNUSABLE = "{problem} Practices today will be kept only until you close the app."
# At quit, after the window has gone: the store's own words say what was kept and where.
STORE_CLOSE_FAILED = "Compassion Companion could not finish saving as it closed. {problem}"
STORE_CLOSE_FAILED_UNKNOWN = (
    "Compassion Companion could not finish saving as it closed, because of an unexpected "
    "problem. What was saved before is still on this computer, but the last changes may not "
    "have been saved. The details are in the app's log."
)
ALREADY_OPEN = "Compassion Companion is already open; its window has been brought forward."
ALREADY_OPEN_NO_ANSWER = (
    "Compassion Companion is already open with this folder. Its window did not answer just now; "
    "it may still be starting."
)

# The command line's own words (list, timeline, render).
CLI_LIST_ROW = "{id}\t{title}\t{lengths}"
CLI_NOTE = "Note: {problem}"
CLI_NO_SUCH_EXERCISE = "There is no exercise called {exercise!r}. Known: {known}."
CLI_LENGTHS = "{title} can be practised for {lengths}."
CLI_RENDER_FAILED = "The practice could not be written to {out}. {reason}"
RENDER_UNKNOWN_FORMAT = "{name} cannot be written: a name ending in .wav, .flac or .ogg would work."
CLI_RENDERED = "Wrote {title}, {minutes} min, to {out}"
CLI_IMPORT_WHILE_OPEN = (
    "Compassion Companion is open just now, and it keeps your history safe by letting only one "
    "thing add to it at a time. Nothing was changed. You could close the app and run this import "
    "again, or import the file in the app itself, under Settings › Your data › Import…."
)
CLI_PASSPHRASE = (
    "Your letters are protected. Their passphrase lets this import add letters too; it is not "
    "shown as you type (Enter alone leaves the letters closed): "
)


# --- The store: saving, recovery, export and import ------------------------------------------

STORE_NEWER_SCHEMA = (
    "This practice history was written by a newer version of Compassion Companion{where}, so this "
    "version cannot open it safely. Nothing in it has been changed. Please update Compassion "
    "Companion to carry on with your history. (History format {found}; this version understands "
    "up to {known}.)"
)
STORE_CANNOT_OPEN = "Your practice history at {path} could not be opened. {reason}"
STORE_IN_USE = (
    "Your practice history at {folder} is being used by another Compassion Companion just now "
    "(perhaps an open window). Nothing was changed. Please try again once it has finished."
)
STORE_REASON_FULL = "the disk is full"
STORE_REASON_NOT_ALLOWED = "Compassion Companion is not allowed to write to {place}"
STORE_REASON_OTHER = "of a problem writing to the disk (the details are in the app's log)"
STORE_NOT_SAVED = "{what} could not be saved because {reason}. Everything saved earlier is safe."
STORE_KEPT_FOR_RETRY = " It is being kept, and will be saved as soon as saving works again."
STORE_KEPT_ELSEWHERE = (
    " It has been kept in {place}, and will be added to your history the next time "
    "Compassion Companion opens."
)
STORE_LOST_AT_CLOSE = (
    " It could not be kept anywhere else either, so it may be missing next time. We are sorry."
)
STORE_WHAT_PRACTICE = "Your practice"
STORE_WHAT_PRACTICES = "Your last {count} practices"
STORE_WHAT_LAST_PRACTICE = "Your last practice"
STORE_WHAT_CHECKIN = "Your check-in"
STORE_WHAT_SETTING = "Your setting"
STORE_WHAT_REST_DAY = "Your rest day"
STORE_WHAT_LETTER = "Your letter"
STORE_WHAT_UNSAVED = "What you did not get to save"
STORE_WHAT_DELETION = "The letter could not be deleted: it"

# Recovery, told once at start-up. {file} names what it holds in words ("your settings").
STORE_FILE_SETTINGS = "your settings"
STORE_FILE_YEAR = "your practices from {year}"
STORE_FILE_LETTER_INDEX = "the list of your letters"
STORE_FILE_LETTER = "one of your letters"
STORE_DAMAGED_RESTORED = (
    "The file holding {file} could not be read, so it was set aside at {aside} and your last "
    "good copy (from {when}) was restored. Only your most recent change may be missing. "
    "Nothing was deleted."
)
STORE_DAMAGED_FRESH = (
    "The file holding {file} could not be read, so it was set aside at {aside}. There was no "
    "readable backup, so it starts afresh. Nothing was deleted: the old file is still there if "
    "you would like help recovering it."
)
STORE_MISSING_RESTORED = (
    "The file holding {file} was missing, so your last good copy (from {when}) was restored. "
    "Only your most recent change may be missing."
)
STORE_BACKUP_SET_ASIDE = " A damaged backup was set aside at {aside}."
STORE_BIGGER_BACKUP_KEPT = (
    "The file holding {file} had become smaller than its backup, so the backup was kept at "
    "{kept} instead of being replaced. Nothing was deleted."
)
STORE_PENDING_MERGED = (
    "Some things that could not be saved last time ({what}) were found and have now been "
    "added to your history."
)
STORE_PENDING_MERGE_FAILED = (
    "Some things that could not be saved last time are still kept safely at {place}; they will "
    "be added as soon as saving works again."
)
STORE_PENDING_SEALED = (
    "Some things that could not be saved last time are kept safely, sealed with your letters' "
    "passphrase; they will be added once your letters are opened."
)
STORE_MIGRATED = (
    "Your history has been rearranged into smaller files so that saving stays quick. Your "
    "original file is kept, unchanged, at {kept}."
)
STORE_LETTERS_LOCKED = (
    "Your letters are protected with a passphrase. They open once the passphrase is given; "
    "nothing has been changed."
)
STORE_SEALED_MARK = "The letters in this folder are protected with a passphrase.\n"
STORE_WHEN_LAST_SAVE = "the last save"
STORE_WHEN_DAY = "{day}"

# Reading the history while the app is open (store/reading.py): nothing on disk is changed, so
# each says what the app will tidy the next time it opens.
READING_DAMAGED_COPY = (
    "The file holding {file} could not be read, so these figures come from your last good copy "
    "(from {when}). Nothing was changed; Compassion Companion will set the file aside and "
    "restore that copy the next time it opens."
)
READING_MISSING_COPY = (
    "The file holding {file} is missing, so these figures come from your last good copy (from "
    "{when}). Nothing was changed; Compassion Companion will restore it the next time it opens."
)
READING_DAMAGED_NOTHING = (
    "The file holding {file} could not be read and has no readable copy, so nothing from it is "
    "included here. Nothing was changed; Compassion Companion will set it aside the next time it "
    "opens, and it stays there if you would like help recovering it."
)
READING_NOT_OPENED = (
    "The file holding {file} could not be opened, so nothing from it is included here. {reason}"
)
READING_NOT_MIGRATED = (
    "Your history is still in the older single-file form; it was read as it is. Compassion "
    "Companion will rearrange it into smaller files the next time it opens."
)
READING_PENDING = (
    "Some things that could not be saved last time, kept safely at {place}, are included here. "
    "Compassion Companion will add them to your history the next time it opens."
)
READING_PENDING_SEALED = (
    "Some things that could not be saved last time are kept safely, sealed with your letters' "
    "passphrase, and are not included here yet. They will be added once your letters are opened "
    "in the app."
)

# Export and import (the command line and, later, the settings screen).


def exported(practices: int, letters: int | None, path: object) -> str:
    """What an export wrote. A table (.csv) holds practices only, so it names no letters:
    "and 0 letters" would read as if the person's letters had been lost."""
    what = counted(practices, "practice")
    if letters is not None:
        what += f" and {counted(letters, 'letter')}"
    return f"Wrote {what} to {path}."


STORE_EXPORT_FAILED = "Your history could not be written to {path}. {reason} Nothing was changed."


def imported(practices: int, versions: int, rest_days: int, skipped: int, path: object) -> str:
    """What an import added, each count with its word ("1 rest day", not "1 rest days")."""
    added = (
        f"Added {counted(practices, 'practice')}, {counted(versions, 'letter version')} and "
        f"{counted(rest_days, 'rest day')} from {path}."
    )
    if skipped == 1:
        return f"{added} 1 was already here and was left as it was."
    return f"{added} {skipped} were already here and were left as they were."


STORE_IMPORT_UNREADABLE = "{path} could not be read. {reason} Nothing was changed."
STORE_IMPORT_NOT_JSON = (
    "{path} is not a Compassion Companion export: it does not hold the kind of text an export "
    "does{where}. Nothing was changed."
)
STORE_IMPORT_NOT_JSON_WHERE = " (the first unexpected part is on line {line})"
STORE_IMPORT_INVALID = "{path} could not be imported, so nothing was changed: {problem}."
STORE_IMPORT_WRONG_FORMAT = 'it does not say "format": "compassion-companion" at the top'
STORE_IMPORT_NEWER = (
    "it was written by a newer Compassion Companion (format version {found}; this one "
    "understands up to {known})"
)
STORE_IMPORT_BAD_FIELD = "{where} {problem}"
STORE_IMPORT_NOT_MAP = "is not a map"
STORE_IMPORT_NOT_LIST = "is not a list"
STORE_IMPORT_NOT_TEXT = "is not text"
STORE_IMPORT_BAD_VALUE = (
    "holds a value this version cannot read there (a number, a date or some text where another "
    "kind was expected)"
)
STORE_IMPORT_NOT_TABLE = "it is not a table of practices written as UTF-8 text"
STORE_IMPORT_MISSING = "has no '{field}'"
STORE_IMPORT_NO_VERSIONS = 'has no list of "versions"'
STORE_IMPORT_VERSION_BELOW_1 = "has version {version}; versions start at 1"
STORE_IMPORT_OTHER_LETTER = "belongs to another letter"
STORE_PENDING_WHAT = "{practices} practices, {letters} letter versions"


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
# Each check-in scale: its key, the question, and the words at either end of 0 to 10.
CHECK_IN_QUESTIONS = (
    ("critic", "How loud is your inner critic right now?", "quiet", "very loud"),
    ("warmth", "How much warmth do you feel toward yourself?", "none just now", "a lot"),
    ("settled", "How settled and safe do you feel?", "not at all", "completely"),
)
CHECK_IN_VALUE = "{value} out of 10 (0 is {low}, 10 is {high})"  # what a screen reader says
VOLUME_VALUE = "{value} %"
PAUSE = "Pause"
PRACTICE_KEYS = "Space pauses or carries on; Escape asks whether you would like to end."
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
NOTICE_DETAILS = "Details"  # shows what the system said, for whoever helps look into it
BREATHING_IN = "Breathing in"
BREATHING_OUT = "Breathing out"
BREATH_RESTING = "Resting"
PACER_COUNT = "{words} · {seconds}"  # the seconds left in this part of the breath
# What a screen reader says of the pacer: told again as each part of the breath begins.
PACER_NAME = "Breathing circle"
PACER_STILL = "The circle rests until the practice begins."
PACER_SPOKEN = "{words}, {seconds} seconds left"
PACER_SPOKEN_ONE = "{words}, 1 second left"
WINDOW_TITLE = "Compassion Companion"
TAB_TODAY = "Today"
TAB_SETTINGS = "Settings"


# --- Support and safety: the dialog, and "End gently" inside a practice ------------------------

SAFETY_TEXT = """
<h2>You are not alone</h2>
<p>Compassion Companion is a place to practise kindness toward yourself. It is not therapy and it
is not a crisis service. For deeper work, a therapist trained in compassion-focused therapy can walk
beside you.</p>
<h3>If a practice stirs up too much</h3>
<p>It is always fine to stop. You might try this, gently:</p>
<ul>
<li>Open your eyes and let them rest on five things you can see.</li>
<li>Feel your feet on the floor and the chair holding you.</li>
<li>Breathe out a little longer than you breathe in, a few times.</li>
<li>Name, quietly, where you are and what day it is.</li>
</ul>
<h3>If you are in danger or thinking of ending your life</h3>
<ul>
<li>Call your local emergency number (112 in Europe, 999 in the UK, 911 in the US).</li>
<li>UK and Ireland: Samaritans, free, day or night: <b>116 123</b>.</li>
<li>United States: 988 Suicide &amp; Crisis Lifeline: call or text <b>988</b>.</li>
<li>Elsewhere: your doctor, or a local crisis line, can help you right now.</li>
</ul>
<p>Reaching out is a brave and caring thing to do for yourself.</p>
"""
# Offered only while a practice is under way: a short grounding, then the practice ends.
SAFETY_END_GENTLY = "End gently"
SAFETY_END_GENTLY_HELP = (
    "End gently: a few calm moments to come back to the room, then the practice ends. The time "
    "you have practised is kept."
)
GROUNDING_HEADING = "Coming back gently"
# Shown one after another, each for a few slow breaths (core/grounding.py times them).
GROUNDING_LINES = (
    "The practice is over for now. You are here, and you are safe to stop.",
    "Feel your feet on the floor, and the chair or the ground holding you.",
    "Let your eyes rest on five things you can see, one at a time.",
    "Breathe out a little longer than you breathe in, a few times, at your own pace.",
    "Stopping when it is too much is a caring thing to do. Take all the time you like.",
)
GROUNDING_GO_ON = "Go on when you are ready"
ENDED_GENTLY_THANKS = "Thank you for looking after yourself"
# {time} is a practised time in words, as on the end screen.
ENDED_GENTLY_SAVED = (
    "You practised for {time}, then chose to stop and look after yourself. It all counts, "
    "and it is saved."
)
ENDED_GENTLY_NOT_SAVED = (
    "You practised for {time}, then chose to stop and look after yourself. It all counts. It "
    "could not be saved just yet, so it is being kept safe here and will be saved as soon as "
    "saving works again."
)

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
NO_PRACTICES_FOUND = (
    "The practices that come with the app could not be found on this computer, so there is "
    "nothing to begin just now. Installing Compassion Companion again brings them back; your "
    "history and letters are kept."
)
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


def counted(count: int, thing: str) -> str:
    """ "1 practice", "3 practices": a count with its word."""
    return f"{count} {thing}" + ("" if count == 1 else "s")


def lengths(minutes: tuple[int, ...] | list[int], last: str = ", ") -> str:
    """An exercise's lengths: "1 minute", "3, 5 minutes" (or "3 or 5 minutes", with `last`)."""
    shown = [str(m) for m in minutes]
    listed = last.join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else "".join(shown)
    return listed + (" minute" if list(minutes) == [1] else " minutes")


def days(count: int) -> str:
    return counted(count, "day")


def weeks(count: int) -> str:
    return counted(count, "week")


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
PROGRESS_STATUS_NAME = "Messages about saving"
REST_DAY_PICK = "Day"
REST_DAY_MARK = "A rest day: it keeps your practice run going"
DAY_AHEAD = "Still ahead."
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


def week_so_far(kept: int, goal: int) -> str:
    """Instead of "0 weeks": where this week is, toward the goal (rest days count)."""
    return f"{kept} of {goal} days this week" if kept else RUN_NOT_STARTED


def hours_and_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)} %"


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
AUTOSTART_FAILED = "Opening at login could not be set up. {reason}"


# The year calendar on the progress screen.
HEATMAP_NAME = "Your year of practice"
HEATMAP_LESS = "Less"
HEATMAP_MORE = "More"
HEATMAP_REST = "rest day"
HEATMAP_KEYS = "Use the arrow keys to move from day to day."
DAY_QUIET = "A quiet day."
DAY_REST = "A rest day, chosen with care."
DAY_LETTER = "Letter: {title}"
DAY_CRITIC_NOTE = "Critic note: what the critic said, and a kinder answer"


def heatmap_overview(minutes: int, days: int, rest_days: int = 0) -> str:
    rest = f", {rest_days} rest {'day' if rest_days == 1 else 'days'}" if rest_days else ""
    if not days:
        return f"No practice in the past year yet{rest}. {HEATMAP_KEYS}"
    practised = f"{days} {'day' if days == 1 else 'days'}"
    return f"Past year: {minutes} minutes of practice on {practised}{rest}. {HEATMAP_KEYS}"


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
EXPORT_FAILED = "This could not be saved to {path}. {reason} Nothing else was changed."


def chart_weeks_description(minutes: list[int]) -> str:
    if not any(minutes):
        return f"No practice in these {len(minutes)} weeks yet."
    average = round(sum(minutes) / len(minutes))
    return (
        f"{len(minutes)} weeks. This week so far: {minutes[-1]} minutes. "
        f"On average {average} minutes a week."
    )


def chart_week_minutes(monday: object, minutes: int) -> str:
    return f"Week of {monday:%d %B}: {minutes} minutes"


def chart_week_checkins(monday: object, count: int, average: dict[str, float]) -> str:
    if not count:
        return f"Week of {monday:%d %B}: no check-ins, and that is fine"
    ratings = ", ".join(f"{MEASURE_NAMES[m]} {value:.1f}" for m, value in average.items())
    return f"Week of {monday:%d %B}, before practice ({count}): {ratings}"


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

WRITING_A_LETTER = "Writing a letter"  # how time spent writing is named in lists of practice
# The archive
LETTERS_TAB = "Letters"
LETTERS_HEADING = "Your letters"
LETTERS_INTRO = (
    "A quiet place to write to yourself with kindness. Your letters stay on this computer."
)
LETTERS_NEW = "Begin a letter"
LETTERS_SEARCH = "Search your letters"
LETTERS_LIST_KEYS = "Newest first. The arrow keys move through them; Enter opens one."
LETTERS_EMPTY = "Your letters will be kept here. Whenever you feel ready, you could begin one."
LETTERS_NO_MATCH = "No letter holds those words."
LETTER_UNTITLED = "Untitled letter"
LETTER_DRAFT = "draft"
LETTER_FINISHED = "finished"
LETTER_VERSIONS = "{count} versions"
LETTERS_COULD_NOT_OPEN = (
    "This letter could not be opened just now. It has not been changed; you could try again."
)

# Choosing how to begin
LETTER_CHOOSE_HEADING = "How would you like to begin?"
LETTER_BLANK_TITLE = "A blank page"
LETTER_BLANK_SUMMARY = "Start with nothing but the page, in your own way."
LETTER_BREATHE_FIRST = "Breathe gently for a minute first"
LETTER_LEAD_IN_HEADING = "A minute of soothing breath"
LETTER_LEAD_IN_INTRO = "Let the breath slow a little. The page will be ready for you afterwards."
LETTER_LEAD_IN_SKIP = "Go to the page now"
LETTER_LEAD_IN_UNAVAILABLE = (
    "The breathing lead-in is not available just now, so the page is ready for you straight away."
)
LETTER_TIMER_NONE = "No timer"
LETTER_TIMER_MINUTES = "{minutes} minutes"
LETTER_TIMER_LABEL = "A gentle timer"

# The editor
LETTER_TITLE_PLACEHOLDER = "A title, if you like"
LETTER_TITLE_NAME = "Title"
LETTER_BODY_NAME = "Your letter"
LETTER_BODY_PLACEHOLDER = "Write whatever comes. There is no wrong way to do this."
LETTER_PROMPTS_HEADING = "Some gentle steps, if they help"
LETTER_SAVED = "Saved"
LETTER_KEPT = "Your words are kept here and will be saved as soon as saving works again."
LETTER_FINISH = "I have finished for now"
LETTER_BACK = "Back to your letters"
LETTER_TIME_LEFT = "{minutes}:{seconds:02d} left"
LETTER_TIME_UP = "Your {minutes} minutes are up. Keep writing if you like, or rest here a moment."
LETTER_REVISING = "Version {version}: your earlier versions are kept as they were."

# Re-reading
LETTER_READ_INVITE = "If you like, read it aloud slowly, in the warmest voice you have."
LETTER_NEXT = "Next"
LETTER_PREVIOUS = "Back a little"
LETTER_POSITION = "{index} of {count}"
LETTER_READER_KEYS = "The right arrow or Space shows the next passage, the left arrow the last."
LETTER_REVISE = "Write a new version"
LETTER_EMPTY_BODY = "This letter has no words yet."
LETTER_SECOND_LOOK = "A gentle second look"
LETTER_SECOND_LOOK_HELP = (
    "Softly marks words where the inner critic may have crept in. It never changes your letter."
)
LETTER_CRITIC_DEMAND = "Would your compassionate self say it this way?"
LETTER_CRITIC_ABSOLUTE = "Is it truly always so, or does it feel that way just now?"
LETTER_CRITIC_LABEL = "Would you use this word for a friend you care about?"
LETTER_CRITIC_BLAME = "What would someone who knows your whole story say here?"

# Hearing it in your own voice
LETTER_RECORD = "Hear it in your own voice"
LETTER_RECORD_STOP = "Stop recording"
LETTER_LISTENING = "Listening. Take all the time you need."
LETTER_PLAY = "Play your reading"
LETTER_PLAY_STOP = "Stop playing"
LETTER_PLAY_WITH_RAIN = "With soft rain underneath"
LETTER_RECORDING_KEPT = "Your reading is kept with this letter."
LETTER_NO_MICROPHONE = (
    "No microphone could be found, so a reading cannot be recorded right now. Your letter is "
    "just as it was, and you can read it aloud whenever you like."
)
LETTER_NO_PLAYBACK = (
    "Sound is not available on this computer right now, so your reading cannot be played. "
    "It is still kept safely with your letter."
)
LETTER_EXPORT_ABOUT = "Begun {begun} · last written {written} · {state}"
LETTER_EXPORT_ONE = "Save a copy of this letter…"
LETTER_EXPORT_ALL = "Save a copy of all letters…"
LETTER_PRINT = "Print…"
LETTER_EXPORT_TITLE = "Save a copy"
LETTER_EXPORT_FILTER = "Markdown (*.md);;PDF (*.pdf)"
LETTER_EXPORTED = "A copy is saved in {path}, readable only by your own account."
LETTER_NOT_EXPORTED = (
    "The copy could not be saved. {reason} Your letters themselves are safe and unchanged."
)
LETTER_WRONG_PASSPHRASE = (
    "That passphrase does not open your letters. Nothing has been changed; you could try again."
)
LETTER_ALREADY_PROTECTED = "Your letters are already protected by a passphrase."
LETTER_KEY_FILE_DAMAGED = (
    "The file that holds the key to your letters cannot be read, so they cannot be opened just "
    "now. Nothing has been changed or deleted."
)
LETTER_PROTECT = "Protect with a passphrase…"
LETTER_PROTECT_HEADING = "Protect your letters with a passphrase"
LETTER_PROTECT_WARNING = (
    "Choose something you will remember, or keep it somewhere safe. A forgotten passphrase "
    "cannot be recovered: there is no other key, so nobody, not even we, could open the letters."
)
LETTER_PROTECT_CONFIRM = "Protect my letters"
LETTER_PASSPHRASE = "Passphrase"
LETTER_PASSPHRASE_AGAIN = "The same passphrase again"
LETTER_PASSPHRASE_OLD = "Your passphrase now"
LETTER_PASSPHRASE_NEW = "A new passphrase"
LETTER_PASSPHRASES_DIFFER = "The two passphrases are not quite the same yet."
LETTER_PASSPHRASE_SHORT = "A passphrase of at least 8 characters keeps your letters safer."
LETTER_UNLOCK_HEADING = "Your letters are protected"
LETTER_UNLOCK_INTRO = "Please enter your passphrase to open them."
LETTER_UNLOCK = "Open my letters"
LETTER_CHANGE_PASSPHRASE = "Change passphrase…"
LETTER_CHANGE_CONFIRM = "Change my passphrase"
LETTER_PASSPHRASE_CHANGED = "Your passphrase has been changed. Your letters are just as they were."
LETTER_NOW_PROTECTED = "Your letters are now protected by your passphrase."
LETTER_CANCEL = "Not now"
LETTER_LOCKED_IDLE = "Your letters were locked after a quiet while, to keep them private."
LETTER_RECORDING_NOT_SAVED = (
    "Your reading could not be saved. {reason} Your letter itself is safe and unchanged."
)

# A note after "Noticing the critic", offered on its end screen, kept beside the letters
# (core/critic_notes.py). Never asked for twice, never needed.
CRITIC_NOTE_INVITE = "Would you like to jot down a short note? It is entirely up to you."
CRITIC_NOTE_SAID = "What the critic said"
CRITIC_NOTE_SAID_HINT = "In a few words, if you like"
CRITIC_NOTE_REPLY = "What your compassionate self might say back"
CRITIC_NOTE_REPLY_HINT = "Calmly, the way a good friend would"
CRITIC_NOTE_KEEP = "Keep this note"
CRITIC_NOTE_SKIP = "Not now"
CRITIC_NOTE_KEPT = "Kept with your letters, where you can read it again whenever you like."
CRITIC_NOTE_EMPTY = "There is nothing to keep yet. Whatever you write here is up to you."
CRITIC_NOTE_LOCKED = (
    "Your letters are behind your passphrase, so a note cannot be kept just now. If you like, "
    "you could write it as a letter once your letters are open."
)
# The words still show in the note; {reason} is the store's own plain sentence.
CRITIC_NOTE_NOT_KEPT = "{reason} Your words are still here."
CRITIC_NOTE_TITLE = "A note answering the critic"
CRITIC_NOTE_MARK = "critic note"  # in the archive, in place of "draft" or "finished"
# The note as it is kept and re-read: what the critic said, then the kinder answer.
CRITIC_NOTE_SAID_LINE = "What the critic said: {said}"
CRITIC_NOTE_REPLY_LINE = "What my compassionate self says back: {reply}"


# --- The practice library and the four-week path -----------------------------------------------

# Problems with an exercise file, for the person who wrote it (`compassion-app check`) and for the
# notice the app shows when one file is left out. Each names the file and the line.
SCRIPT_PROBLEM = "{file} line {line}: {problem}"
SCRIPT_EXPECTS = "'{key}' expects {expected}, got {got}"
SCRIPT_MISSING = "'{key}' is missing: it expects {expected}"
SCRIPT_UNKNOWN = "'{key}' is not part of the script format here (known: {known})"
SCRIPT_NOT_TOML = "this is not valid TOML ({reason})"
SCRIPT_NOT_UTF8 = "the file is not UTF-8 text"
SCRIPT_TOO_DEEP = "brackets nest far more deeply than a script ever needs"
SCRIPT_TOO_BIG = "the file is larger than {limit} KB, and a script is only a few kilobytes"
SCRIPT_UNREADABLE = "The exercise file {file} could not be opened. {reason}"
SCRIPT_UNEXPECTED = (
    "{file} line 1: this file could not be read, because of a problem the checks did not "
    "expect (the details are in the app's log)"
)
SCRIPT_DEFAULT_NOT_OFFERED = (
    "'default_minutes' is {default}, which is not one of its minutes {minutes}"
)
SCRIPT_PACE_TWICE = "'per_minute' and 'inhale' both set the pace: keep one of them"
SCRIPT_NO_PACE = "the breathing table expects either 'per_minute' or 'inhale' and 'exhale'"
SCRIPT_NEEDS_EXHALE = "'exhale' is missing: with 'inhale' it expects seconds too"
SCRIPT_CUE_NEVER_HEARD = (
    "this cue is for {low} to {high} minutes, but the exercise offers {minutes}: "
    "it would never be heard"
)
SCRIPT_DUPLICATE_ID = (
    "The exercise file {file} uses the id {exercise_id!r}, which another file already has, "
    "so it was left out."
)
SCRIPT_BUNDLED_ID = (
    "{file} line {line}: the id {exercise_id!r} belongs to an exercise that comes with the app, "
    "so this file was left out; any other id would let it in"
)
SCRIPT_LEFT_OUT = "One exercise was left out, and the others are ready to use. {problem}"
SCRIPT_NONE_FOUND = "No exercise files were found in {folder}."
BREATH_EASES_PART_WAY = (
    "In a practice this short, the breath slows only part of the way. That is plenty for today."
)
CLI_PATTERN_EXPECTED = (
    "--pattern takes four numbers of seconds, in,hold,out,hold, like 4,1,6,1 (in 1 to 15, holds "
    "0 to 10, out 1 to 20); it was given {given!r}."
)
CLI_RATE_EXPECTED = "--breaths-per-minute takes a number from 2 to 20; it was given {given}."
CHECK_FINE = "{file}: fine ({lengths})"
CHECK_SUMMARY_FINE = "All {count} files are fine."
CHECK_SUMMARY_PROBLEMS = "{problems} of {count} files have something to fix."

# Exercises people write themselves: their folder, in Settings (ui/widgets/own_exercises_card.py).
OWN_EXERCISE_TITLE = "{title} (your own)"
OWN_CARD = "Your own exercises"
OWN_INTRO = (
    "You can write practices of your own, as small text files, and keep them in this folder. "
    "Each one appears in Today's list as soon as it is saved, with the app's bells and "
    "background sounds, and its words shown on the screen."
)
OWN_FOLDER_ACCESSIBLE = "The folder for your own exercises"
OWN_OPEN_FOLDER = "Open folder"
OWN_HOW_TO = "How to write an exercise"
OWN_NONE_YET = (
    "No exercises of your own yet. A file saved in this folder appears here, and in Today's "
    "list, straight away."
)
OWN_READY = "✓  {file}: “{title}” is in Today's list."
OWN_NOT_READY = "○  Not in Today's list yet. {problem}"
OWN_NOT_A_SCRIPT = "{file}: only a file whose name ends in .toml is read as an exercise"
OWN_RENAME_TO_READ = (
    "{file}: only a file whose name ends in .toml is read as an exercise; named {name}, it would be"
)
OWN_FOLDER_NOT_MADE = (
    "The folder could not be made just now, so there is nothing to open yet. Its place is shown "
    "above, if you would like to make it yourself."
)
OWN_FOLDER_NOT_OPENED = (
    "This computer did not open the folder for us. Its place is shown above: you can copy it "
    "into your file manager."
)
OWN_HELP_TITLE = "How to write an exercise"
OWN_HELP_MISSING = (
    "The guide to writing an exercise is not part of this copy of the app. The format is also "
    "described with the app's source, in docs/scripts.md."
)
OWN_HELP_CLOSE = "Close"

# --- The four-week path: its file, its card on Today, its line on the progress screen -------

# The four-week path's file (assets/path/four-weeks.toml), checked against the library at load.
PATH_UNREADABLE = "The path file {file} could not be opened. {reason}"
PATH_NO_STEPS = "the path has no steps: each one is a [[step]] table"
PATH_STEP_NOT_TABLE = "a step is a [[step]] table with exercise, minutes and teaching"
PATH_UNKNOWN_EXERCISE = (
    "'exercise' expects the id of an exercise in the library ({known}), got {got}"
)
PATH_LENGTH_NOT_OFFERED = "'minutes' expects a length {exercise} offers ({offered}), got {got}"
PATH_NEEDS_TEACHING = "'teaching' expects a few sentences of text"

# The path on Today: an invitation, never a duty. Days away are never counted against anyone.
PATH_INVITATION_TITLE = "A gentle four-week path"
PATH_INVITATION = (
    "One short step a day, each with a little teaching, introduces the practices in a kind "
    "order. Days away change nothing: you carry on from where you are."
)
PATH_TELL_ME_MORE = "Tell me more"
PATH_MORE = (
    "The path begins with a soothing rhythm of breathing, then a calm place, a compassionate "
    "other, your compassionate self, the inner critic, and compassionate letters. A step is done "
    "when you practise it, on whichever day suits you, and there is one step a day at most, so "
    "nothing hurries you. You can leave the path at any time and rejoin where you were; your "
    "practices are always kept."
)
PATH_JOIN = "Join the path"
PATH_NOT_NOW = "Not now"
PATH_WHERE = "Week {week} · step {number} of {count}"
PATH_STEP_LINE = "{title} · {length}"
PATH_BEGIN_STEP = "Begin step {number}"
PATH_LEAVE = "Leave the path"
PATH_DONE_TODAY = (
    "Today's step is done, thank you. Step {number}, {title}, will be here tomorrow, or "
    "whenever you come back."
)
PATH_AWAY = (
    "You are taking a break from the path, with {done} of {count} steps done. You can carry on "
    "from step {number} whenever you like."
)
PATH_REJOIN = "Carry on from step {number}"
PATH_START_AGAIN_QUESTION = (
    "Would you like to begin the path again from the first step? Your place is at step {number} "
    "now. Every practice you saved is kept either way."
)
PATH_START_AGAIN_YES = "Begin again from step 1"
PATH_KEEP_PLACE = "Keep my place"
PATH_START_AGAIN = "Start again from the beginning"
PATH_FINISHED_TITLE = "You walked the whole path"
PATH_FINISHED = (
    "All {count} steps are done. Thank you for the care you gave yourself. Every practice stays "
    "here for you, in any order and at any pace you like, and you can walk the path again from "
    "the beginning whenever you wish."
)
# On the progress screen, among the milestones, once a step has been walked.
PATH_PROGRESS = "Four-week path: {done} of {count} steps walked."
PATH_UNAVAILABLE = (
    "The four-week path could not be read just now, so it is not offered. Every practice is "
    "still here, and so is your place on the path."
)
PATH_MENDED = (
    "Part of what the app remembered about your four-week path could not be read, so it was "
    "set aside. Your practices are all kept."
)


# --- Breath-follow -----------------------------------------------------------------------------

# Asked before a breathing practice, and in settings. The promise is the plain truth: the sound is
# analysed as it arrives and dropped; only two numbers (the rate near the start and near the end)
# are kept with the practice.
BREATH_LISTEN_QUESTION = "Let the app listen to your breathing?"
BREATH_LISTEN_PROMISE = (
    "If you like, the circle can begin at your own pace and slow gently from there. The sound "
    "from your microphone is only listened to in memory, as it arrives: it is never recorded or "
    "stored, and it never leaves your computer."
)
BREATH_LISTEN_YES = "Yes, listen"
BREATH_LISTEN_NO = "Not now"
BREATH_LISTEN_SETTING = "Let the pacer listen to my breathing (nothing is recorded)"
BREATH_LISTEN_SETTING_HELP = (
    "The circle starts at your own pace and eases toward a slower one, never faster than you. "
    "Sound is analysed in memory and never recorded or stored."
)
BREATH_NO_MICROPHONE = (
    "No microphone could be opened, so the circle will lead at its own gentle pace. That works "
    "just as well."
)
BREATH_CANNOT_HEAR = "I can't hear your breath clearly — I'll lead for a while."
BREATH_LEVEL = "Microphone level"
VOICE_LEVEL = "Voice level"
BREATH_CHECK_MICROPHONE = "Check my microphone"
BREATH_CHECK_STOP = "Stop checking"
BREATH_CHECK_LISTENING = (
    "Breathe as you usually do: the bar shows what the microphone hears. Nothing is recorded."
)


def breath_after(start: float, end: float) -> str:
    """The optional line after a practice: where the breath began and where it settled."""
    if round(end) < round(start):
        return f"You started around {start:.0f} breaths a minute and settled near {end:.0f}."
    return f"Your breath stayed around {end:.0f} breaths a minute."


# `compassion-app breath-rate FILE`: the running estimate, one line a second.
BREATH_RATE_LINE = (
    "{seconds:8.1f} s   about {rate:4.1f} breaths a minute   (confidence {confidence:.2f})"
)
BREATH_RATE_LISTENING = "{seconds:8.1f} s   listening…"
BREATH_RATE_UNREADABLE = "{file} cannot be read as sound. WAV, FLAC and OGG files work."
BREATH_RATE_NOT_OPENED = "{file} could not be opened. {reason}"
BREATH_LEVEL_LINE = "   level {level:6.1f} dB"


# --- Packaging: what the operating system says about the app --------------------------------

# macOS asks, in these words, before the app may use the microphone: for breath-follow (heard
# in memory, never kept) and for a letter read aloud (kept with the letter, on this computer).
MACOS_MICROPHONE_USE = (
    "If you would like, Compassion Companion can listen to your breathing so the pacer can "
    "follow it, or keep a recording of you reading a letter aloud. Everything stays on this "
    "computer; nothing is ever sent anywhere."
)


# --- Settings, the tray, the first-run welcome, the command line -----------------------------

# The first-run welcome: shown once, to someone who has not practised here yet.
WELCOME_HEADING = "Welcome"
WELCOME_WHAT = (
    "Compassion Companion is a quiet place to practise kindness toward yourself, a few minutes "
    "at a time: gentle breathing, compassionate imagery and letters to yourself."
)
WELCOME_PRIVATE = (
    "Everything stays on this computer. There is no account, nothing goes over the internet, "
    "and nobody else sees what you practise or write."
)
WELCOME_SAFETY = (
    "This app is a practice companion, not therapy and not a crisis service. If things feel "
    "like too much, support is always one click away."
)
WELCOME_INVITE = (
    "If you like, you could begin with one minute of soothing-rhythm breathing. There is "
    "nothing to get right."
)
WELCOME_TRY = "Try one minute of breathing"
WELCOME_SKIP = "Not now, show me around"

# The practice settings (core/settings.py declares them), in three cards.
SETTINGS_HEADING = "Settings"
SETTINGS_PRACTICE = "Practice"
SETTINGS_PACER = "Pacer"
SETTINGS_SOUND = "Sound"
SETTING_CHECKINS = "Offer a short check-in before and after each practice"
SETTING_START_WHERE_I_AM = "Start where I am: begin at an easy pace and slow down gently"
SETTING_OWN_PACE = "Use my own breathing pace"
PACE_PARTS = (("inhale", "In"), ("hold_in", "Rest"), ("exhale", "Out"), ("hold_out", "Rest"))
PACE_EACH_PRACTICE = "Each practice breathes at its own gentle pace."
PACE_NEEDS_BREATHS = "An in-breath and an out-breath of at least a moment are needed."
PACE_RATE = "About {rate:.1f} breaths a minute."
SETTING_SHOW_COUNTS = "Show the seconds of each breath on the pacer"
SETTING_REDUCED_MOTION = "Reduce motion: the pacer glows instead of growing"
SETTING_AMBIENT = "Background sound"
AMBIENT_WORDS = {
    "script": "As the practice suggests",
    None: "No background sound",
    "rain": "Soft rain",
    "ocean": "Ocean waves",
    "brown": "Deep, soft noise",
}
SETTING_VOLUMES = "Volumes"
LAYER_WORDS = (
    ("voice", "Voice"),
    ("bells", "Bells"),
    ("breath", "Breath sound"),
    ("ambient", "Background"),
)
VOLUME_NAME = "{layer} volume"  # a slider's name for a screen reader

# Settings for the app on the desktop (core/desktop_settings.py declares them).
DESKTOP_CARD = "On this computer"
SETTING_THEME = "Colours"
CHOICE_WORDS = {"system": "As the system is set", "light": "Light", "dark": "Dark"}
SETTING_KEEP_IN_TRAY = "Keep Compassion Companion in the system tray when its window is closed"
SETTING_TEXT_SIZE = "Text size"
TEXT_SIZE_WORDS = "{percent} %"  # 100 % is the text size the system is set to

# "Your data" in Settings: where everything is kept, and copies of it.
DATA_CARD = "Your data"
DATA_WHERE = "Everything you practise and write is kept in this folder on this computer:"
DATA_IN_MEMORY = (
    "This time your practices are kept in memory only, because the usual folder could not be "
    "used; the notice at the top says more."
)
DATA_OPEN = "Open data folder"
DATA_EXPORT = "Export…"
DATA_IMPORT = "Import…"
DATA_BACK_UP = "Back up now"
DATA_EXPORT_TITLE = "Export your history"
DATA_IMPORT_TITLE = "Import a history"
DATA_FILE_FILTER = "Compassion Companion export (*.json);;Practices as a table (*.csv)"
DATA_EXPORT_NAME = "compassion-companion-{day}.json"
DATA_WORKING = "Working on it…"
DATA_NOT_OPENED = "The folder could not be opened from here. Its place is {folder}."
DATA_BACKED_UP = "A copy of {files} files was made in {folder}."
DATA_BACKUP_FAILED = (
    "The backup could not be made ({reason}). Your data itself is unchanged and safe."
)
DATA_NOTHING_TO_BACK_UP = "There is nothing to back up yet."
DATA_UNEXPECTED = (
    "That could not be finished, because of something the app did not expect; the details are in "
    "its log. Everything that was already here is as it was."
)
DATA_EXPORT_SEALED = (
    "Your letters are protected with a passphrase, and an export file would hold them in plain "
    "words, so they stay where they are. If you like, your practices can be exported on their "
    "own as a table (.csv). Nothing has been changed."
)

# The tray menu.
TRAY_TOOLTIP = WINDOW_TITLE
TRAY_SOOTHE = "Soothe now (1 min)"
TRAY_TODAY = "Today's practice"
TRAY_LETTER = "Write a letter"
TRAY_OPEN = "Open"
TRAY_QUIT = "Quit"

# "Save as audio…" on Today: the chosen practice, rendered to a file to take along.
# The guide's voice, on or off (core/settings.py, `guide_voice`).
SETTING_GUIDE_VOICE = "Guide's voice"
SETTING_GUIDE_VOICE_HELP = (
    "When it is off, the guide's words are shown as captions only, each on screen long enough "
    "to read at an easy pace. The bells, the breath and the background still sound."
)
CLI_VOICE_HELP = "speak the guide's words, or show captions only (default: as saved in the app)"

SAVE_AUDIO = "Save as audio…"
SAVE_AUDIO_TITLE = "Save this practice as audio"
SAVE_AUDIO_FILTER = "Ogg Vorbis (*.ogg);;FLAC (*.flac);;WAV (*.wav)"
SAVE_AUDIO_WRITING = "Writing {title}, {minutes} min, to {name}…"
SAVE_AUDIO_DONE = "{title} is saved as {path}, ready to take with you."
SAVE_AUDIO_FAILED = "{title} could not be saved as audio. {reason} Nothing else was changed."
