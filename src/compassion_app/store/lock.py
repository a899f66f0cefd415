"""The store's own lock on its folder, so two Store objects can never both write.

The window and the command line's `import` may both open the same folder; the first to come
holds `store.lock` until it closes, and the second waits a little, then gets a plain
StoreBusyError. Commands that only read (`stats`, `export`) take no lock at all (reading.py).
The operating system releases the lock however the holder ends, even killed, so a stale lock
never needs cleaning. (The window's single-instance lock is a different file, so the two never
wait for each other.)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

from compassion_app import messages
from compassion_app.store.errors import StoreBusyError

LOCK_NAME = "store.lock"
WAIT_SECONDS = 2.0
_POLL_SECONDS = 0.05


class StoreLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._handle: IO[bytes] | None = None

    def acquire(self, wait_seconds: float = WAIT_SECONDS) -> None:
        """Hold the lock, waiting up to `wait_seconds`; StoreBusyError if another holds it."""
        fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+b")
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                lock_exclusively(handle)
            except OSError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise StoreBusyError(messages.STORE_IN_USE.format(folder=self.folder)) from None
                time.sleep(_POLL_SECONDS)
                continue
            self._handle = handle
            return

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def lock_exclusively(handle: IO[bytes]) -> None:
    """Take the OS lock on an open file, or raise OSError at once if another process holds it.

    (The app's single-instance lock uses it too.)
    """
    if sys.platform == "win32":  # spelled so that mypy checks the branch for this platform only
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
