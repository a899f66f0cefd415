"""When to save a letter while someone writes: soon after they pause, and never too long apart.

Pure timing, no Qt and no store: the editor tells it about changes, saves and failed saves, and
asks when the next save is due. Time is passed in (seconds on any steady clock), so tests move it
by hand.

The promise this keeps: at most `longest_wait` seconds of typing (plus the time one save takes)
can be lost to a crash or a power cut. Saving on every keystroke would keep that promise too, but
would write a 1 MB letter many times a second; waiting for a short pause batches the keystrokes.
"""

from __future__ import annotations

from dataclasses import dataclass

QUIET_SECONDS = 0.6  # a pause in typing this long: save now
LONGEST_WAIT_SECONDS = 1.5  # typing without a pause: save at least this often
RETRY_SECONDS = 2.0  # after a failed save, try again this soon (even with no new typing)


@dataclass
class AutosaveSchedule:
    quiet: float = QUIET_SECONDS
    longest_wait: float = LONGEST_WAIT_SECONDS
    retry: float = RETRY_SECONDS
    _first_unsaved: float | None = None  # the oldest change not yet on disk
    _last_change: float | None = None
    _retry_at: float | None = None  # set while saving is failing

    @property
    def unsaved(self) -> bool:
        return self._first_unsaved is not None

    @property
    def failing(self) -> bool:
        return self._retry_at is not None

    def changed(self, now: float) -> None:
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_change = now

    def due_at(self) -> float | None:
        """When the next save should happen, or None when everything is saved."""
        if self._first_unsaved is None or self._last_change is None:
            return None
        due = min(self._last_change + self.quiet, self._first_unsaved + self.longest_wait)
        if self._retry_at is not None:
            due = max(due, self._retry_at)
        return due

    def is_due(self, now: float) -> bool:
        due = self.due_at()
        return due is not None and now >= due

    def saved(self) -> None:
        """Everything changed so far is on disk (call only after the store said so)."""
        self._first_unsaved = self._last_change = self._retry_at = None

    def failed(self, now: float) -> None:
        """The save did not reach the disk: keep the changes and try again a little later."""
        if self._first_unsaved is None:
            self._first_unsaved = self._last_change = now
        self._retry_at = now + self.retry
