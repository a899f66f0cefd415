"""The person's practice preferences and their defaults, each declared once, as data.

Plain data the store keeps and screens show: each field's words, options and bounds are in its
declaration (core/setting_fields.py), and the settings screen builds its controls from them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from compassion_app import messages
from compassion_app.core import setting_fields as declare
from compassion_app.core.script_terms import AMBIENT_BEDS

if TYPE_CHECKING:  # the script reader and the breaths are not needed to keep settings (start-up)
    from compassion_app.core.breathing import BreathPattern
    from compassion_app.core.scripts import ExerciseScript

STORE_KEY = "preferences"  # the store setting these live under

# Slider positions (0..1) for a balanced mix: the voice clear, the bells gentle, the breath and
# the background a little under them (measured in the audio engine's level check).
DEFAULT_VOLUMES = {"voice": 1.0, "bells": 0.8, "breath": 0.7, "ambient": 0.7}
LAYERS = tuple(DEFAULT_VOLUMES)
SCRIPT_DEFAULT = "script"  # for ambient: whatever the exercise suggests
AMBIENT_CHOICES = tuple(
    (value, messages.AMBIENT_WORDS[value]) for value in (SCRIPT_DEFAULT, None, *AMBIENT_BEDS)
)
# Shown in the pace boxes until the person chooses their own: a slow breath, the out-breath longer.
MY_PACE_DEFAULT = (4.5, 0.5, 5.5, 0.5)
# The cards of the settings screen, in reading order.
PRACTICE, PACER, SOUND = (
    messages.SETTINGS_PRACTICE,
    messages.SETTINGS_PACER,
    messages.SETTINGS_SOUND,
)


def _pattern(parts: tuple[float, ...]) -> BreathPattern:
    # Imported here: start-up reads a pace only for someone who has chosen one.
    from compassion_app.core.breathing import BreathPattern

    return BreathPattern(*parts)  # ValueError for a breath with no in- or out-breath


def _exact_pace(parts: tuple[float, ...]) -> tuple[float, float, float, float]:
    return _pattern(parts).parts()


def pace_words(parts: tuple[float, ...] | None) -> str:
    """What a chosen pace means, in words; None: each practice keeps its own."""
    if parts is None:
        return messages.PACE_EACH_PRACTICE
    try:
        rate = _pattern(parts).per_minute
    except ValueError:
        return messages.PACE_NEEDS_BREATHS
    return messages.PACE_RATE.format(rate=rate)


@dataclass(frozen=True)
class Settings(declare.SavedSettings):
    # The optional 0-10 check-ins before and after a practice.
    checkins: bool = declare.switch(True, messages.SETTING_CHECKINS, PRACTICE)
    # Begin at a comfortable pace and ease to the target.
    start_where_i_am: bool = declare.switch(True, messages.SETTING_START_WHERE_I_AM, PRACTICE)
    # In, hold, out, hold; None: each script's own.
    breathing: tuple[float, float, float, float] | None = declare.parts(
        None,
        messages.SETTING_OWN_PACE,
        PRACTICE,
        parts=messages.PACE_PARTS,
        bounds=(0.0, 15.0),
        step=0.5,
        unit=" s",
        suggested=MY_PACE_DEFAULT,
        check=_exact_pace,
        describe=pace_words,
    )
    # Seconds left in each breath phase; some people strain at numbers.
    show_counts: bool = declare.switch(True, messages.SETTING_SHOW_COUNTS, PACER)
    # The pacer changes light instead of size.
    reduced_motion: bool = declare.switch(False, messages.SETTING_REDUCED_MOTION, PACER)
    # The pacer follows the breath it hears (nothing recorded).
    listen_to_breath: bool = declare.switch(
        False, messages.BREATH_LISTEN_SETTING, PACER, help=messages.BREATH_LISTEN_SETTING_HELP
    )
    asked_to_listen: bool = declare.remembered(False)  # the gentle offer has been made once
    # Off: captions only, each held long enough to read; bells, breath and bed still sound.
    guide_voice: bool = declare.switch(
        True, messages.SETTING_GUIDE_VOICE, SOUND, help=messages.SETTING_GUIDE_VOICE_HELP
    )
    # A bed name, None for none, or SCRIPT_DEFAULT.
    ambient: str | None = declare.choice(
        SCRIPT_DEFAULT, messages.SETTING_AMBIENT, AMBIENT_CHOICES, SOUND
    )
    volumes: dict[str, float] = declare.levels(
        DEFAULT_VOLUMES, messages.SETTING_VOLUMES, messages.LAYER_WORDS, (0.0, 1.0), SOUND
    )

    def breath_pattern(self) -> BreathPattern | None:
        return _pattern(self.breathing) if self.breathing else None

    def apply_to(self, script: ExerciseScript) -> ExerciseScript:
        """The script as this person likes it: their breathing pace, easing and ambient bed."""
        from compassion_app.core.breathing import COMFORTABLE_BREATHS_PER_MINUTE  # as _pattern

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
