"""The window appears first; what its first picture does not need comes a moment later.

Reading the history (Today's figures) and setting up the daily reminder wait until the window has
been painted once, so that opening the app is quick; a moment later everything is there. Someone
new sees the welcome first: Today is built behind it once it has appeared.
"""

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from compassion_app.core.library import load_library
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store import recovery
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.reminder import DailyReminder
from compassion_app.ui.screens.today import TodayScreen
from compassion_app.ui.screens.welcome import WelcomeScreen
from compassion_app.ui.sound import no_sound
from compassion_app.ui.widgets.path_card import PathCard
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


def test_the_keyboard_shortcuts_come_just_after_the_first_paint(qtbot, tmp_path):
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QDialog

    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        assert window.findChildren(QShortcut) == []  # the first picture is drawn without them
        window.show()
        qtbot.waitUntil(lambda: len(window.findChildren(QShortcut)) == len(window.shortcuts) > 0)
        qtbot.keyClick(window, Qt.Key.Key_F1)  # the platform's help key, as before
        assert [d.windowTitle() for d in window.findChildren(QDialog) if d.isVisible()] == [
            "Support and safety"
        ]


def test_someone_new_is_welcomed_first_and_today_built_behind_it_after_the_paint(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound, welcome=True)
        qtbot.addWidget(window)
        assert window.findChild(TodayScreen) is None  # the first picture is the welcome alone
        window.show()
        assert window.current_screen is window.welcome
        qtbot.waitUntil(lambda: window.findChild(TodayScreen) is not None)
        assert window.current_screen is window.welcome  # still the welcome, as it was
        assert window.focusWidget() is window.welcome.try_button
        assert not window.navigation.isVisible()
        qtbot.mouseClick(window.welcome.skip_button, Qt.MouseButton.LeftButton)
        assert window.current_screen is window.today
        assert window.navigation.isVisible()


def test_someone_returning_opens_on_today_even_when_the_welcome_is_offered(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        store.add_practice(practice_today(7))
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound, welcome=True)
        qtbot.addWidget(window)
        window.show()
        assert window.findChild(WelcomeScreen) is None
        assert window.current_screen is window.today
        assert window.focusWidget() is window.today.begin_button  # Enter begins the practice


def test_the_practice_settings_are_read_after_the_window_first_appears(qtbot, tmp_path):
    from compassion_app.core.settings import STORE_KEY

    with Store.open(tmp_path / "store.json") as store:
        store.set_setting(STORE_KEY, {"checkins": False})
        read_when: list[bool] = []
        watch = PaintWatch()
        get_setting = store.get_setting

        def noted_get_setting(key, *args, **kwargs):  # the real call, noting if it had painted
            if key == STORE_KEY:
                read_when.append(watch.painted)
            return get_setting(key, *args, **kwargs)

        store.get_setting = noted_get_setting
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.installEventFilter(watch)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: watch.painted)
        assert window.settings.checkins is False  # the saved choice, read on first use
        assert read_when and all(read_when), "the practice settings were read before the paint"


def test_the_four_week_path_is_built_with_its_first_content_after_the_paint(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        assert window.findChild(PathCard) is None  # the first picture never showed it
        window.show()
        qtbot.waitUntil(lambda: window.findChild(PathCard) is not None)
        card = window.today.path_card
        qtbot.waitUntil(card.isVisible)
        assert card.join_button.isVisible()  # the invitation, as before


def test_a_stop_before_the_first_paint_saves_without_building_the_rooms(qtbot, tmp_path):
    from compassion_app.ui.practice_room import PracticeRoom

    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        window.save_and_release()  # as a stop signal does, with the window not yet painted
        assert window.findChild(PracticeRoom) is None
