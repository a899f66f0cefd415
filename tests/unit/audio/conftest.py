"""Practices for the audio tests, built from the bundled breathing script and its recorded voice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compassion_app.audio.clips import VoiceClips
from compassion_app.core.scripts import ExerciseScript, load_script
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.paths import resource_path


@pytest.fixture(scope="session")
def voice_clips() -> VoiceClips:
    return VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)


@pytest.fixture(scope="session")
def breathing_script() -> ExerciseScript:
    return load_script(resource_path("scripts", "soothing-rhythm-breathing.toml"))


@pytest.fixture(scope="session")
def every_layer_script(breathing_script: ExerciseScript) -> ExerciseScript:
    """The breathing script with a rain bed and interval bells too: every layer sounds at once.

    The one-minute wording is left out, so that a minute has room for an interval bell.
    """
    cues = tuple(cue for cue in breathing_script.cues if cue.max_minutes > 1)
    return replace(breathing_script, cues=cues, ambient="rain", interval_bell_minutes=0.5)


@pytest.fixture(scope="session")
def one_minute(every_layer_script: ExerciseScript, voice_clips: VoiceClips) -> Timeline:
    return build_timeline(every_layer_script, 1, SAMPLE_RATE, voice_clips.seconds)
