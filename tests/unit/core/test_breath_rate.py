"""From bursts of breath noise to labels, a rate and a confidence (no sound needed)."""

from __future__ import annotations

import random

import pytest

from compassion_app.core.breath_rate import BreathTracker, Burst

ON_DB = 6.0


def breaths(
    cycle: float, count: int, skip: set[int] | None = None, bright_in: bool = True
) -> list[Burst]:
    """In-breaths (a third of the cycle, brighter) each followed at once by an out-breath
    (half the cycle), then a pause. `skip`: indices of bursts the microphone missed."""
    bursts = []
    for n in range(count):
        start = 2.0 + n * cycle
        in_brightness, out_brightness = (1.0, -0.5) if bright_in else (0.0, 0.0)
        bursts.append(Burst(start, start + cycle / 3, in_brightness, 15.0))
        out = start + cycle / 3 + 0.1
        bursts.append(Burst(out, out + cycle / 2, out_brightness, 15.0))
    return [b for i, b in enumerate(bursts) if i not in (skip or set())]


def track(bursts: list[Burst]) -> BreathTracker:
    tracker = BreathTracker(ON_DB)
    for burst in bursts:
        tracker.begin(Burst(burst.start, None, burst.brightness, burst.strength))
        tracker.update(burst)
    return tracker


def test_even_breaths_give_their_rate_and_a_high_confidence():
    tracker = track(breaths(6.0, 8))
    estimate = tracker.estimate(50.0)
    assert estimate.breaths_per_minute == pytest.approx(10.0)
    assert estimate.confidence == pytest.approx(1.0)
    assert estimate.phase == "out"
    assert estimate.in_seconds == pytest.approx(2.1)


def test_in_and_out_are_found_by_their_timing_even_when_they_sound_alike():
    tracker = track(breaths(5.0, 8, bright_in=False))
    assert tracker.estimate(41.0).breaths_per_minute == pytest.approx(12.0)
    assert tracker.estimate(41.0).phase == "out"


def test_a_missed_out_breath_does_not_confuse_the_labels():
    tracker = track(breaths(6.0, 8, skip={7}))  # the fourth out-breath was not heard
    estimate = tracker.estimate(50.0)
    assert estimate.phase == "out"
    assert estimate.breaths_per_minute == pytest.approx(10.0)


def test_one_or_two_breaths_are_not_yet_a_rhythm():
    assert track(breaths(6.0, 1)).estimate(8.0).confidence == 0.0
    assert track(breaths(6.0, 2)).estimate(14.0).confidence < 0.5


@pytest.mark.parametrize("seed", range(8))
def test_sounds_at_random_moments_are_not_taken_for_a_rhythm(seed):
    chance = random.Random(seed)
    starts = [0.0]
    for _ in range(14):
        starts.append(starts[-1] + chance.uniform(0.8, 6.0))
    tracker = track([Burst(s, s + 0.6, chance.uniform(-1, 1), 15.0) for s in starts])
    assert tracker.estimate(starts[-1] + 1.0).confidence < 0.5


def test_confidence_fades_when_the_breath_is_no_longer_heard():
    tracker = track(breaths(6.0, 8))
    assert tracker.estimate(50.0).confidence == pytest.approx(1.0)
    assert tracker.estimate(60.0).confidence == 0.0


def test_faint_bursts_get_little_confidence():
    faint = [Burst(b.start, b.end, b.brightness, ON_DB + 0.5) for b in breaths(6.0, 8)]
    assert track(faint).estimate(50.0).confidence < 0.2


def test_a_sounding_burst_sets_the_phase_at_once():
    tracker = track(breaths(6.0, 8))
    tracker.begin(Burst(50.0, None, 1.0, 15.0))
    estimate = tracker.estimate(50.5)
    assert estimate.phase == "in"
    assert estimate.phase_since == 50.0
    tracker.discard()  # it was a knock, not a breath
    assert tracker.estimate(50.5).phase == "out"
