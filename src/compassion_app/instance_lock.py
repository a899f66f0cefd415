"""One running copy per data folder, decided by an operating-system file lock.

Two copies writing the same store would each overwrite the other's practices. A lock held on a
file in the data folder is released by the system however the copy ends (even a crash), so there
is never a stale lock to clean up, and taking it costs nothing at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from compassion_app.store.lock import lock_exclusively


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / ".running"
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True when this copy now holds the lock; False when another copy holds it."""
        # Created 0600 whatever the umask: even an empty lock file says someone uses the app.
        handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600), "a+b")
        try:
            lock_exclusively(handle)
        except OSError:
            handle.close()
            return False
        self._handle = handle  # kept open: the lock lasts as long as this process
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
