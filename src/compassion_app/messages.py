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

# The command line's own words (list, timeline, render).
CLI_LIST_ROW = "{id}\t{title}\t{minutes} minutes"
CLI_NOTE = "Note: {problem}"
CLI_NO_SUCH_EXERCISE = "There is no exercise called {exercise!r}. Known: {known}."
CLI_RENDER_FAILED = "The practice could not be written to {out}: {error}"
CLI_RENDERED = "Wrote {title}, {minutes} min, to {out}"


# --- The store: saving, recovery, export and import ------------------------------------------


# --- Practice: check-in, practice screen, end screen, notices --------------------------------


# --- Today and progress: figures, streaks, milestones, reminders -----------------------------


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
