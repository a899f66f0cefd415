"""The breath detector on synthetic breathing: the rate and the phase it hears, and what it must
never hear as breath (a quiet room, typing, talking, the app's own guidance)."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.core.breath_detect import BreathDetector
from compassion_app.core.breath_rate import BreathEstimate
from helpers.synthetic_breath import (
    Breathing,
    Guidance,
    breathing,
    guidance_through_speakers,
    keyboard,
    room_noise,
    scaled_to_snr,
    speech_like,
)

RATE = 16_000  # the detector works at any rate; a low one keeps these tests quick
HEARD = 0.5  # the confidence at which the pacer starts to follow


def listen(
    heard: np.ndarray, played: np.ndarray | None = None, block: int = 1000
) -> list[BreathEstimate]:
    """Feed the detector block by block, as the microphone would; its estimate after each."""
    detector = BreathDetector(RATE)
    estimates = []
    for start in range(0, len(heard), block):
        detector.feed(
            heard[start : start + block],
            None if played is None else played[start : start + block],
        )
        estimates.append(detector.estimate())
    return estimates


def at(estimates: list[BreathEstimate], seconds: float) -> BreathEstimate:
    return next(e for e in estimates if e.seconds >= seconds)


def end_of_last_breath(breath: Breathing) -> float:
    """A moment just after the last whole breath (the sound may go quiet after it)."""
    return breath.breaths[-1].out_end + 0.2


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return guidance_through_speakers(90, RATE)


@pytest.mark.parametrize("per_minute", [5.0, 8.0, 12.0, 18.0])
def test_the_rate_of_steady_breathing_is_heard_within_a_breath_a_minute(per_minute):
    breath = breathing(75, RATE, per_minute=per_minute, seed=int(per_minute))
    heard = breath.signal + scaled_to_snr(breath.signal, room_noise(75, RATE), 10)
    last = at(listen(heard), end_of_last_breath(breath))
    assert last.confidence >= HEARD
    assert last.breaths_per_minute == pytest.approx(breath.recent_rate(last.seconds), abs=1.0)


def test_in_and_out_breaths_are_told_apart():
    breath = breathing(90, RATE, per_minute=10.0, seed=7)
    heard = breath.signal + scaled_to_snr(breath.signal, room_noise(90, RATE), 10)
    later = [e for e in listen(heard) if e.seconds > 30 and e.phase is not None]
    right = [e.phase == breath.phase_at(e.seconds) for e in later]
    assert len(later) > 500
    assert np.mean(right) >= 0.85


def test_a_slowing_breath_is_followed():
    breath = breathing(120, RATE, per_minute=lambda t: 12.0 - 5.0 * t / 120, seed=3)
    heard = breath.signal + scaled_to_snr(breath.signal, room_noise(120, RATE), 10)
    estimates = listen(heard)
    at_half = at(estimates, 60)
    last = at(estimates, end_of_last_breath(breath))
    assert at_half.breaths_per_minute == pytest.approx(breath.recent_rate(60), abs=1.0)
    assert last.breaths_per_minute == pytest.approx(breath.recent_rate(last.seconds), abs=1.0)
    assert last.breaths_per_minute < at_half.breaths_per_minute


@pytest.mark.parametrize(
    "noise",
    [
        lambda: room_noise(90, RATE),
        lambda: 0.1 * room_noise(90, RATE) + keyboard(90, RATE),
        lambda: 0.1 * room_noise(90, RATE) + speech_like(90, RATE),
        lambda: np.zeros(90 * RATE, dtype=np.float32),
    ],
    ids=["room", "typing", "talking", "silence"],
)
def test_no_breath_is_heard_where_there_is_none(noise):
    estimates = listen(0.01 * noise())
    assert max(e.confidence for e in estimates) == 0.0


def test_the_apps_own_guidance_is_not_heard_as_breath(guidance):
    room = 0.002 * room_noise(90, RATE)
    with_reference = listen(guidance.heard + room, guidance.played)
    assert max(e.confidence for e in with_reference) == 0.0
    # Without knowing what it played, the detector would take the app's breath sound for the
    # person's: the cancellation is what keeps it honest.
    without = listen(guidance.heard + room)
    assert max(e.confidence for e in without) >= HEARD


def test_breath_is_heard_through_the_guidance(guidance):
    breath = breathing(90, RATE, per_minute=6.0, seed=11)
    echo = 0.5 * scaled_to_snr(breath.signal, guidance.heard, 0)
    played = guidance.played * (echo.std() / guidance.heard.std())
    heard = breath.signal + echo + scaled_to_snr(breath.signal, room_noise(90, RATE), 15)
    last = at(listen(heard, played), end_of_last_breath(breath))
    assert last.confidence >= HEARD
    assert last.breaths_per_minute == pytest.approx(breath.recent_rate(last.seconds), abs=1.0)


def test_the_estimate_does_not_depend_on_how_the_sound_is_cut_into_blocks():
    breath = breathing(40, RATE, per_minute=12.0, seed=5)
    heard = breath.signal + scaled_to_snr(breath.signal, room_noise(40, RATE), 10)
    assert listen(heard, block=4096)[-1] == listen(heard, block=333)[-1]


def test_nothing_heard_yet_is_said_plainly():
    detector = BreathDetector(48_000)
    assert detector.estimate().breaths_per_minute is None
    assert detector.estimate().confidence == 0.0
    detector.feed(np.zeros(100))
    assert detector.estimate().phase is None
