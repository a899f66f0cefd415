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
# The archive
LETTERS_TAB = "Letters"
LETTERS_HEADING = "Your letters"
LETTERS_INTRO = (
    "A quiet place to write to yourself with kindness. Your letters stay on this computer."
)
LETTERS_NEW = "Begin a letter"
LETTERS_SEARCH = "Search your letters"
LETTERS_EMPTY = "Your letters will be kept here. Whenever you feel ready, you could begin one."
LETTERS_NO_MATCH = "No letter holds those words."
LETTER_UNTITLED = "Untitled letter"
LETTER_DRAFT = "draft"
LETTER_FINISHED = "finished"
LETTER_VERSIONS = "{count} versions"
LETTER_READ = "Read"
LETTER_CONTINUE = "Continue writing"
LETTERS_COULD_NOT_OPEN = (
    "This letter could not be opened just now. It has not been changed; you could try again."
)

# Choosing how to begin
LETTER_CHOOSE_HEADING = "How would you like to begin?"
LETTER_BLANK_TITLE = "A blank page"
LETTER_BLANK_SUMMARY = "Start with nothing but the page, in your own way."
LETTER_BREATHE_FIRST = "Breathe gently for a minute first"
LETTER_TIMER_NONE = "No timer"
LETTER_TIMER_MINUTES = "{minutes} minutes"
LETTER_TIMER_LABEL = "A gentle timer"

# The editor
LETTER_TITLE_PLACEHOLDER = "A title, if you like"
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
    "The copy could not be saved ({reason}). Your letters themselves are safe and unchanged."
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
    "Your reading could not be saved ({reason}). Your letter itself is safe and unchanged."
)


# --- The practice library and the four-week path -----------------------------------------------


# --- Breath-follow -----------------------------------------------------------------------------


# --- Settings, the tray, the first-run welcome, the command line -----------------------------
