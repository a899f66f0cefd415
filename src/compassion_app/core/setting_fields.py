"""One way to declare a setting: its default, its words, and the values it may take.

A settings dataclass declares each field with one of the functions below. From those declarations
come reading what was saved (`read`, which quietly keeps the default for anything unreadable),
writing it back (`written`), and the controls the settings screens build (ui/widgets/
setting_controls.py). So a new setting is one line in its dataclass plus its words in messages.py.

A field declared with `remembered` is the app's own memory (the welcome has been shown): it is
saved like the others but has no control.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, field, fields
from datetime import time
from typing import Any, NamedTuple, Self, TypeVar

# The kinds of setting, each with its own control and its own check of saved values.
SWITCH = "switch"  # yes or no
CHOICE = "choice"  # one of a few named options
NUMBER = "number"  # a whole number within bounds
TIME = "time"  # a local time of day, "HH:MM"
LEVELS = "levels"  # a level for each of several parts (the sound mix), each kept within bounds
PARTS = "parts"  # several numbers that make one value (a breath's four parts), or None

T = TypeVar("T")


class Declared(NamedTuple):  # not a dataclass: a third of the cost to define (start-up)
    """What a setting is, apart from its value."""

    kind: str
    label: str | None = None  # the words beside its control; None: no control
    section: str | None = None  # the card it is shown in, on a screen with several
    help: str | None = None  # a sentence under the control
    options: tuple[tuple[Any, str], ...] = ()  # CHOICE: (value, its words)
    bounds: tuple[float, float] | None = None  # NUMBER: the range; LEVELS, PARTS: each part's
    parts: tuple[tuple[str, str], ...] = ()  # LEVELS, PARTS: (name, its words)
    step: float = 1.0  # PARTS: how far one press of an arrow moves a part
    unit: str = ""  # PARTS: after each part's number
    suggested: Any = None  # PARTS: shown in the control before anything is chosen
    check: Callable[[Any], Any] | None = None  # PARTS: the whole value, made exact (ValueError)
    describe: Callable[[Any], str] | None = None  # PARTS: words for the value being chosen
    needs: str | None = None  # the switch that must be on for this control to be used

    @property
    def values(self) -> tuple[Any, ...]:
        """The option values of a CHOICE, in order."""
        return tuple(value for value, _words in self.options)


def _declare(default: Any, declared: Declared) -> Any:
    if isinstance(default, dict):  # a mutable default: each settings value gets its own copy
        return field(default_factory=lambda: dict(default), metadata={"setting": declared})
    return field(default=default, metadata={"setting": declared})


def switch(default: bool, label: str, section: str | None = None, help: str | None = None) -> Any:
    return _declare(default, Declared(SWITCH, label, section, help))


def choice(
    default: Any,
    label: str,
    options: tuple[tuple[Any, str], ...],
    section: str | None = None,
) -> Any:
    return _declare(default, Declared(CHOICE, label, section, options=options))


def number(default: int, label: str, bounds: tuple[int, int], section: str | None = None) -> Any:
    return _declare(default, Declared(NUMBER, label, section, bounds=bounds))


def time_of_day(default: str, label: str, needs: str | None = None) -> Any:
    return _declare(default, Declared(TIME, label, needs=needs))


def levels(
    default: dict[str, float],
    label: str,
    parts: tuple[tuple[str, str], ...],
    bounds: tuple[float, float] = (0.0, 1.0),
    section: str | None = None,
) -> Any:
    return _declare(default, Declared(LEVELS, label, section, parts=parts, bounds=bounds))


def parts(default: Any, label: str, section: str | None = None, **details: Any) -> Any:
    """A value of several numbers (`parts`, `bounds` each, `check` for the whole), or None."""
    return _declare(default, Declared(PARTS, label, section, **details))


def remembered(default: Any) -> Any:
    """Something the app remembers for itself: saved and checked, never shown as a control."""
    kind = SWITCH if isinstance(default, bool) else CHOICE
    return _declare(default, Declared(kind))


# --- reading the declarations --------------------------------------------------------------------


def declared(settings_type: type) -> dict[str, Declared]:
    """Every declared field of a settings dataclass, by name, in the order declared."""
    return {item.name: item.metadata["setting"] for item in fields(settings_type)}


def shown(settings_type: type, section: str | None = None) -> list[str]:
    """The names of the settings a person sees (in `section`, if given), in declared order."""
    return [
        name
        for name, setting in declared(settings_type).items()
        if setting.label and (section is None or setting.section == section)
    ]


def sections(settings_type: type) -> list[str]:
    """The sections of the shown settings, in the order their first setting is declared."""
    found = (declared(settings_type)[name].section for name in shown(settings_type))
    return list(dict.fromkeys(section for section in found if section))


class SavedSettings:
    """Gives a settings dataclass `from_dict` and `to_dict` from its declarations."""

    def to_dict(self) -> dict[str, Any]:
        return written(self)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        """Settings from what was saved; anything unreadable quietly falls back to its default."""
        return read(cls, data)


def read(settings_type: type[T], data: Any) -> T:
    """Settings from a saved map: each readable value kept, anything else left at its default."""
    chosen: dict[str, Any] = {}
    if isinstance(data, Mapping):
        defaults = settings_type()
        for name, setting in declared(settings_type).items():
            if name not in data:
                continue
            try:
                chosen[name] = accepted(setting, getattr(defaults, name), data[name])
            except (TypeError, ValueError, OverflowError):
                continue  # damaged or hand-edited: the default stands
    return settings_type(**chosen)


def written(settings: Any) -> dict[str, Any]:
    """The settings as a plain JSON-ready map (tuples as lists)."""
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in asdict(settings).items()
    }


def accepted(setting: Declared, default: Any, value: Any) -> Any:
    """`value` as the setting keeps it; TypeError or ValueError if it cannot be one."""
    if setting.kind == LEVELS:
        return _levels(setting, default, value)
    if setting.kind == PARTS:
        return _parts(setting, value)
    if setting.options:
        if not _is_option(setting, value):
            raise ValueError("not one of the options")
        return value
    if type(value) is not type(default):
        raise TypeError("not the type this setting holds")  # a bool is no int here, and no text
    if setting.kind == NUMBER and setting.bounds is not None:
        low, high = setting.bounds
        if not low <= value <= high:
            raise ValueError("out of bounds")
    if setting.kind == TIME and parse_time(value) is None:
        raise ValueError("not a time of day")
    return value


def _is_option(setting: Declared, value: Any) -> bool:
    return any(type(value) is type(option) and value == option for option in setting.values)


def _levels(setting: Declared, default: dict[str, float], value: Any) -> dict[str, float]:
    """A level for every part: missing ones at their default, each brought within bounds."""
    if not isinstance(value, dict):  # e.g. a list, from a damaged or hand-edited file
        raise TypeError("not a map of levels")
    low, high = setting.bounds or (-math.inf, math.inf)
    return {
        part: min(high, max(low, float(value.get(part, default[part]))))
        for part, _words in setting.parts
    }


def _parts(setting: Declared, value: Any) -> Any:
    if value is None:
        return None
    numbers = tuple(float(part) for part in value)
    if len(numbers) != len(setting.parts):
        raise TypeError("not the number of parts this setting holds")
    return setting.check(numbers) if setting.check else numbers


def parse_time(text: str) -> time | None:
    """A local time of day from "HH:MM", or None when it is not one."""
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return time(int(hours), int(minutes))
