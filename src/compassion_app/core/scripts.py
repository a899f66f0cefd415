"""Exercise scripts: the bundled TOML files that say what a practice says and when.

A script describes a practice independently of its length: each cue is anchored to the start or to
the end, so one script fits every duration it allows. See assets/scripts/README.md for the format.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compassion_app import messages
from compassion_app.core.breathing import COMFORTABLE_BREATHS_PER_MINUTE, BreathPattern
from compassion_app.core.script_format import (
    BELLS,
    BREATHING,
    CUE,
    KNOWN_TOP,
    TOP,
    FieldError,
    Reader,
)
from compassion_app.core.script_source import (
    SourceMap,
    decode_error_line,
    decode_error_reason,
    too_deep_line,
)
from compassion_app.core.script_terms import ALLOWED_MINUTES, AMBIENT_BEDS, KINDS, ScriptError
from compassion_app.reasons import plain_reason

__all__ = [
    "ALLOWED_MINUTES",
    "AMBIENT_BEDS",
    "KINDS",
    "BreathingGuide",
    "Cue",
    "ExerciseScript",
    "ScriptError",
    "load_script",
    "read_script",
]

MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Cue:
    """Something the guide says: a caption, and its recorded voice when there is one."""

    anchor: str  # "start" or "end"
    offset: float  # seconds after the start, or seconds before the end
    text: str
    voice: str | None = None  # clip name under assets/audio/voice/<exercise id>/
    min_minutes: int = 1  # left out of shorter practices, where there is no room for it
    max_minutes: int = max(ALLOWED_MINUTES)  # a shorter wording, left out of longer practices
    steps: tuple[str, ...] = ()  # the core steps of the exercise it carries ("wisdom", ...)
    hands_back: bool = False  # gives the breath back to the person: the pacer stops here
    line: int = field(default=0, compare=False)  # where it is in its file, for messages

    def in_practice_of(self, minutes: int) -> bool:
        return self.min_minutes <= minutes <= self.max_minutes

    def seconds_in(self, practice_seconds: float) -> float:
        return self.offset if self.anchor == "start" else practice_seconds - self.offset


@dataclass(frozen=True)
class BreathingGuide:
    """The breathing part of a practice, shown by the pacer and heard as a soft breath sound."""

    pattern: BreathPattern
    begin: float = 0.0  # seconds after the start
    end_before: float = 0.0  # seconds before the end
    length: float | None = None  # a fixed length in seconds (imagery uses a short settling breath)
    ease_from_per_minute: float | None = None  # "start where I am"
    ease_seconds: float = 0.0
    sound: bool = True


@dataclass(frozen=True)
class ExerciseScript:
    exercise_id: str
    title: str
    kind: str
    summary: str
    minutes: tuple[int, ...]
    default_minutes: int
    cues: tuple[Cue, ...]
    breathing: BreathingGuide | None = None
    interval_bell_minutes: float | None = None
    ambient: str | None = None
    source: Path | None = field(default=None, compare=False)
    level_db: float = 0.0  # gain for the whole practice, so practices sound equally loud
    why: str = ""  # why this helps, in a sentence or two
    source_note: str = ""  # where the practice comes from


def load_script(path: Path) -> ExerciseScript:
    """Read one script file, or raise ScriptError naming the file, the line and the problem."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = plain_reason(error, path.name)
        raise ScriptError(
            messages.SCRIPT_UNREADABLE.format(file=path.name, reason=reason)
        ) from None
    return read_script(raw, path)


def read_script(raw: bytes, path: Path) -> ExerciseScript:
    """Check and read a script's bytes; `path` names it in messages and becomes its source."""
    line, problem = 1, ""
    try:
        if len(raw) > MAX_FILE_BYTES:
            raise FieldError(1, messages.SCRIPT_TOO_BIG.format(limit=MAX_FILE_BYTES // 1024))
        text = _decoded(raw)
        source = SourceMap(text)
        deep = too_deep_line(text)
        if deep is not None:
            raise FieldError(deep, messages.SCRIPT_TOO_DEEP)
        data = _parsed(text, source)
        return _build(data, Reader(source), path)
    except FieldError as error:
        line, problem = error.line, error.problem
    message = messages.SCRIPT_PROBLEM.format(file=path.name, line=line, problem=problem)
    raise ScriptError(message, line)


def _decoded(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FieldError(raw.count(b"\n", 0, error.start) + 1, messages.SCRIPT_NOT_UTF8) from None


def _parsed(text: str, source: SourceMap) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        reason = decode_error_reason(str(error))
        line = decode_error_line(str(error), source)
        raise FieldError(line, messages.SCRIPT_NOT_TOML.format(reason=reason)) from None
    except RecursionError:  # nesting our rough count missed: refused just the same
        raise FieldError(1, messages.SCRIPT_TOO_DEEP) from None


def _build(data: dict[str, Any], read: Reader, path: Path) -> ExerciseScript:
    read.only_known(data, (), KNOWN_TOP)
    minutes = tuple(read.optional(data, (), "minutes", TOP["minutes"], list(ALLOWED_MINUTES)))
    default = read.optional(
        data, (), "default_minutes", TOP["default_minutes"], 10 if 10 in minutes else minutes[0]
    )
    if default not in minutes:
        problem = messages.SCRIPT_DEFAULT_NOT_OFFERED.format(default=default, minutes=list(minutes))
        raise read.error((), "default_minutes", problem)
    bells = read.table(data, (), "bells")
    read.only_known(bells, ("bells",), tuple(BELLS))
    breathing = read.table(data, (), "breathing")
    cues = tuple(
        _cue(entry, read, index, minutes) for index, entry in enumerate(read.tables(data, "cue"))
    )
    return ExerciseScript(
        exercise_id=read.required(data, (), "id", TOP["id"]),
        title=read.required(data, (), "title", TOP["title"]),
        kind=read.required(data, (), "kind", TOP["kind"]),
        summary=read.required(data, (), "summary", TOP["summary"]),
        minutes=minutes,
        default_minutes=default,
        cues=tuple(sorted(cues, key=_running_order)),
        breathing=_breathing(breathing, read) if "breathing" in data else None,
        interval_bell_minutes=read.optional(
            bells, ("bells",), "interval_minutes", BELLS["interval_minutes"]
        ),
        ambient=read.optional(data, (), "ambient", TOP["ambient"]),
        source=path,
        level_db=float(read.optional(data, (), "level_db", TOP["level_db"], 0.0)),
        why=read.optional(data, (), "why", TOP["why"], ""),
        source_note=read.optional(data, (), "source_note", TOP["source_note"], ""),
    )


def _running_order(cue: Cue) -> tuple[bool, float]:
    # Start-anchored cues first, earliest first; then end-anchored, furthest from the end first.
    return (cue.anchor == "end", cue.offset if cue.anchor == "start" else -cue.offset)


def _cue(entry: dict[str, Any], read: Reader, index: int, minutes: tuple[int, ...]) -> Cue:
    place = ("cue", index)
    read.only_known(entry, place, tuple(CUE))
    low = read.optional(entry, place, "min_minutes", CUE["min_minutes"], min(ALLOWED_MINUTES))
    high = read.optional(entry, place, "max_minutes", CUE["max_minutes"], max(ALLOWED_MINUTES))
    if not any(low <= length <= high for length in minutes):
        problem = messages.SCRIPT_CUE_NEVER_HEARD.format(low=low, high=high, minutes=list(minutes))
        raise read.error(place, "min_minutes" if "min_minutes" in entry else "max_minutes", problem)
    return Cue(
        anchor=read.required(entry, place, "at", CUE["at"]),
        offset=float(read.required(entry, place, "offset", CUE["offset"])),
        text=read.required(entry, place, "text", CUE["text"]),
        voice=read.optional(entry, place, "voice", CUE["voice"]),
        min_minutes=low,
        max_minutes=high,
        steps=tuple(read.optional(entry, place, "steps", CUE["steps"], [])),
        hands_back=read.optional(entry, place, "hands_back", CUE["hands_back"], False),
        line=read.source.line_of(place),
    )


def _breathing(entry: dict[str, Any], read: Reader) -> BreathingGuide:
    place = ("breathing",)
    read.only_known(entry, place, tuple(BREATHING))

    def number(key: str, default: float | None = None) -> float | None:
        value = read.optional(entry, place, key, BREATHING[key], default)
        return None if value is None else float(value)

    rate, inhale = number("per_minute"), number("inhale")
    if rate is not None and inhale is not None:
        raise read.error(place, "inhale", messages.SCRIPT_PACE_TWICE)
    if rate is not None:
        pattern = BreathPattern.from_rate(rate)
    elif inhale is not None:
        exhale = number("exhale")
        if exhale is None:
            raise read.error(place, "inhale", messages.SCRIPT_NEEDS_EXHALE)
        pattern = BreathPattern(
            inhale, number("hold_in", 0.0) or 0.0, exhale, number("hold_out", 0.0) or 0.0
        )
    else:
        raise read.error(place, None, messages.SCRIPT_NO_PACE)
    start_where_i_am = read.optional(
        entry, place, "start_where_i_am", BREATHING["start_where_i_am"], False
    )
    ease_minutes = number("ease_minutes", 2.0) or 0.0
    return BreathingGuide(
        pattern=pattern,
        begin=number("begin", 0.0) or 0.0,
        end_before=number("end_before", 0.0) or 0.0,
        length=number("length"),
        ease_from_per_minute=COMFORTABLE_BREATHS_PER_MINUTE if start_where_i_am else None,
        ease_seconds=ease_minutes * 60.0 if start_where_i_am else 0.0,
        sound=read.optional(entry, place, "sound", BREATHING["sound"], True),
    )
