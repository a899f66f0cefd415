"""The four-week path as data: a bundled TOML file of steps, checked against the library at load.

Each step names an exercise the library offers, a length that exercise offers, and a short
teaching. A file that names an exercise or a length that does not exist is refused with a message
that names the file, the line and what was expected, so the path never suggests something that
cannot begin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_app import messages
from compassion_app.core.library import Library
from compassion_app.reasons import plain_reason

if TYPE_CHECKING:
    from compassion_app.core.script_source import SourceMap

BUNDLED = ("path", "four-weeks.toml")  # the app's own path, under assets: resource_path(*BUNDLED)
DAYS_A_WEEK = 7
STEP_KEYS = ("exercise", "minutes", "teaching")
MAX_FILE_BYTES = 64 * 1024  # the bundled path is about 10 KB


class PathError(ValueError):
    """The path file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class PathStep:
    number: int  # counted from 1, as people count days
    exercise_id: str
    minutes: int
    teaching: str

    @property
    def week(self) -> int:
        return (self.number - 1) // DAYS_A_WEEK + 1


@dataclass(frozen=True)
class PathPlan:
    steps: tuple[PathStep, ...]

    @property
    def weeks(self) -> int:
        return -(-len(self.steps) // DAYS_A_WEEK)


def load_plan(path: Path, library: Library) -> PathPlan:
    """Read the path file and check every step against `library`, or raise PathError."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        text = raw.decode("utf-8")
    except OSError as error:
        reason = plain_reason(error, path.name)
        raise PathError(messages.PATH_UNREADABLE.format(file=path.name, reason=reason)) from None
    except UnicodeDecodeError:
        raise PathError(_problem(path, 1, messages.SCRIPT_NOT_UTF8)) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        raise PathError(_problem(path, 1, messages.SCRIPT_TOO_BIG.format(limit=limit)))
    return read_plan(text, path.name, library)


def read_plan(text: str, file_name: str, library: Library) -> PathPlan:
    """Check and read the path file's text; `file_name` names it in messages."""
    # Imported here: Today imports this module before the first paint, which reads no path yet.
    import tomllib

    from compassion_app.core.script_source import SourceMap, decode_error_line, decode_error_reason

    source = SourceMap(text)
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        line = decode_error_line(str(error), source)
        reason = decode_error_reason(str(error)) or type(error).__name__
        raise PathError(
            _problem(file_name, line, messages.SCRIPT_NOT_TOML.format(reason=reason))
        ) from None
    found = data.get("step")
    if not isinstance(found, list) or not found:
        raise PathError(_problem(file_name, source.last_line, messages.PATH_NO_STEPS))
    steps = tuple(_step(raw, index, library, source, file_name) for index, raw in enumerate(found))
    return PathPlan(steps)


def _step(raw: Any, index: int, library: Library, source: SourceMap, file_name: str) -> PathStep:
    number = index + 1
    place = ("step", index)

    def refuse(key: str | None, problem: str) -> PathError:
        line = source.line_of(place, key)
        return PathError(_problem(file_name, line, f"step {number}: {problem}"))

    if not isinstance(raw, dict):
        raise refuse(None, messages.PATH_STEP_NOT_TABLE)
    unknown = sorted(set(raw) - set(STEP_KEYS))
    if unknown:
        known = ", ".join(STEP_KEYS)
        raise refuse(unknown[0], messages.SCRIPT_UNKNOWN.format(key=unknown[0], known=known))
    exercise_id, minutes, teaching = (raw.get(key) for key in STEP_KEYS)
    script = library.get(exercise_id) if isinstance(exercise_id, str) else None
    if script is None:
        known = ", ".join(sorted(library.scripts))
        words = messages.PATH_UNKNOWN_EXERCISE.format(got=_shown(exercise_id), known=known)
        raise refuse("exercise", words)
    if isinstance(minutes, bool) or minutes not in script.minutes:
        offered = ", ".join(str(m) for m in script.minutes)
        words = messages.PATH_LENGTH_NOT_OFFERED.format(
            exercise=script.exercise_id, offered=offered, got=_shown(minutes)
        )
        raise refuse("minutes", words)
    if not isinstance(teaching, str) or not teaching.strip():
        raise refuse("teaching", messages.PATH_NEEDS_TEACHING)
    return PathStep(number, script.exercise_id, int(minutes), " ".join(teaching.split()))


def _problem(file: Path | str, line: int, problem: str) -> str:
    name = file.name if isinstance(file, Path) else file
    return messages.SCRIPT_PROBLEM.format(file=name, line=line, problem=problem)


def _shown(value: object) -> str:
    return "nothing" if value is None else repr(value)
