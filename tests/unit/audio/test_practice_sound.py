"""Every bundled practice, rendered as the person hears it, never seems to stop.

No stretch of digital silence longer than 10 s, whatever the bed setting; the end bell rings out
to -60 dB before the file ends; the closing words end before the end bell. The default run
renders each practice at its shortest and its usual length; `-m slow` renders every length.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from compassion_app.audio import synth
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.scripts import ExerciseScript, load_script
from compassion_app.core.timeline import (
    END_BELL_RING_SECONDS,
    SAMPLE_RATE,
    Timeline,
    build_timeline,
)
from compassion_app.paths import resource_path

SCRIPTS = sorted(resource_path("scripts").glob("*.toml"))
SILENCE = 10 ** (-70 / 20)  # below -70 dBFS counts as silence: far under any room's own noise
LONGEST_SILENCE_SECONDS = 10.0
WINDOW = SAMPLE_RATE // 10


@cache
def script(path: Path) -> ExerciseScript:
    return load_script(path)


@cache
def clips() -> VoiceClips:
    return VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)


def timeline(path: Path, minutes: int, bed: bool = True) -> Timeline:
    exercise = script(path)
    if not bed:
        exercise = replace(exercise, ambient=None)  # the person turned the bed off
    return build_timeline(exercise, minutes, SAMPLE_RATE, clips().seconds)


def longest_silence(audio: np.ndarray) -> float:
    """Seconds of the longest run of 100 ms windows whose every sample is below SILENCE."""
    frames = len(audio) // WINDOW * WINDOW
    peaks = np.abs(audio[:frames]).reshape(-1, WINDOW * audio.shape[1]).max(axis=1)
    longest = run = 0
    for quiet in peaks < SILENCE:
        run = run + 1 if quiet else 0
        longest = max(longest, run)
    return longest * WINDOW / SAMPLE_RATE


def lengths(slow: bool) -> list[object]:
    params = []
    for path in SCRIPTS:
        exercise = script(path)
        chosen = (
            exercise.minutes
            if slow
            else sorted({min(exercise.minutes), 3, 5} & set(exercise.minutes))
        )
        for minutes in chosen:
            for bed in (True, False):
                params.append(
                    pytest.param(
                        path,
                        minutes,
                        bed,
                        id=f"{path.stem}-{minutes}min-{'bed' if bed else 'no-bed'}",
                        marks=[pytest.mark.slow] if slow else [],
                    )
                )
    return params


def check_never_silent_and_rings_out(path: Path, minutes: int, bed: bool) -> None:
    practice = timeline(path, minutes, bed)
    audio = Mixer(practice, clips()).render_all()
    assert longest_silence(audio[: practice.practice_frames]) <= LONGEST_SILENCE_SECONDS
    # The end bell is heard to the end: in the file's last 100 ms it is 60 dB below its peak.
    ring = audio[practice.practice_frames :]
    assert np.abs(ring[-WINDOW:]).max() <= np.abs(ring).max() * 1e-3
    voices = practice.of_kind("voice")
    assert voices[-1].frame + voices[-1].length < practice.practice_frames


@pytest.mark.parametrize(("path", "minutes", "bed"), lengths(slow=False))
def test_no_practice_falls_silent_and_the_end_bell_rings_out(
    path: Path, minutes: int, bed: bool
) -> None:
    check_never_silent_and_rings_out(path, minutes, bed)


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("path", "minutes", "bed"), lengths(slow=True))
def test_no_practice_falls_silent_at_any_length(path: Path, minutes: int, bed: bool) -> None:
    check_never_silent_and_rings_out(path, minutes, bed)


def test_the_silence_check_itself_finds_a_long_silence() -> None:
    audio = np.full((SAMPLE_RATE * 30, 2), 0.01, dtype=np.float32)
    audio[SAMPLE_RATE * 5 : SAMPLE_RATE * 17] = 0.0
    assert longest_silence(audio) == pytest.approx(12.0, abs=0.2)


def test_the_end_bell_decays_by_60_db_before_its_own_soft_tail_begins() -> None:
    bell = synth.bell(SAMPLE_RATE, "end")
    assert len(bell) == round(END_BELL_RING_SECONDS * SAMPLE_RATE)
    before_tail = bell[-round((synth.TAIL_FADE_SECONDS + 0.1) * SAMPLE_RATE) :][:WINDOW]
    assert np.abs(before_tail).max() <= np.abs(bell).max() * 1e-3
