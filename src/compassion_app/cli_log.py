"""Where the command line's notes go: the app's own log, as for the window.

Messages such as "the details are in the app's log" are shared by the window and the command
line, so the command line logs there too. Only warnings and errors, and the file is opened only
when the first of them comes: a command that goes well (`stats`, `export`) leaves the data folder
exactly as it was. Where the app has no log folder yet (it has never been opened) or it cannot
be written, the notes go to the terminal, which is then where the details are.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from compassion_app.log_file import LOG_FORMAT, PrivateLog
from compassion_app.paths import DataPaths, user_data_dir


def log_to_app_log(data_dir: Path | None) -> None:
    """Send the command line's warnings and errors to the app's log in `data_dir`."""
    log = DataPaths(data_dir or user_data_dir()).log
    handler: logging.Handler
    if os.access(log.parent, os.W_OK) and (not log.exists() or os.access(log, os.W_OK)):
        handler = PrivateLog(log, encoding="utf-8", delay=True)
    else:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
