"""The bridge from a practice to the audio engine, kept apart so screens never touch sounddevice."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from compassion_app.audio import SILENT_NOTICE
from compassion_app.paths import resource_path

if TYPE_CHECKING:
    from compassion_app.core.timeline import ClipSeconds, Timeline

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _voice_clips(sample_rate: int):  # type: ignore[no-untyped-def]
    from compassion_app.audio.clips import VoiceClips

    return VoiceClips(resource_path("audio", "voice"), sample_rate)


def voice_clip_seconds(sample_rate: int) -> ClipSeconds:
    return _voice_clips(sample_rate).seconds  # type: ignore[no-any-return]


def start_sound(timeline: Timeline, volumes: Mapping[str, float]):  # type: ignore[no-untyped-def]
    """A playing engine for this practice, or a kind sentence saying why it will be silent."""
    from compassion_app.audio.engine import AudioEngine, AudioUnavailable
    from compassion_app.audio.mixer import Mixer

    try:
        engine = AudioEngine()
        engine.start(Mixer(timeline, _voice_clips(timeline.sample_rate), volumes))
    except AudioUnavailable as error:
        log.warning("Practising without sound: %s", getattr(error, "reason", error))
        return SILENT_NOTICE
    return engine


def no_sound(timeline: Timeline, volumes: Mapping[str, float]) -> str:
    """For tests and for people who choose silence."""
    return SILENT_NOTICE
