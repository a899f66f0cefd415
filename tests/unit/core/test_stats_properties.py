"""Runs, rest days, the weekly goal and the score, checked against a plain reference over random
histories - including practices in many time zones, across daylight-saving changes, after midnight
and while travelling."""

import os
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compassion_app.core.records import PracticeRecord
from compassion_app.core.score import consistency_score
from compassion_app.core.stats import summarise
from compassion_app.core.streaks import current_streak, longest_streak, runs
from compassion_app.core.weeks import weeks_goal_met_streak
from helpers import stats_reference as reference

BASE = date(2025, 1, 1)
# Zones with daylight saving (north and south, half-hour and 45-minute ones) and far-apart offsets.
ZONES = [
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/St_Johns",
    "UTC",
]

day_sets = st.sets(st.integers(0, 120), max_size=80).map(
    lambda offsets: {BASE + timedelta(days=n) for n in offsets}
)
todays = st.integers(0, 140).map(lambda n: BASE + timedelta(days=n))


def as_streak_tuple(streak):
    return (streak.started, streak.ended, streak.practice_days) if streak.active else None


@given(practised=day_sets, rested=day_sets, today=todays)
def test_runs_agree_with_a_day_by_day_walk(practised, rested, today):
    found = [(r.started, r.ended, r.practice_days) for r in runs(practised, today, rested)]
    assert found == reference.runs(practised, rested, today)
    for run in runs(practised, today, rested):
        assert run.days == (run.ended - run.started).days + 1


@given(practised=day_sets, rested=day_sets, today=todays)
def test_the_current_and_longest_run_agree_with_the_reference(practised, rested, today):
    current = current_streak(practised, today, rested)
    assert as_streak_tuple(current) == reference.current_run(practised, rested, today)
    longest = longest_streak(practised, today, rested)
    lengths = [
        (last - first).days + 1 for first, last, _ in reference.runs(practised, rested, today)
    ]
    assert longest.days == max(lengths, default=0)
    assert longest.days >= current.days


@given(practised=day_sets, rested=day_sets, today=todays)
def test_marking_a_rest_day_never_shortens_a_run(practised, rested, today):
    extra = today - timedelta(days=3)
    before = current_streak(practised, today, rested)
    after = current_streak(practised, today, rested | {extra})
    assert after.days >= before.days
    assert (
        longest_streak(practised, today, rested | {extra}).days
        >= longest_streak(practised, today, rested).days
    )


@given(practised=day_sets, rested=day_sets, today=todays)
def test_the_score_agrees_with_loops_sum(practised, rested, today):
    score = consistency_score(practised, today, rested)
    assert score == pytest.approx(reference.score(practised, rested, today), abs=1e-9)
    assert 0.0 <= score < 1.0


@given(practised=day_sets, rested=day_sets, today=todays, goal=st.integers(1, 7))
def test_weeks_meeting_the_goal_agree_with_the_reference(practised, rested, today, goal):
    assert weeks_goal_met_streak(practised, today, goal, rested) == reference.weeks_in_a_row(
        practised, rested, today, goal
    )


# Moments spread over half a year (so across both daylight-saving changes), each lived in a zone.
moments = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2025, 6, 30),
    timezones=st.sampled_from(ZONES).map(ZoneInfo),
    allow_imaginary=False,
)


def record_at(moment: datetime) -> PracticeRecord:
    return PracticeRecord.starting_now("soothing-rhythm-breathing", 600, 600, True, moment)


@settings(max_examples=60)
@given(lived=st.lists(moments, max_size=40), today_offset=st.integers(0, 200))
def test_figures_follow_the_local_day_each_practice_was_lived_in(lived, today_offset):
    """A traveller's history: each practice counts on the date of the clock on the wall there."""
    today = BASE + timedelta(days=today_offset)
    walls = {moment.date() for moment in lived}
    summary = summarise([record_at(m) for m in lived], today)
    expected = reference.current_run({d for d in walls if d <= today}, set(), today)
    assert as_streak_tuple(summary.current) == expected
    assert summary.practice_days == len({d for d in walls if d <= today})


@settings(max_examples=25)
@given(lived=st.lists(moments, min_size=1, max_size=30), zone=st.sampled_from(ZONES))
def test_changing_the_computers_zone_never_rewrites_history(lived, zone):
    records = [record_at(m) for m in lived]
    today = date(2025, 7, 1)
    at_home = summarise(records, today).to_json()
    with computer_zone(zone):
        assert summarise(records, today).to_json() == at_home


@contextmanager
def computer_zone(zone: str):
    """The process's own zone set to `zone` (as after a flight), then put back."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_a_practice_just_after_midnight_counts_on_the_new_day():
    zone = ZoneInfo("Europe/Berlin")
    late = record_at(datetime(2025, 3, 3, 23, 50, tzinfo=zone))
    after_midnight = record_at(datetime(2025, 3, 4, 0, 20, tzinfo=zone))
    summary = summarise([late, after_midnight], date(2025, 3, 4))
    assert (summary.current.days, summary.practice_days) == (2, 2)
    assert summary.minutes.today == 10


def test_a_flight_west_keeps_two_practices_on_one_wall_day_as_one_day():
    """Morning in Tokyo, evening in New York: in UTC the 2nd and the 4th, on the wall the 3rd."""
    tokyo = record_at(datetime(2025, 3, 3, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")))
    new_york = record_at(datetime(2025, 3, 3, 21, 0, tzinfo=ZoneInfo("America/New_York")))
    assert (tokyo.started_utc.day, new_york.started_utc.day) == (2, 4)
    summary = summarise([tokyo, new_york], date(2025, 3, 3))
    assert (summary.practice_days, summary.current.days, summary.minutes.today) == (1, 1, 20)


def test_the_night_the_clocks_go_back_is_one_day_like_any_other():
    zone = ZoneInfo("America/New_York")
    # 1:30 happens twice on 2 November 2025; both are still the 2nd.
    first = record_at(datetime(2025, 11, 2, 1, 30, tzinfo=zone, fold=0))
    second = record_at(datetime(2025, 11, 2, 1, 30, tzinfo=zone, fold=1))
    assert second.started_utc - first.started_utc == timedelta(hours=1)
    summary = summarise([first, second], date(2025, 11, 2))
    assert (summary.practice_days, summary.minutes.today) == (1, 20)


def test_utc_records_from_older_versions_count_as_their_recorded_day():
    record = PracticeRecord(
        "calm-place",
        datetime(2025, 5, 1, 23, 30, tzinfo=UTC),
        date(2025, 5, 2),
        120,
        300,
        300,
        True,
    )
    assert summarise([record], date(2025, 5, 2)).minutes.today == 5


practices = st.lists(
    st.tuples(st.integers(0, 120), st.integers(0, 3600), st.sampled_from(["a", "b", "c"])),
    max_size=60,
)


@given(lived=practices, today=todays)
def test_minutes_agree_with_plain_sums_over_the_calendar(lived, today):
    records = [
        PracticeRecord(
            exercise,
            datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=offset),
            BASE + timedelta(days=offset),
            0,
            600,
            seconds,
            True,
        )
        for offset, seconds, exercise in lived
    ]
    minutes = summarise(records, today).minutes
    done = [(r.local_date, r.actual_seconds, r.exercise_id) for r in records]

    def total(keep) -> int:
        return (sum(s for day, s, _ in done if day <= today and keep(day)) + 30) // 60

    iso_week = today.isocalendar()[:2]
    assert minutes.today == total(lambda day: day == today)
    assert minutes.this_week == total(lambda day: day.isocalendar()[:2] == iso_week)
    assert minutes.this_month == total(
        lambda day: (day.year, day.month) == (today.year, today.month)
    )
    assert minutes.total == total(lambda day: True)
    for exercise, value in minutes.by_exercise.items():
        kept = sum(s for day, s, e in done if day <= today and e == exercise)
        assert value == (kept + 30) // 60
