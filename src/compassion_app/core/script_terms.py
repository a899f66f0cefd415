"""What the rest of the app needs to know of exercise scripts without reading one.

Kept apart from the format's checks (script_format.py) and the reader (scripts.py) so that start-up
and the settings can name lengths, beds and the error without importing the parser.
"""

from __future__ import annotations

ALLOWED_MINUTES = (1, 3, 5, 10, 15, 20)
KINDS = ("breathing", "imagery", "noticing", "teaching", "writing")
AMBIENT_BEDS = ("rain", "ocean", "brown")


class ScriptError(Exception):
    """A script file that cannot be used; the message is meant for a person to read.

    `line` is the line of the file the problem is on (1 when it is the file as a whole).
    """

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line
