"""Exercise scripts: the bundled TOML files that say what a practice says and when.

A script describes a practice independently of its length: each cue is anchored to the start or to
the end, so one script fits every duration it allows. See assets/scripts/README.md for the format.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compassion_app.core.breathing import COMFORTABLE_BREATHS_PER_MINUTE, BreathPattern

ALLOWED_MINUTES = (1, 3, 5, 10, 15, 20)
KINDS = ("breathing", "imagery")
AMBIENT_BEDS = ("rain", "ocean", "brown")


class ScriptError(Exception):
    """A script file that cannot be used; the message is meant for a person to read."""


@dataclass(frozen=True)
class Cue:
    """Something the guide says: a caption, and its recorded voice when there is one."""

    anchor: str  # "start" or "end"
    offset: float  # seconds after the start, or seconds before the end
    text: str
    voice: str | None = None  # clip name under assets/audio/voice/<exercise id>/
    min_minutes: int = 1  # left out of shorter practices, where there is no room for it

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


def load_script(path: Path) -> ExerciseScript:
    """Read one script, or raise ScriptError naming the file and the problem in plain words."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        return _parse(data, path)
    except OSError as error:
        message = f"The exercise file {path.name} could not be opened ({error.strerror})."
        raise ScriptError(message) from error
    except tomllib.TOMLDecodeError as error:
        raise ScriptError(f"The exercise file {path.name} is not valid TOML: {error}.") from None
    except (KeyError, TypeError, ValueError) as error:
        message = f"The exercise file {path.name} has a problem: {_describe(error)}."
        raise ScriptError(message) from error


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"the entry {error.args[0]!r} is missing"
    return str(error)


def _parse(data: dict[str, Any], path: Path) -> ExerciseScript:
    kind = _choice(data, "kind", KINDS)
    minutes = tuple(int(m) for m in data.get("minutes", ALLOWED_MINUTES))
    if not minutes or any(m not in ALLOWED_MINUTES for m in minutes):
        raise ValueError(f"minutes must be chosen from {list(ALLOWED_MINUTES)}")
    default = int(data.get("default_minutes", 10 if 10 in minutes else minutes[0]))
    if default not in minutes:
        raise ValueError("default_minutes must be one of the allowed minutes")
    ambient = data.get("ambient")
    if ambient is not None and ambient not in AMBIENT_BEDS:
        raise ValueError(f"ambient must be one of {list(AMBIENT_BEDS)}")
    cues = tuple(_cue(entry) for entry in data.get("cue", []))
    return ExerciseScript(
        exercise_id=_text(data, "id"),
        title=_text(data, "title"),
        kind=kind,
        summary=_text(data, "summary"),
        minutes=minutes,
        default_minutes=default,
        cues=tuple(sorted(cues, key=_running_order)),
        breathing=_breathing(data["breathing"]) if "breathing" in data else None,
        interval_bell_minutes=_optional_float(data.get("bells", {}), "interval_minutes"),
        ambient=ambient,
        source=path,
    )


def _running_order(cue: Cue) -> tuple[bool, float]:
    # Start-anchored cues first, earliest first; then end-anchored, furthest from the end first.
    return (cue.anchor == "end", cue.offset if cue.anchor == "start" else -cue.offset)


def _cue(entry: dict[str, Any]) -> Cue:
    anchor = _choice(entry, "at", ("start", "end"))
    offset = float(entry["offset"])
    if offset < 0:
        raise ValueError("a cue's offset cannot be negative")
    voice = entry.get("voice")
    return Cue(
        anchor=anchor,
        offset=offset,
        text=_text(entry, "text"),
        voice=str(voice) if voice else None,
        min_minutes=int(entry.get("min_minutes", 1)),
    )


def _breathing(entry: dict[str, Any]) -> BreathingGuide:
    if "per_minute" in entry:
        pattern = BreathPattern.from_rate(float(entry["per_minute"]))
    else:
        pattern = BreathPattern(
            float(entry["inhale"]),
            float(entry.get("hold_in", 0.0)),
            float(entry["exhale"]),
            float(entry.get("hold_out", 0.0)),
        )
    start_where_i_am = bool(entry.get("start_where_i_am", False))
    return BreathingGuide(
        pattern=pattern,
        begin=float(entry.get("begin", 0.0)),
        end_before=float(entry.get("end_before", 0.0)),
        length=_optional_float(entry, "length"),
        ease_from_per_minute=COMFORTABLE_BREATHS_PER_MINUTE if start_where_i_am else None,
        ease_seconds=float(entry.get("ease_minutes", 2.0)) * 60.0 if start_where_i_am else 0.0,
        sound=bool(entry.get("sound", True)),
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be some text")
    return value.strip()


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data[key]
    if value not in allowed:
        raise ValueError(f"{key!r} must be one of {list(allowed)}, not {value!r}")
    return str(value)


def _optional_float(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    return None if value is None else float(value)
