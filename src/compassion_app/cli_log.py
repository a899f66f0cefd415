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

from compassion_app import messages
from compassion_app.log_file import LOG_FORMAT, PrivateLog
from compassion_app.paths import DataPaths, user_data_dir
from compassion_app.reasons import plain_reason


class _CommandLog(PrivateLog):
    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """The log cannot be written (a full disk): say so plainly, and give the details here
        instead, so that they are not lost (rather than logging's own traceback of itself)."""
        if not getattr(self, "_told", False):  # once: the same words for every note would nag
            self._told = True
            error = sys.exc_info()[1]
            reason = (
                plain_reason(error, Path(self.baseFilename)) if isinstance(error, OSError) else ""
            )
            print(
                messages.LOG_UNUSABLE.format(log=self.baseFilename, reason=reason), file=sys.stderr
            )
        print(self.format(record), file=sys.stderr)


def log_to_app_log(data_dir: Path | None) -> None:
    """Send the command line's warnings and errors to the app's log in `data_dir`."""
    log = DataPaths(data_dir or user_data_dir()).log
    handler: logging.Handler
    if os.access(log.parent, os.W_OK) and (not log.exists() or os.access(log, os.W_OK)):
        handler = _CommandLog(log, encoding="utf-8", delay=True)
    else:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
