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


# --- Letters -----------------------------------------------------------------------------------


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
SCRIPT_UNREADABLE = "The exercise file {file} could not be opened ({reason})."
SCRIPT_UNEXPECTED = "{file} line 1: this file could not be read ({reason})"
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
SCRIPT_LEFT_OUT = "One exercise was left out, and the others are ready to use. {problem}"
SCRIPT_NONE_FOUND = "No exercise files were found in {folder}."
SCRIPT_NO_SUCH_EXERCISE = "There is no exercise called {exercise_id!r}. Known: {known}."
BREATH_EASES_PART_WAY = (
    "In a practice this short, the breath slows only part of the way. That is plenty for today."
)
CLI_PATTERN_EXPECTED = (
    "--pattern takes four numbers of seconds, in,hold,out,hold, like 4,1,6,1 (in 1 to 15, holds "
    "0 to 10, out 1 to 20); it was given {given!r}."
)
CLI_RATE_EXPECTED = "--breaths-per-minute takes a number from 2 to 20; it was given {given}."
CHECK_FINE = "{file}: fine ({lengths} minutes)"
CHECK_SUMMARY_FINE = "All {count} files are fine."
CHECK_SUMMARY_PROBLEMS = "{problems} of {count} files have something to fix."


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
