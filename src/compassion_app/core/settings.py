"""The person's preferences and their defaults: plain data the store keeps and screens show."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from compassion_app.core.breathing import COMFORTABLE_BREATHS_PER_MINUTE, BreathPattern
from compassion_app.core.scripts import AMBIENT_BEDS, ExerciseScript

# Slider positions (0..1) for a balanced mix: the voice clear, the bells gentle, the breath and
# the background a little under them (measured in the audio engine's level check).
DEFAULT_VOLUMES = {"voice": 1.0, "bells": 0.8, "breath": 0.7, "ambient": 0.7}
LAYERS = tuple(DEFAULT_VOLUMES)
SCRIPT_DEFAULT = "script"  # for ambient: whatever the exercise suggests


@dataclass(frozen=True)
class Settings:
    checkins: bool = True  # the optional 0-10 check-ins before and after a practice
    show_counts: bool = True  # seconds left in each breath phase; some people strain at numbers
    reduced_motion: bool = False  # the pacer changes light instead of size
    start_where_i_am: bool = True  # begin at a comfortable pace and ease to the target
    listen_to_breath: bool = False  # the pacer follows the breath it hears (nothing recorded)
    asked_to_listen: bool = False  # the gentle offer to listen has been made once
    guide_voice: bool = True  # off: captions only, held long enough to read; bells still ring
    breathing: tuple[float, float, float, float] | None = (
        None  # in, hold, out, hold; None: script's
    )
    ambient: str | None = SCRIPT_DEFAULT  # a bed name, None for none, or SCRIPT_DEFAULT
    volumes: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_VOLUMES))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["breathing"] = list(self.breathing) if self.breathing else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from what was saved; anything unreadable quietly falls back to its default."""
        settings = cls()
        for item in fields(cls):
            if item.name in data:
                try:
                    settings = replace(
                        settings, **{item.name: _checked(item.name, data[item.name])}
                    )
                except (TypeError, ValueError):
                    continue
        return settings

    def breath_pattern(self) -> BreathPattern | None:
        return BreathPattern(*self.breathing) if self.breathing else None

    def apply_to(self, script: ExerciseScript) -> ExerciseScript:
        """The script as this person likes it: their breathing pace, easing and ambient bed."""
        ambient = script.ambient if self.ambient == SCRIPT_DEFAULT else self.ambient
        guide = script.breathing
        # Easing in belongs to the breathing practice; imagery keeps its short settling breath.
        if guide is not None and script.kind == "breathing":
            pattern = self.breath_pattern() or guide.pattern
            easing = guide.ease_seconds or 120.0
            guide = replace(
                guide,
                pattern=pattern,
                ease_from_per_minute=COMFORTABLE_BREATHS_PER_MINUTE
                if self.start_where_i_am
                else None,
                ease_seconds=easing if self.start_where_i_am else 0.0,
            )
        return replace(script, breathing=guide, ambient=ambient)


BOOLEANS = (
    "checkins",
    "show_counts",
    "reduced_motion",
    "start_where_i_am",
    "listen_to_breath",
    "asked_to_listen",
    "guide_voice",
)


def _checked(name: str, value: Any) -> Any:
    if name in BOOLEANS:
        if not isinstance(value, bool):
            raise TypeError(name)
        return value
    if name == "breathing":
        if value is None:
            return None
        pattern = BreathPattern(*(float(part) for part in value))  # validates
        return pattern.parts()
    if name == "ambient":
        if value is not None and value != SCRIPT_DEFAULT and value not in AMBIENT_BEDS:
            raise ValueError(name)
        return value
    if not isinstance(value, dict):  # e.g. a list, from a damaged or hand-edited file
        raise TypeError(name)
    return {
        layer: min(1.0, max(0.0, float(value.get(layer, DEFAULT_VOLUMES[layer]))))
        for layer in LAYERS
    }
