"""The pacer that follows: it meets the person's rate, eases toward the target, never hurries
them, and lets go kindly when it cannot hear."""

from __future__ import annotations

import pytest

from compassion_app.core.breath_rate import BreathEstimate
from compassion_app.core.breathing import BreathPattern
from compassion_app.core.pacer_follow import LOST_AFTER_SECONDS, FollowState, PacerFollow

TARGET = BreathPattern(4.5, 0.5, 5.5, 0.5)  # the breathing practice's: 5.5 breaths a minute
TICK = 0.02  # the practice screen's 50 looks a second


def heard(seconds: float, per_minute: float, confidence: float = 0.9, phase: str = "out"):
    return BreathEstimate(seconds, per_minute, confidence, phase, seconds - 1.0, 2.0, 3.0)


def run(pacer: PacerFollow, start: float, end: float, estimate_at) -> list[FollowState]:
    states = []
    steps = round((end - start) / TICK)
    for n in range(steps + 1):
        at = start + n * TICK
        states.append(pacer.update(at, estimate_at(at)))
    return states


def test_with_nothing_heard_it_leads_and_eases_toward_the_target():
    pacer = PacerFollow(TARGET, start_per_minute=10.0)
    states = run(pacer, 0.0, 120.0, lambda t: None)
    assert not any(s.following for s in states)
    assert {s.change for s in states} == {None}
    assert states[-1].per_minute == pytest.approx(8.0, abs=0.05)  # one breath a minute slower
    assert all(b.per_minute <= a.per_minute for a, b in zip(states, states[1:], strict=False))


def test_once_heard_it_starts_at_the_persons_own_rate():
    pacer = PacerFollow(TARGET, start_per_minute=10.0)
    run(pacer, 0.0, 5.0, lambda t: heard(t, 14.0, confidence=0.3))
    state = pacer.update(5.02, heard(5.02, 14.0, confidence=0.8))
    assert state.change == "found" and state.following
    assert state.per_minute == pytest.approx(14.0, abs=0.01)


def test_it_is_never_faster_than_the_person_and_never_out_of_reach():
    pacer = PacerFollow(TARGET)
    states = run(pacer, 0.0, 300.0, lambda t: heard(t, 12.0))
    assert all(s.per_minute <= 12.0 for s in states)
    assert min(s.per_minute for s in states) == pytest.approx(10.0)  # 2 below, and no further


def test_a_person_who_follows_is_eased_to_the_target_over_minutes():
    pacer = PacerFollow(TARGET)
    person = [12.0]

    def following(t):
        if pacer.following:  # they breathe a little faster than the circle, and go with it
            person[0] = max(TARGET.per_minute, min(person[0], pacer.per_minute + 0.3))
        return heard(t, person[0])

    states = run(pacer, 0.0, 600.0, following)
    at_minute = {round(s.per_minute, 1) for s in states[:: round(60 / TICK)]}
    assert max(at_minute) == pytest.approx(12.0)
    assert states[-1].per_minute == pytest.approx(TARGET.per_minute)
    # At most one breath a minute slower, each minute.
    rates = [s.per_minute for s in states]
    per_second = round(1 / TICK)
    assert all(a - b <= 1 / 60 + 1e-9 for a, b in zip(rates, rates[per_second:], strict=False))


def test_someone_already_slower_than_the_target_is_followed_not_hurried():
    pacer = PacerFollow(TARGET)
    states = run(pacer, 0.0, 60.0, lambda t: heard(t, 4.0))
    assert states[-1].per_minute == pytest.approx(4.0)


def test_when_it_cannot_hear_it_says_so_once_and_leads():
    pacer = PacerFollow(TARGET)
    run(pacer, 0.0, 30.0, lambda t: heard(t, 9.0))
    brief_dip = run(pacer, 30.0, 32.0, lambda t: heard(t, 9.0, confidence=0.1))
    assert all(s.following and s.change is None for s in brief_dip)  # a moment is not enough
    run(pacer, 32.0, 40.0, lambda t: heard(t, 9.0))
    gone = run(pacer, 40.0, 60.0, lambda t: heard(t, 9.0, confidence=0.1))
    changes = [(s.change, round(i * TICK, 2)) for i, s in enumerate(gone) if s.change]
    assert changes == [("lost", LOST_AFTER_SECONDS)]
    assert not gone[-1].following
    assert gone[-1].per_minute < 9.0  # leading on, gently slower


def test_the_circle_waits_at_the_bottom_for_the_in_breath_but_not_for_long():
    pacer = PacerFollow(TARGET)
    pacer.update(0.0, heard(0.0, 10.0))  # found: a breath is 6 s
    states = run(pacer, 0.0, 8.0, lambda t: heard(t, 10.0, phase="out"))
    # Six seconds of breath, then at most 0.3 of a breath (1.8 s) resting empty.
    resting = [s for s in states[round(6.0 / TICK) :] if s.breath.fullness == 0.0]
    assert len(resting) * TICK == pytest.approx(1.8, abs=0.1)
    pacer = PacerFollow(TARGET)
    pacer.update(0.0, heard(0.0, 10.0))
    run(pacer, 0.0, 6.5, lambda t: heard(t, 10.0, phase="out"))
    state = pacer.update(6.52, heard(6.52, 10.0, phase="in"))  # they breathe in: so does it
    later = pacer.update(6.8, heard(6.8, 10.0, phase="in"))
    assert state.breath.phase == "in" and later.breath.fullness > 0.0


def test_the_circle_never_jumps():
    pacer = PacerFollow(TARGET, start_per_minute=10.0)

    def changing(t):
        if t < 20 or 80 < t < 100:
            return None
        return heard(t, 13.0 if t < 50 else 7.0, phase="in" if int(t) % 5 < 2 else "out")

    states = run(pacer, 0.0, 150.0, changing)
    steps = [
        abs(b.breath.fullness - a.breath.fullness) for a, b in zip(states, states[1:], strict=False)
    ]
    assert max(steps) < 0.05


def test_it_remembers_where_the_breath_began_and_where_it_settled():
    pacer = PacerFollow(TARGET)
    assert pacer.started_near is None and pacer.settled_near is None
    run(pacer, 0.0, 400.0, lambda t: heard(t, 11.0 if t < 200 else 6.0))
    assert pacer.started_near == pytest.approx(11.0)
    assert pacer.settled_near == pytest.approx(6.0)
