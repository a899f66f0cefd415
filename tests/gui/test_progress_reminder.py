"""The daily reminder on a fake clock: once a day, later, not today, never after a practice."""

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon, QVBoxLayout, QWidget

from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.ui.reminder import DailyReminder, ReminderBanner

DAY = date(2026, 11, 25)


class WallClock:
    """Local wall-clock time that the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, hour: int, minute: int = 0, day: date = DAY) -> None:
        self.now = datetime(day.year, day.month, day.day, hour, minute)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data" / "compassion-companion.json") as opened:
        choices = ProgressSettings(reminder=True, reminder_time="19:00")
        opened.set_setting(STORE_KEY, choices.to_dict())
        yield opened


@pytest.fixture
def clock():
    return WallClock(datetime(2026, 11, 25, 9, 0))


def make_reminder(qtbot, store, clock, busy=lambda: False):
    window = QWidget()
    banner = ReminderBanner()
    QVBoxLayout(window).addWidget(banner)
    qtbot.addWidget(window)
    window.show()
    reminder = DailyReminder(store, banner, now=clock, tray_available=lambda: False, busy=busy)
    reminder.window = window  # kept alive as long as the reminder
    return reminder


def offers(qtbot, reminder) -> int:
    count = []
    reminder.offered.connect(lambda: count.append(1))
    return count


def test_it_is_offered_once_at_its_time_as_a_quiet_banner(qtbot, store, clock):
    reminder = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, reminder)
    clock.set(18, 59)
    reminder.check()
    assert not reminder.banner.isVisible()
    clock.set(19, 0)
    reminder.check()
    assert reminder.banner.isVisible()
    assert "few kind minutes" in reminder.banner.words.text()
    for minute in range(1, 120, 7):  # the timer keeps looking; nothing more is offered
        clock.set(19 + minute // 60, minute % 60)
        reminder.check()
    assert len(seen) == 1


def test_later_asks_again_after_half_an_hour(qtbot, store, clock):
    reminder = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, reminder)
    clock.set(19, 0)
    reminder.check()
    qtbot.mouseClick(reminder.banner.buttons["later"], Qt.MouseButton.LeftButton)
    assert not reminder.banner.isVisible()
    clock.set(19, 29)
    reminder.check()
    assert not reminder.banner.isVisible()
    clock.set(19, 30)
    reminder.check()
    assert reminder.banner.isVisible()
    assert len(seen) == 2


def test_not_today_lets_the_day_be_until_tomorrow(qtbot, store, clock):
    reminder = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, reminder)
    clock.set(19, 0)
    reminder.check()
    qtbot.mouseClick(reminder.banner.buttons["not_today"], Qt.MouseButton.LeftButton)
    for hour in (19, 20, 22, 23):
        clock.set(hour, 45)
        reminder.check()
    assert not reminder.banner.isVisible()
    clock.set(19, 0, DAY + timedelta(days=1))
    reminder.check()
    assert reminder.banner.isVisible()
    assert len(seen) == 2


def test_never_on_a_day_that_already_has_a_practice(qtbot, store, clock):
    store.add_practice(
        PracticeRecord("calm-place", datetime(2026, 11, 25, 7, tzinfo=UTC), DAY, 0, 300, 300, True)
    )
    reminder = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, reminder)
    clock.set(19, 0)
    reminder.check()
    clock.set(21, 0)
    reminder.check()
    assert not reminder.banner.isVisible()
    assert seen == []


def test_opening_the_app_again_the_same_evening_does_not_nudge_twice(qtbot, store, clock):
    clock.set(19, 5)
    make_reminder(qtbot, store, clock).check()
    again = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, again)
    clock.set(20, 0)
    again.check()
    assert seen == []
    assert not again.banner.isVisible()


def test_nothing_is_offered_unless_the_person_turned_it_on(qtbot, store, clock):
    store.set_setting(STORE_KEY, ProgressSettings(reminder=False).to_dict())
    reminder = make_reminder(qtbot, store, clock)
    seen = offers(qtbot, reminder)
    clock.set(20, 0)
    reminder.check()
    assert seen == []


def test_a_practice_in_progress_is_never_interrupted(qtbot, store, clock):
    practising = [True]
    reminder = make_reminder(qtbot, store, clock, busy=lambda: practising[0])
    seen = offers(qtbot, reminder)
    clock.set(19, 0)
    reminder.check()
    assert seen == []
    practising[0] = False
    clock.set(19, 12)
    reminder.check()  # the practice ended early and was not saved: the invitation still stands
    assert seen == [1]


def test_practise_now_asks_the_window_to_open_today(qtbot, store, clock):
    reminder = make_reminder(qtbot, store, clock)
    clock.set(19, 0)
    reminder.check()
    with qtbot.waitSignal(reminder.begin_requested, timeout=1000):
        qtbot.mouseClick(reminder.banner.buttons["begin"], Qt.MouseButton.LeftButton)
    assert not reminder.banner.isVisible()


# The offscreen platform has no tray of its own (the real desktop's tray is what is pretended).
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_where_there_is_a_tray_the_reminder_is_a_tray_note_not_a_banner(qtbot, store, clock):
    window = QWidget()
    banner = ReminderBanner()
    QVBoxLayout(window).addWidget(banner)
    qtbot.addWidget(window)
    window.show()
    reminder = DailyReminder(store, banner, now=clock, tray_available=lambda: True)
    clock.set(19, 0)
    reminder.check()
    assert not banner.isVisible()
    tray = reminder.findChild(QSystemTrayIcon)
    assert tray is not None and tray.isVisible()
    actions = [action.text() for action in tray.contextMenu().actions()]
    assert actions == ["Practise now", "Later", "Not today"]
    tray.contextMenu().actions()[2].trigger()  # "Not today", from the tray's menu
    clock.set(21, 0)
    reminder.check()
    assert reminder.memory.declined_on == DAY
