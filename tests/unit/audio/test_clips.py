"""Voice clips: read once, brought to the stream rate, and exactly as long as the timeline says."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from compassion_app.audio.clips import VoiceClips, resample, resampled_length
from compassion_app.core.scripts import ExerciseScript


def tone(rate: int, hz: float, seconds: float) -> np.ndarray:
    return (0.5 * np.sin(2 * np.pi * hz * np.arange(round(seconds * rate)) / rate)).astype(
        np.float32
    )


def measured_pitch(sound: np.ndarray, rate: int) -> float:
    magnitude = np.abs(np.fft.rfft(sound * np.hanning(len(sound)), 8 * len(sound)))
    return float(np.fft.rfftfreq(8 * len(sound), 1 / rate)[np.argmax(magnitude)])


def test_every_bundled_clip_loads_exactly_as_long_as_announced(
    breathing_script: ExerciseScript, voice_clips: VoiceClips
) -> None:
    names = [cue.voice for cue in breathing_script.cues if cue.voice]
    assert names, "the breathing script names its voice clips"
    for name in names:
        sound = voice_clips.load(breathing_script.exercise_id, name)
        seconds = voice_clips.seconds(breathing_script.exercise_id, name)
        assert sound.dtype == np.float32 and sound.ndim == 1
        assert seconds is not None and round(seconds * voice_clips.sample_rate) == len(sound)


def test_clip_recorded_at_another_rate_keeps_its_length_and_pitch(tmp_path: Path) -> None:
    folder = tmp_path / "some-exercise"
    folder.mkdir()
    soundfile.write(str(folder / "hello.ogg"), tone(22_050, 440.0, 2.0), 22_050, format="OGG")
    clips = VoiceClips(tmp_path, 48_000)
    sound = clips.load("some-exercise", "hello")
    assert len(sound) == resampled_length(44_100, 22_050, 48_000) == 96_000
    assert clips.seconds("some-exercise", "hello") == pytest.approx(2.0)
    assert measured_pitch(sound, 48_000) == pytest.approx(440.0, abs=0.5)
    assert clips.load("some-exercise", "hello") is sound  # read once, then kept


def test_stereo_clip_is_mixed_to_mono(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    left = tone(48_000, 300.0, 0.5)
    soundfile.write(str(folder / "both.ogg"), np.stack([left, left], axis=1), 48_000, format="OGG")
    sound = VoiceClips(tmp_path, 48_000).load("x", "both")
    assert sound.ndim == 1 and len(sound) == 24_000


def test_missing_clip_has_no_length(tmp_path: Path) -> None:
    assert VoiceClips(tmp_path, 48_000).seconds("nothing", "here") is None


@pytest.mark.parametrize(
    ("source", "target"), [(22_050, 48_000), (48_000, 44_100), (44_100, 48_000)]
)
def test_resampling_is_faithful(source: int, target: int) -> None:
    seconds = 1.0
    result = resample(tone(source, 1000.0, seconds), source, target)
    assert len(result) == round(seconds * target)
    edge = target // 100  # the first and last 10 ms meet the padding's silence
    error = np.abs(result - tone(target, 1000.0, seconds))[edge:-edge].max()
    assert error < 1e-3  # below -66 dB of the tone


def test_downsampling_removes_what_the_new_rate_cannot_hold() -> None:
    result = resample(tone(48_000, 23_000.0, 1.0), 48_000, 44_100)  # above 22,050 Hz
    edge = 441  # the tone's abrupt start and end are broadband clicks; judge the steady middle
    assert (
        np.abs(result[edge:-edge]).max() < 0.5 * 1e-4
    )  # gone (-80 dB), not folded back as a whistle
