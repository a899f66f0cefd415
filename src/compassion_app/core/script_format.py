"""The script format as data: every field, what it accepts, and the words that say so.

Each value is checked against its field before anything is built from it: the right type,
finite, within bounds. Whatever passes can be laid out and played without surprises (no endless
loop for a breath of a billionth of a second, no overflow for `inf`). A value that does not pass
raises `FieldError` with the field's name, the line it is on and what was expected.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from compassion_app import messages
from compassion_app.core.script_source import Place, SourceMap
from compassion_app.core.script_terms import ALLOWED_MINUTES, AMBIENT_BEDS, KINDS

LONGEST_SECONDS = max(ALLOWED_MINUTES) * 60
MAX_CUES = 200
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class FieldError(ValueError):
    """One value that does not fit the format; `line` says where it is."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Number:
    low: float
    high: float
    unit: str  # "seconds", "minutes", "breaths a minute"

    @property
    def expects(self) -> str:
        return f"{self.unit} between {_number(self.low)} and {_number(self.high)}"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        # Compared before any float(): a huge TOML integer stays exact and never overflows.
        if isinstance(value, float) and not math.isfinite(value):
            return False
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Minutes:
    """One length, or (`many`) a list of lengths, from ALLOWED_MINUTES."""

    many: bool = False

    @property
    def expects(self) -> str:
        choices = ", ".join(str(m) for m in ALLOWED_MINUTES)
        if self.many:
            return f"a list of lengths in minutes chosen from {choices}, like [3, 5, 10]"
        return f"a length in minutes, one of {choices}"

    def accepts(self, value: Any) -> bool:
        if not self.many:
            return _is_length(value)
        return (
            isinstance(value, list)
            and bool(value)
            and all(_is_length(item) for item in value)
            and len(set(value)) == len(value)
        )


@dataclass(frozen=True)
class Text:
    limit: int
    slug: bool = False

    @property
    def expects(self) -> str:
        if self.slug:
            return f"a short name of lower-case letters, digits and dashes (up to {self.limit})"
        return f"some text (up to {self.limit} characters)"

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, str) or not value.strip() or len(value) > self.limit:
            return False
        return not self.slug or _SLUG.fullmatch(value) is not None


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]

    @property
    def expects(self) -> str:
        return "one of " + ", ".join(f"'{option}'" for option in self.options)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.options


@dataclass(frozen=True)
class Flag:
    expects: str = "true or false"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)


@dataclass(frozen=True)
class Steps:
    """The names of the core steps a cue carries, like ["wisdom", "strength"]."""

    expects: str = 'a list of short step names, like ["wisdom", "warmth"]'

    def accepts(self, value: Any) -> bool:
        slug = Text(40, slug=True)
        return (
            isinstance(value, list)
            and len(value) <= 8
            and all(slug.accepts(item) for item in value)
        )


Spec = Number | Minutes | Text | Choice | Flag | Steps

TOP: dict[str, Spec] = {
    "id": Text(60, slug=True),
    "title": Text(80),
    "kind": Choice(KINDS),
    "summary": Text(300),
    "why": Text(600),  # "why this helps", in a sentence or two
    "source_note": Text(600),  # where the practice comes from
    "minutes": Minutes(many=True),
    "default_minutes": Minutes(),
    "ambient": Choice(AMBIENT_BEDS),
    # A gain for the whole practice, so that every practice sounds about equally loud; the
    # bundled ones are measured (tools/measure_levels.py).
    "level_db": Number(-12, 12, "decibels"),
}
TABLES = ("bells", "breathing")
BELLS: dict[str, Spec] = {"interval_minutes": Number(0.5, 30, "minutes")}
BREATHING: dict[str, Spec] = {
    "per_minute": Number(2, 20, "breaths a minute"),
    "inhale": Number(1, 15, "seconds"),
    "hold_in": Number(0, 10, "seconds"),
    "exhale": Number(1, 20, "seconds"),
    "hold_out": Number(0, 10, "seconds"),
    "start_where_i_am": Flag(),
    "ease_minutes": Number(0, 10, "minutes"),
    "begin": Number(0, LONGEST_SECONDS, "seconds"),
    "end_before": Number(0, LONGEST_SECONDS, "seconds"),
    "length": Number(10, LONGEST_SECONDS, "seconds"),
    "sound": Flag(),
}
CUE: dict[str, Spec] = {
    "at": Choice(("start", "end")),
    "offset": Number(0, LONGEST_SECONDS, "seconds"),
    "text": Text(400),
    "voice": Text(60, slug=True),
    "min_minutes": Minutes(),
    "max_minutes": Minutes(),
    "steps": Steps(),  # the core steps of the exercise this cue carries
    "hands_back": Flag(),  # the guide gives the breath back here: the pacer stops
}
KNOWN_TOP = (*TOP, *TABLES, "cue")


class Reader:
    """Reads checked values out of one parsed script, naming lines from its source text."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source

    def table(self, data: dict[str, Any], place: Place, key: str) -> dict[str, Any]:
        """A sub-table such as [breathing]: empty when absent, refused when not a table."""
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.error((*place, key), None, _expects(key, "a table", value))
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        """An array of tables such as [[cue]]."""
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error((), key, _expects(key, f"[[{key}]] tables", value))
        if len(value) > MAX_CUES:
            raise self.error((key, MAX_CUES), None, _expects(key, f"at most {MAX_CUES}", value))
        return value

    def only_known(self, data: dict[str, Any], place: Place, known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                problem = messages.SCRIPT_UNKNOWN.format(key=key, known=", ".join(known))
                raise self.error(place, key, problem)

    def required(self, data: dict[str, Any], place: Place, key: str, spec: Spec) -> Any:
        if key not in data:
            problem = messages.SCRIPT_MISSING.format(key=key, expected=spec.expects)
            raise self.error(place, None, problem)
        return self._checked(data, place, key, spec)

    def optional(
        self, data: dict[str, Any], place: Place, key: str, spec: Spec, default: Any = None
    ) -> Any:
        return self._checked(data, place, key, spec) if key in data else default

    def _checked(self, data: dict[str, Any], place: Place, key: str, spec: Spec) -> Any:
        value = data[key]
        if not spec.accepts(value):
            raise self.error(place, key, _expects(key, spec.expects, value))
        return value.strip() if isinstance(value, str) else value

    def error(self, place: Place, key: str | None, problem: str) -> FieldError:
        return FieldError(self.source.line_of(place, key), problem)


def _expects(key: str, expected: str, value: Any) -> str:
    return messages.SCRIPT_EXPECTS.format(key=key, expected=expected, got=shown(value))


def shown(value: Any) -> str:
    """A value as the person wrote it, short enough for one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:39] + "…")
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, int) and abs(value) > 10**15:
        return "a number far too large"
    return str(value)


def _is_length(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in ALLOWED_MINUTES


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
