"""The daily reminder's decisions, on a clock the test sets by hand."""

from datetime import date, datetime, time

from compassion_app.core.reminder import (
    ReminderMemory,
    due,
    later,
    not_today,
    offered,
)

AT = time(19, 0)
DAY = date(2026, 11, 25)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def test_it_waits_for_its_time_and_then_is_offered_once():
    memory = ReminderMemory()
    assert not due(memory, AT, at(18, 59), practised_today=False)
    assert due(memory, AT, at(19, 0), practised_today=False)
    memory = offered(memory, at(19, 0))
    assert not due(memory, AT, at(19, 1), practised_today=False)
    assert not due(memory, AT, at(23, 59), practised_today=False)
    assert due(memory, AT, at(19, 0, date(2026, 11, 26)), practised_today=False)


def test_never_on_a_day_with_a_practice():
    assert not due(ReminderMemory(), AT, at(20), practised_today=True)


def test_later_offers_it_again_after_half_an_hour_and_only_then():
    memory = later(offered(ReminderMemory(), at(19)), at(19, 5))
    assert not due(memory, AT, at(19, 34), practised_today=False)
    assert due(memory, AT, at(19, 35), practised_today=False)
    assert not due(memory, AT, at(19, 35), practised_today=True)
    memory = offered(memory, at(19, 35))
    assert not due(memory, AT, at(21), practised_today=False)


def test_later_just_before_midnight_leaves_tomorrow_to_its_own_reminder():
    memory = later(offered(ReminderMemory(), at(23, 50)), at(23, 50))
    assert memory.snoozed_until is None
    assert not due(memory, AT, at(23, 59), practised_today=False)


def test_not_today_lets_the_day_be_and_tomorrow_is_new():
    memory = not_today(offered(ReminderMemory(), at(19)), at(19, 1))
    assert not due(memory, AT, at(22), practised_today=False)
    assert due(memory, AT, at(19, 0, date(2026, 11, 26)), practised_today=False)


def test_what_was_remembered_survives_the_store_and_nonsense_is_forgotten():
    memory = later(offered(ReminderMemory(), at(19)), at(19, 5))
    assert ReminderMemory.from_dict(memory.to_dict()) == memory
    assert ReminderMemory.from_dict({"offered_on": "yesterday"}) == ReminderMemory()
    assert ReminderMemory.from_dict(None) == ReminderMemory()
