"""Where someone is on the four-week path: by the practices they saved, never by the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compassion_app.core.path import PathState, Stretch, place_on_path
from compassion_app.core.path_plan import PathPlan, PathStep
from compassion_app.core.records import PracticeRecord

BREATHING, CALM, OTHER = "soothing-rhythm-breathing", "calm-place", "compassionate-other"
PLAN = PathPlan(
    tuple(
        PathStep(number, exercise, 5, f"Teaching {number}. More words.")
        for number, exercise in enumerate([BREATHING, BREATHING, CALM, OTHER], start=1)
    )
)
JOINED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday morning


def day(n: int) -> date:
    """The nth day of the path (day 0: the day they joined)."""
    return JOINED.date() + timedelta(days=n)


def practice(exercise: str, on_day: int, hour: int = 9) -> PracticeRecord:
    started = datetime.combine(day(on_day), datetime.min.time(), UTC) + timedelta(hours=hour)
    return PracticeRecord(exercise, started, started.date(), 0, 300, 300, True)


def place(records, today: int, state: PathState | None = None):
    state = state if state is not None else PathState().join(JOINED)
    return place_on_path(PLAN, state, records, day(today))


def test_someone_who_just_joined_is_offered_the_first_step():
    where = place([], today=0)
    assert where.step == PLAN.steps[0]
    assert where.step_ready
    assert where.done_count == 0


def test_a_practice_of_the_steps_exercise_does_the_step():
    where = place([practice(BREATHING, 0)], today=1)
    assert where.done_count == 1
    assert where.step == PLAN.steps[1]
    assert where.step_ready


def test_a_practice_of_another_exercise_leaves_the_step_waiting():
    where = place([practice(CALM, 0)], today=1)
    assert where.step == PLAN.steps[0]


def test_practices_before_joining_do_not_count():
    before = PracticeRecord(BREATHING, JOINED - timedelta(minutes=1), day(0), 0, 300, 300, True)
    assert place([before], today=0).done_count == 0


def test_missed_days_never_move_anyone_back_or_forward():
    records = [practice(BREATHING, 0)]
    after_a_fortnight = place(records, today=14)
    assert after_a_fortnight.step == PLAN.steps[1]
    assert after_a_fortnight.step_ready  # still there, waiting, with nothing to catch up
    later = place([*records, practice(BREATHING, 15)], today=15)
    assert later.step == PLAN.steps[2]


def test_two_practices_in_a_day_do_one_step_and_the_next_waits_for_tomorrow():
    records = [practice(BREATHING, 0, hour=9), practice(BREATHING, 0, hour=20)]
    today = place(records, today=0)
    assert today.done_count == 1
    assert today.done_today
    assert not today.step_ready
    assert today.step == PLAN.steps[1]  # named, for "will be here tomorrow"
    tomorrow = place(records, today=1)
    assert tomorrow.step_ready
    assert tomorrow.step == PLAN.steps[1]  # the second practice did not count for step 2


def test_a_step_is_done_only_once_reached_then_on_a_later_day():
    # Step 3 (calm place) was practised on the day step 2 was done: too early to count.
    records = [practice(BREATHING, 0), practice(BREATHING, 1), practice(CALM, 1, hour=18)]
    assert place(records, today=2).step == PLAN.steps[2]
    assert place([*records, practice(CALM, 2)], today=2).step == PLAN.steps[3]


def test_a_practice_ended_early_still_does_the_step():
    started = datetime.combine(day(0), datetime.min.time(), UTC) + timedelta(hours=9)
    early = PracticeRecord(BREATHING, started, day(0), 0, 300, 40, False)
    assert place([early], today=1).done_count == 1


def test_leaving_keeps_the_place_and_practices_while_away_do_not_count():
    state = PathState().join(JOINED)
    records = [practice(BREATHING, 0)]
    away = state.leave(JOINED + timedelta(days=1))
    while_away = [*records, practice(BREATHING, 3)]
    where = place(while_away, today=5, state=away)
    assert not where.state.on_path
    assert not where.step_ready
    assert where.done_count == 1
    back = away.join(JOINED + timedelta(days=6))
    rejoined = place(while_away, today=6, state=back)
    assert rejoined.step_ready
    assert rejoined.step == PLAN.steps[1]  # carries on where they were
    assert place([*while_away, practice(BREATHING, 6, hour=12)], 6, back).step == PLAN.steps[2]


def test_starting_again_begins_from_the_first_step():
    state = PathState().join(JOINED)
    records = [practice(BREATHING, 0), practice(BREATHING, 1)]
    assert place(records, today=2, state=state).step == PLAN.steps[2]
    again = state.start_again(JOINED + timedelta(days=2, hours=1))
    where = place(records, today=2, state=again)
    assert where.step == PLAN.steps[0]
    assert where.step_ready


def test_after_the_last_step_the_path_is_finished():
    records = [
        practice(BREATHING, 0),
        practice(BREATHING, 1),
        practice(CALM, 2),
        practice(OTHER, 3),
        practice(OTHER, 4),
    ]
    where = place(records, today=10)
    assert where.finished
    assert where.step is None
    assert not where.step_ready
    assert where.done_on == (day(0), day(1), day(2), day(3))


def test_the_state_survives_a_round_trip_through_the_store_format():
    state = PathState().join(JOINED).leave(JOINED + timedelta(days=2))
    state = state.join(JOINED + timedelta(days=5))
    assert PathState.from_dict(state.to_dict()) == state
    assert PathState.from_dict(state.to_dict()).on_path


def test_joining_twice_changes_nothing_and_leaving_twice_neither():
    state = PathState().join(JOINED)
    assert state.join(JOINED + timedelta(days=1)) == state
    left = state.leave(JOINED + timedelta(days=1))
    assert left.leave(JOINED + timedelta(days=2)) == left


@pytest.mark.parametrize(
    "saved", [7, "on", [1, 2], {"stretches": "yes"}, {"stretches": None}, {"other": 1}]
)
def test_a_damaged_memory_falls_back_to_not_on_the_path_and_says_so(saved):
    state = PathState.from_dict(saved)
    assert not state.ever_joined
    assert state.mended


def test_nothing_saved_is_simply_not_joined_yet():
    assert PathState.from_dict(None) == PathState()
    assert not PathState.from_dict({}).mended


def test_a_damaged_stretch_is_set_aside_and_the_readable_ones_kept():
    good = {"joined": JOINED.isoformat(), "left": None}
    saved = {
        "stretches": [{"joined": "yesterday"}, good, {"joined": JOINED.isoformat(), "left": 3}]
    }
    state = PathState.from_dict(saved)
    assert state.stretches == (Stretch(JOINED),)
    assert state.on_path
    assert state.mended


def test_an_open_stretch_before_another_is_closed_where_the_next_begins():
    later = JOINED + timedelta(days=3)
    saved = {
        "stretches": [
            {"joined": later.isoformat(), "left": None},
            {"joined": JOINED.isoformat(), "left": None},
        ]
    }
    state = PathState.from_dict(saved)
    assert state.stretches == (Stretch(JOINED, later), Stretch(later))


def walked_simply(plan, state, records):
    """The rules read plainly, one record at a time, to check the faster walk against."""
    done = []
    for record in sorted(records, key=lambda r: r.started_utc):
        if len(done) == len(plan.steps) or not state.holds(record.started_utc):
            continue
        a_later_day = not done or record.local_date > done[-1]
        if a_later_day and record.exercise_id == plan.steps[len(done)].exercise_id:
            done.append(record.local_date)
    return tuple(done)


@settings(max_examples=200, deadline=None)
@given(
    changes=st.lists(st.integers(min_value=0, max_value=40 * 24), min_size=1, max_size=6),
    practices=st.lists(
        st.tuples(st.sampled_from([BREATHING, CALM, OTHER]), st.integers(0, 40 * 24)),
        max_size=40,
    ),
)
def test_the_walk_agrees_with_the_rules_read_plainly(changes, practices):
    """Join and leave by turns at the given hours; practices at the given hours."""
    state = PathState()
    for n, hour in enumerate(sorted(changes)):
        moment = JOINED + timedelta(hours=hour)
        state = state.join(moment) if n % 2 == 0 else state.leave(moment)
    records = []
    for exercise, hour in practices:
        started = JOINED + timedelta(hours=hour)
        records.append(PracticeRecord(exercise, started, started.date(), 0, 300, 300, True))
    where = place_on_path(PLAN, state, records, day(41))
    assert where.done_on == walked_simply(PLAN, state, records)
