from datetime import UTC, date, datetime, timedelta

from compassion_app.core.records import PracticeRecord
from compassion_app.core.stats import NO_STREAK, current_streak, seconds_on, streak_of

TODAY = date(2026, 11, 24)


def days(*ago: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in ago]


def test_consecutive_days_make_a_streak_that_includes_today():
    streak = current_streak(days(0, 1, 2), TODAY)
    assert (streak.days, streak.practice_days, streak.started) == (3, 3, TODAY - timedelta(2))


def test_not_having_practised_yet_today_does_not_end_the_streak():
    assert current_streak(days(1, 2), TODAY).days == 2


def test_two_rest_days_in_a_row_are_part_of_the_run():
    streak = current_streak(days(0, 3, 4), TODAY)
    assert (streak.days, streak.practice_days) == (5, 3)


def test_a_longer_rest_lets_a_new_run_begin_without_penalty():
    assert current_streak(days(0, 4, 5), TODAY).days == 1


def test_the_run_stays_open_today_after_two_rest_days():
    assert current_streak(days(3, 4), TODAY).days == 2


def test_after_a_long_rest_there_is_simply_no_current_run():
    assert current_streak(days(4, 5, 6), TODAY) == NO_STREAK
    assert current_streak([], TODAY) == NO_STREAK
    assert not NO_STREAK.active


def test_several_practices_on_one_day_count_once_and_future_dates_are_ignored():
    assert current_streak(days(0, 0, 0, -1), TODAY).practice_days == 1


def test_minutes_today_count_every_practice_finished_or_not():
    records = [
        _record(TODAY, 600, True),
        _record(TODAY, 90, False),
        _record(TODAY - timedelta(days=1), 300, True),
    ]
    assert seconds_on(records, TODAY) == 690
    assert streak_of(records, TODAY).days == 2


def _record(day: date, seconds: int, completed: bool) -> PracticeRecord:
    started = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    return PracticeRecord("srb", started, day, 0, 600, seconds, completed)
