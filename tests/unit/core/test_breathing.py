import pytest

from compassion_app.core.breathing import (
    COMFORTABLE_BREATHS_PER_MINUTE,
    BreathPattern,
    fullness,
    plan_breaths,
)


def test_a_rate_gives_a_longer_out_breath_than_in_breath():
    pattern = BreathPattern.from_rate(5.5)
    assert pattern.per_minute == pytest.approx(5.5)
    assert pattern.exhale > pattern.inhale


def test_a_pattern_keeps_its_proportions_at_another_rate():
    pattern = BreathPattern(4, 1, 6, 1).at_rate(10)
    assert pattern.seconds == pytest.approx(6.0)
    assert pattern.exhale / pattern.inhale == pytest.approx(1.5)


def test_a_breath_needs_both_halves():
    with pytest.raises(ValueError):
        BreathPattern(0, 0, 5, 0)


def test_only_whole_breaths_are_planned_and_they_follow_on():
    cycles = plan_breaths(BreathPattern(4, 0, 6, 0), start=5, end=60)
    assert [c.start for c in cycles] == [5, 15, 25, 35, 45]
    assert cycles[-1].start + cycles[-1].pattern.seconds <= 60


def test_start_where_i_am_begins_comfortably_and_eases_to_the_target():
    target = BreathPattern.from_rate(5.5)
    cycles = plan_breaths(target, 0, 600, COMFORTABLE_BREATHS_PER_MINUTE, ease_seconds=120)
    rates = [c.pattern.per_minute for c in cycles]
    assert rates[0] == pytest.approx(10.0)
    assert all(a >= b for a, b in zip(rates, rates[1:], strict=False))
    after_easing = [c.pattern.per_minute for c in cycles if c.start >= 120]
    assert after_easing == pytest.approx([5.5] * len(after_easing))


@pytest.mark.parametrize(("phase", "start", "end"), [("in", 0, 1), ("out", 1, 0)])
def test_fullness_moves_smoothly_from_empty_to_full_and_back(phase, start, end):
    values = [fullness(phase, p / 100) for p in range(101)]
    assert values[0] == pytest.approx(start)
    assert values[-1] == pytest.approx(end)
    steps = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    # Eased: the first and last steps are far gentler than the middle ones.
    assert steps[0] < steps[50] / 10
    assert steps[-1] < steps[50] / 10
