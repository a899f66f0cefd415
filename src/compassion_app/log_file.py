"""The app's log file, written alike by the window (app.py) and the command line (cli_log.py)."""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateLog(logging.FileHandler):
    """Appends to the log, created for this user alone (0600); OSError when it cannot be
    opened (at once, or with `delay` at the first note)."""

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115
