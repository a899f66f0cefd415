import pytest

from compassion_app.core.breathing import (
    COMFORTABLE_BREATHS_PER_MINUTE,
    BreathPattern,
    easing_start,
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


@pytest.mark.parametrize(("own", "start"), [(None, 10.0), (14.0, 10.0), (8.0, 8.0), (0.0, 10.0)])
def test_start_where_i_am_begins_at_the_slower_of_ten_and_the_persons_own_pace(own, start):
    assert easing_start(own) == start


@pytest.mark.parametrize("own_pace", [12.0, 8.0, 5.5, 4.0])
def test_easing_never_speeds_the_breath_up(own_pace):
    target = BreathPattern.from_rate(5.5)
    cycles = plan_breaths(target, 0, 300, easing_start(own_pace), ease_seconds=120)
    rates = [c.pattern.per_minute for c in cycles]
    assert rates[0] == pytest.approx(max(min(10.0, own_pace), 5.5))
    assert all(a >= b - 1e-9 for a, b in zip(rates, rates[1:], strict=False))
    assert min(rates) == pytest.approx(5.5)


def test_a_target_faster_than_the_comfortable_start_is_kept_from_the_first_breath():
    target = BreathPattern.from_rate(12.0)  # a person who chose a quicker pace
    cycles = plan_breaths(target, 0, 120, COMFORTABLE_BREATHS_PER_MINUTE, ease_seconds=60)
    assert {round(c.pattern.per_minute, 6) for c in cycles} == {12.0}


@pytest.mark.parametrize(
    "parts", [(float("nan"), 0, 5, 0), (4, 0, float("inf"), 0), (1e-9, 0, 1e-9, 0)]
)
def test_a_breath_that_could_never_end_or_never_take_time_is_refused(parts):
    with pytest.raises(ValueError):
        BreathPattern(*parts)


@pytest.mark.parametrize("rate", [0.0, float("nan"), float("inf"), -3.0])
def test_a_pace_of_zero_or_nan_is_refused_not_divided_by(rate):
    with pytest.raises(ValueError):
        BreathPattern.from_rate(rate)
    with pytest.raises(ValueError):
        BreathPattern(4, 0, 6, 0).at_rate(rate)
