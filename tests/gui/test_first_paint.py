"""The window appears first; what its first picture does not need comes a moment later.

Reading the history (Today's figures) and setting up the daily reminder wait until the window has
been painted once, so that opening the app is quick; a moment later everything is there.
"""

from datetime import UTC, datetime

from compassion_app.core.library import load_library
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store import recovery
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.reminder import DailyReminder
from compassion_app.ui.sound import no_sound
from helpers.paint_watch import PaintWatch


def practice_today(minutes: int) -> PracticeRecord:
    return PracticeRecord(
        exercise_id="calm-place",
        started_utc=datetime.now(UTC),
        local_date=datetime.now().date(),
        utc_offset_minutes=0,
        planned_seconds=minutes * 60,
        actual_seconds=minutes * 60,
        completed=True,
    )


def test_the_history_is_read_after_the_window_first_appears(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        store.add_practice(practice_today(7))
        read_when: list[bool] = []
        watch = PaintWatch()
        practices = store.practices

        def noted_practices(*args, **kwargs):  # the real call, noting if the window had painted
            read_when.append(watch.painted)
            return practices(*args, **kwargs)

        store.practices = noted_practices
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.installEventFilter(watch)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.today.minutes_today.text() == "7")
        assert read_when and all(read_when), "the history was read before the first paint"


def test_no_year_of_the_history_is_read_before_the_first_paint(qtbot, tmp_path, monkeypatch):
    with Store.open(tmp_path / "store.json") as store:
        store.add_practice(practice_today(7))
    watch = PaintWatch()
    years_read: list[bool] = []  # for each year's file read: had the window painted?
    real_read = recovery.read_tables

    def noted_read(path, cipher=None):
        if path.parent.name == "practices":
            years_read.append(watch.painted)
        return real_read(path, cipher)

    monkeypatch.setattr(recovery, "read_tables", noted_read)
    with Store.open(tmp_path / "store.json") as store:  # as app.py opens it, then the window
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.installEventFilter(watch)
        qtbot.addWidget(window)
        window.welcome_if_new()  # someone who has practised here is not new: no welcome
        window.show()
        qtbot.waitUntil(lambda: window.today.minutes_today.text() == "7")
        assert window.current_screen is window.today
        assert years_read and all(years_read), "a year was read before the first paint"


def test_the_daily_reminder_is_set_up_once_the_window_has_appeared(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        assert window.findChild(DailyReminder) is None
        window.show()
        qtbot.waitUntil(lambda: window.findChild(DailyReminder) is not None)
        assert window.reminder.timer.isActive()  # it looks once a minute from now on
        assert not window.reminder.banner.isVisible()  # and offers nothing when it is off
