"""The person's choices about the app on their desktop, each declared once, as data.

Each field carries its own words (in messages.py) and, for a choice among a few, its options;
`from_dict` checks saved values against them and the settings screen builds its controls from
them, so a new choice is one line. A field without a label is the app's own memory (the welcome
has been shown) and has no control.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from compassion_app import messages

STORE_KEY = "desktop"  # the store setting these live under
THEMES = ("system", "light", "dark")


def _choice(default: Any, label: str | None, options: tuple[str, ...] | None = None) -> Any:
    return field(default=default, metadata={"label": label, "options": options})


@dataclass(frozen=True)
class DesktopSettings:
    theme: str = _choice("system", messages.SETTING_THEME, options=THEMES)
    keep_in_tray: bool = _choice(False, messages.SETTING_KEEP_IN_TRAY)
    welcomed: bool = _choice(False, None)  # the first-run welcome has been shown

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> DesktopSettings:
        """Settings from what was saved; anything unreadable quietly falls back to its default."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for item in fields(cls):
            value: Any = data.get(item.name)
            if item.name in data and _acceptable(item.default, item.metadata, value):
                settings = replace(settings, **{item.name: value})
        return settings


def shown_choices() -> list[str]:
    """The names of the choices a person sees, in the order they are declared."""
    return [item.name for item in fields(DesktopSettings) if item.metadata["label"]]


def label(name: str) -> str:
    found: str = _declared(name)["label"]
    return found


def options(name: str) -> tuple[str, ...] | None:
    found: tuple[str, ...] | None = _declared(name)["options"]
    return found


def _declared(name: str) -> Mapping[str, Any]:
    return next(item.metadata for item in fields(DesktopSettings) if item.name == name)


def _acceptable(default: Any, declared: Mapping[str, Any], value: Any) -> bool:
    if type(value) is not type(default):
        return False
    return declared["options"] is None or value in declared["options"]
