"""An exercise a person wrote, read from their folder and played as the app plays it: the bundled
bells and bed sound, no voice is looked for, and the room never falls silent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.library import load_library
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.paths import resource_path

OWN = """\
id = "my-rain"
title = "Rain and a kind word"
kind = "imagery"
summary = "Words I wrote, with the rain."
minutes = [1]
ambient = "rain"

[[cue]]
at = "start"
offset = 3
voice = "welcome"                  # copied from a bundled script: there is no such clip here
text = "Hello. Let the rain be there for you."
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder: Path = tmp_path_factory.mktemp("exercises")
    (folder / "my-rain.toml").write_text(OWN, encoding="utf-8")
    library = load_library(resource_path("scripts"), own_folder=folder)
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)  # as the app's sound does
    return build_timeline(library.scripts["my-rain"], 1, SAMPLE_RATE, clips.seconds)


def rms(audio: np.ndarray, start: float, end: float) -> float:
    part = audio[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]
    return float(np.sqrt(np.mean(part.astype(np.float64) ** 2)))


def test_the_words_are_captions_and_no_voice_is_played(timeline: Timeline) -> None:
    assert timeline.of_kind("voice") == ()
    (caption,) = timeline.of_kind("caption")
    assert caption.text.startswith("Hello.") and caption.length >= 3 * SAMPLE_RATE


def test_the_bundled_bells_and_bed_sound_in_an_own_exercise(timeline: Timeline) -> None:
    played = Mixer(timeline, None).render_all()
    no_bells = Mixer(timeline, None, {"bells": 0.0}).render_all()
    no_bed = Mixer(timeline, None, {"ambient": 0.0}).render_all()
    assert rms(played, 0, 2) > 4 * rms(no_bells, 0, 2)  # the start bell
    assert rms(played, 60, 62) > 2 * rms(no_bells, 60, 62)  # the end bell, over the fading bed
    assert rms(played, 20, 50) > 4 * rms(no_bed, 20, 50)  # the rain carries the quiet
    assert rms(played, 20, 50) > 10 ** (-50 / 20)
