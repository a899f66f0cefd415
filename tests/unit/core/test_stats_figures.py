"""The figures a person reads, on small histories where the right answer is plain to see."""

from datetime import UTC, date, datetime, timedelta

import pytest

from compassion_app import messages
from compassion_app.core.checkin_trends import changes, trend, weekly_checkins
from compassion_app.core.durations import whole_minutes
from compassion_app.core.history import History
from compassion_app.core.milestones import milestones
from compassion_app.core.progress_settings import ProgressSettings, parse_time
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.core.score import DECAY, consistency_score
from compassion_app.core.setting_fields import declared
from compassion_app.core.stats import summarise
from compassion_app.core.streaks import current_streak, longest_streak
from compassion_app.core.totals import minutes_by_week
from compassion_app.core.weeks import weeks_goal_met_streak

TODAY = date(2026, 11, 25)  # a Wednesday


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def record(day, seconds=600, exercise="soothing-rhythm-breathing", before=None, after=None):
    started = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    return PracticeRecord(exercise, started, day, 0, 600, seconds, seconds >= 600, before, after)


def test_a_marked_rest_day_carries_the_run_over_a_longer_break():
    practised = [ago(0), ago(4), ago(5)]  # three quiet days between: a new run without rest
    assert current_streak(practised, TODAY).days == 1
    rested = [ago(2)]
    streak = current_streak(practised, TODAY, rested)
    assert (streak.days, streak.practice_days, streak.started) == (6, 3, ago(5))


def test_rest_marked_ahead_waits_for_its_day():
    practised = [ago(5)]
    assert not current_streak(practised, TODAY, [TODAY + timedelta(days=1)]).active
    # Resting today (marked this morning) keeps the run open and counts in its length.
    streak = current_streak([ago(3)], TODAY, [ago(0)])
    assert (streak.days, streak.ended) == (4, TODAY)


def test_rest_days_alone_make_no_run():
    assert not current_streak([], TODAY, [ago(0), ago(1)]).active
    assert longest_streak([], TODAY, [ago(0)]).days == 0


def test_the_longest_run_is_remembered_after_a_long_rest():
    practised = [ago(n) for n in range(40, 50)] + [ago(0)]
    assert longest_streak(practised, TODAY).days == 10
    assert current_streak(practised, TODAY).days == 1


def test_weeks_that_met_the_goal_in_a_row():
    this_monday = ago(2)
    last_week = [this_monday - timedelta(days=n) for n in range(1, 6)]  # 5 days: met
    week_before = [this_monday - timedelta(days=n) for n in range(8, 11)]  # 3 days
    rest = [this_monday - timedelta(days=n) for n in (11, 12)]  # and 2 marked rest: met
    practised = last_week + week_before
    assert weeks_goal_met_streak(practised, TODAY, 5) == 1  # this week is under way
    assert weeks_goal_met_streak(practised, TODAY, 5, rest) == 2
    assert weeks_goal_met_streak(practised + [ago(0), ago(1), ago(2)], TODAY, 3, rest) == 3


def test_thirty_days_in_a_row_reach_about_eighty_percent_and_one_quiet_day_costs_little():
    month = [ago(n) for n in range(1, 31)]
    full = consistency_score(month, ago(1))
    assert full == pytest.approx(0.8, abs=0.01)
    assert consistency_score(month, TODAY) == full  # today is not over
    assert consistency_score(month, ago(-1)) == pytest.approx(full * DECAY)
    assert consistency_score(month, ago(-1), [TODAY]) == full  # a rest day leaves it alone


def test_minutes_today_this_week_this_month_in_all_and_by_exercise():
    records = [
        record(TODAY, 600),
        record(TODAY, 89, "calm-place"),  # ended early: every minute counts
        record(ago(2), 300),  # Monday: this week
        record(ago(3), 300, "calm-place"),  # Sunday: last week, this month
        record(ago(30), 1200),  # last month
        record(TODAY + timedelta(days=1), 600),  # tomorrow (a clock set ahead): not yet
    ]
    summary = summarise(records, TODAY)
    minutes = summary.minutes
    assert (minutes.today, minutes.this_week, minutes.this_month, minutes.total) == (
        11,
        16,
        21,
        41,
    )
    assert minutes.by_exercise == {"calm-place": 6, "soothing-rhythm-breathing": 35}
    assert (summary.practices, summary.practice_days) == (5, 4)


def test_whole_minutes_round_halves_up():
    assert [whole_minutes(s) for s in (0, 29, 30, 89, 90)] == [0, 0, 1, 1, 2]


def test_minutes_by_week_includes_quiet_weeks_as_zero():
    by_day = {ago(0): 600, ago(2): 300, ago(16): 120}
    weeks = minutes_by_week(by_day, ago(20), TODAY)
    assert [m for _, m in weeks] == [0, 2, 0, 15]
    assert all(monday.weekday() == 0 for monday, _ in weeks)


def test_check_ins_change_per_practice_and_their_weekly_trend():
    records = [
        record(ago(7 * w), before=CheckIn(4 + w, 7 - w, 4), after=CheckIn(2 + w, 8, 7))
        for w in range(4, -1, -1)  # five weeks, the critic a point quieter each week
    ] + [record(ago(1), before=CheckIn(4, 7, 4))]  # no check-in after: no change counted
    found = changes(records)
    assert len(found) == 5
    assert found[0].change == {"critic": -2, "warmth": 5, "settled": 3}
    weekly = weekly_checkins(History.of(records, TODAY))
    assert trend(weekly, "critic", TODAY) < 0
    assert trend(weekly, "warmth", TODAY) > 0
    summary = summarise(records, TODAY)
    assert summary.checkin_count == 5
    assert summary.checkin_average_change["critic"] == pytest.approx(-2)
    assert trend(weekly[:2], "critic", TODAY) is None  # two weeks say nothing about direction


def test_milestones_speak_of_care_given_and_never_count_down():
    assert milestones(0, 0) == []
    assert milestones(59, 1) == [messages.MILESTONE_FIRST]
    reached = milestones(10 * 60 + 5, 31)
    assert reached == [
        "You have given yourself 10 hours of care.",
        "You have made time for yourself on 30 days. Each one was a kindness.",
        messages.MILESTONE_FIRST,
    ]
    assert milestones(60, 0)[0] == "You have given yourself an hour of care."
    assert not any("next" in text.lower() or "until" in text.lower() for text in reached)


def test_the_json_names_every_figure_plainly():
    data = summarise([record(TODAY)], TODAY, rest_days=[ago(1)], weekly_goal_days=4).to_json()
    for name in (
        "score",
        "total_minutes",
        "current_streak_days",
        "longest_streak_days",
        "minutes_today",
        "minutes_this_week",
        "minutes_this_month",
        "minutes_by_exercise",
        "rest_days",
        "weekly_goal_days",
        "weeks_goal_met_streak",
    ):
        assert name in data
    assert data["rest_days"] == [ago(1).isoformat()]
    assert (data["weekly_goal_days"], data["minutes_today"]) == (4, 10)


def test_progress_settings_keep_good_values_and_drop_unreadable_ones():
    saved = {"weekly_goal_days": 9, "hide_streaks": True, "reminder_time": "25:00", "reminder": 1}
    settings = ProgressSettings.from_dict(saved)
    assert settings == ProgressSettings(hide_streaks=True)
    assert ProgressSettings.from_dict(settings.to_dict()) == settings
    assert ProgressSettings.from_dict("garbage") == ProgressSettings()
    assert ProgressSettings(reminder_time="07:05").reminder_at.strftime("%H:%M") == "07:05"
    assert parse_time("7:5") is None
    assert declared(ProgressSettings)["hide_streaks"].label
