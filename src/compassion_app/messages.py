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

STORE_NEWER_SCHEMA = (
    "This practice history was written by a newer version of Compassion Companion{where}, so this "
    "version cannot open it safely. Nothing in it has been changed. Please update Compassion "
    "Companion to carry on with your history. (History format {found}; this version understands "
    "up to {known}.)"
)
STORE_CANNOT_OPEN = (
    "Your practice history at {path} could not be opened ({reason}). "
    "Please check that the folder is available."
)
STORE_IN_USE = (
    "Your practice history at {folder} is being used by another Compassion Companion just now "
    "(perhaps an open window). Nothing was changed. Please try again once it has finished."
)
STORE_REASON_FULL = "the disk is full"
STORE_REASON_NOT_ALLOWED = "Compassion Companion is not allowed to write to {place}"
STORE_REASON_OTHER = "of a problem writing to the disk ({detail})"
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
STORE_RECORDS_SET_ASIDE = (
    "{count} saved entries could not be read and were set aside at {aside}, so the rest of "
    "your history can carry on. Nothing was deleted."
)
STORE_PENDING_MERGED = (
    "Some things that could not be saved last time ({what}) were found and have now been "
    "added to your history."
)
STORE_PENDING_MERGE_FAILED = (
    "Some things that could not be saved last time are still kept safely at {place}; they will "
    "be added as soon as saving works again."
)
STORE_MIGRATED = (
    "Your history has been rearranged into smaller files so that saving stays quick. Your "
    "original file is kept, unchanged, at {kept}."
)
STORE_WHEN_LAST_SAVE = "the last save"
STORE_WHEN_DAY = "{day}"

# Export and import (the command line and, later, the settings screen).
STORE_EXPORTED = "Wrote {practices} practices and {letters} letters to {path}."
STORE_EXPORT_FAILED = "Your history could not be written to {path} ({reason}). Nothing was changed."
STORE_IMPORTED = (
    "Added {practices} practices, {versions} letter versions and {rest_days} rest days from "
    "{path}. {skipped} were already here and were left as they were."
)
STORE_IMPORT_UNREADABLE = "{path} could not be read ({reason}). Nothing was changed."
STORE_IMPORT_NOT_JSON = (
    "{path} is not a Compassion Companion export: it is not valid JSON ({detail}). "
    "Nothing was changed."
)
STORE_IMPORT_INVALID = "{path} could not be imported, so nothing was changed: {problem}."
STORE_IMPORT_WRONG_FORMAT = 'it does not say "format": "compassion-companion" at the top'
STORE_IMPORT_NEWER = (
    "it was written by a newer Compassion Companion (format version {found}; this one "
    "understands up to {known})"
)
STORE_IMPORT_BAD_FIELD = "{where} {problem}"


# --- Practice: check-in, practice screen, end screen, notices --------------------------------


# --- Today and progress: figures, streaks, milestones, reminders -----------------------------


# --- Letters -----------------------------------------------------------------------------------


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
