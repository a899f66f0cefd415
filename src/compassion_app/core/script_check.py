"""Whether one script file can be played: read it, lay it out at every length it offers, or say in
plain words what to change. A bug of ours reading or laying out one file costs that exercise, never
the app.

The library (library.py) reads its folders through these; the command line's `check` uses
`checked_script` alone. `OwnReadings` keeps what each of the person's own files gave while the
file stays the same, so that a re-read of their folder lays out only what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_app import messages
from compassion_app.core.script_terms import ScriptError

# The script reader (scripts.py and the parser under it) and the timeline are imported where a
# script is read or laid out: a start that lists from the catalogue needs neither before the
# first paint.
if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript
    from compassion_app.core.timeline import ClipSeconds

log = logging.getLogger(__name__)


def file_key(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ino


class OwnReadings:
    """What each own file gave when last read (its exercise, or its problem), kept while its
    size, change time and inode stay the same: after one file changes, only that one is laid out
    again, however many the folder holds."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[int, int, int], ExerciseScript | ScriptError]] = {}

    def __call__(self, path: Path) -> ExerciseScript:
        try:
            key: tuple[int, int, int] | None = file_key(path)
        except OSError:
            key = None  # gone meanwhile: checked_script says so in its own words
        kept = self._kept.get(path)
        if key is not None and kept is not None and kept[0] == key:
            result = kept[1]
        else:
            try:
                result = checked_script(path)
            except ScriptError as error:
                result = error
            if key is not None:
                self._kept[path] = (key, result)
        if isinstance(result, ScriptError):
            raise ScriptError(str(result), result.line)
        return result

    def forget_all_but(self, paths: Iterable[Path]) -> None:
        present = set(paths)
        self._kept = {path: kept for path, kept in self._kept.items() if path in present}


def checked_script(path: Path, clip_seconds: ClipSeconds | None = None) -> ExerciseScript:
    """Load a script and lay it out at every length it offers, or raise ScriptError."""
    script = read_script(path)
    lay_out(script, path, clip_seconds)
    return script


def lay_out(script: ExerciseScript, path: Path, clip_seconds: ClipSeconds | None = None) -> None:
    """Lay the script out at every length it offers; ScriptError says what does not fit."""
    from compassion_app.core.timeline import TimelineError, build_timeline

    try:
        for minutes in script.minutes:
            build_timeline(script, minutes, clip_seconds=clip_seconds)
    except TimelineError as error:
        line = error.line or 1
        message = messages.SCRIPT_PROBLEM.format(file=path.name, line=line, problem=error)
        raise ScriptError(message, line) from None
    except Exception as error:  # a bug of ours must cost one exercise, never the app
        raise _unexpected(path, error) from None


def read_script(path: Path) -> ExerciseScript:
    """The script as read, not yet laid out; ScriptError says what to change in the file."""
    from compassion_app.core.scripts import load_script  # start-up: see the imports above

    try:
        return load_script(path)
    except ScriptError:
        raise
    except Exception as error:  # a bug of ours must cost one exercise, never the app
        raise _unexpected(path, error) from None


def _unexpected(path: Path, error: Exception) -> ScriptError:
    log.error("Unexpected problem reading %s", path, exc_info=error)
    return ScriptError(messages.SCRIPT_UNEXPECTED.format(file=path.name))
