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
STARTUP_FAILED = (
    "Compassion Companion could not open, because of an unexpected problem. It was not anything "
    "you did, and nothing you saved before has been changed. A note about the problem was "
    "written to: {log}"
)
STARTUP_FAILED_NO_LOG = (
    "Compassion Companion could not open, because of an unexpected problem ({error}). It was not "
    "anything you did, and nothing you saved before has been changed."
)
FOLDER_UNUSABLE = "Compassion Companion cannot use the folder {folder}: {error}"
LOG_UNUSABLE = (
    "Compassion Companion cannot write its log at {log} ({error}); notes go to this window instead."
)
STORE_UNUSABLE = "{error} Practices today will be kept only until you close the app."
# At quit, after the window has gone: the store's own words say what was kept and where.
STORE_CLOSE_FAILED = "Compassion Companion could not finish saving as it closed. {problem}"
STORE_CLOSE_FAILED_UNKNOWN = (
    "Compassion Companion could not finish saving as it closed ({error}). What was saved before "
    "is still on this computer, but the last changes may not have been saved."
)
ALREADY_OPEN = "Compassion Companion is already open; its window has been brought forward."
ALREADY_OPEN_NO_ANSWER = (
    "Compassion Companion is already open with this folder. Its window did not answer just now; "
    "it may still be starting."
)

# The command line's own words (list, timeline, render).
CLI_LIST_ROW = "{id}\t{title}\t{minutes} minutes"
CLI_NOTE = "Note: {problem}"
CLI_NO_SUCH_EXERCISE = "There is no exercise called {exercise!r}. Known: {known}."
CLI_LENGTHS = "{title} can be practised for {lengths} minutes."
CLI_RENDER_FAILED = "The practice could not be written to {out}: {error}"
CLI_RENDERED = "Wrote {title}, {minutes} min, to {out}"


# --- The store: saving, recovery, export and import ------------------------------------------


# --- Practice: check-in, practice screen, end screen, notices --------------------------------


# --- Today and progress: figures, streaks, milestones, reminders -----------------------------


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
