"""Today and Progress tell the same story, from the same code, in the real window."""

from datetime import UTC, date, datetime, timedelta

import pytest

from compassion_app.core.library import load_library
from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.fakes import FakeTime


@pytest.fixture
def window(qtbot, tmp_path):
    today = date.today()
    with Store.open(tmp_path / "data" / "compassion-companion.json") as store:
        for n, seconds in ((0, 420), (0, 200), (1, 600), (5, 900)):  # a gap of 3 quiet days...
            day = today - timedelta(days=n)
            started = datetime(day.year, day.month, day.day, 12, tzinfo=UTC) + timedelta(hours=n)
            store.add_practice(PracticeRecord("calm-place", started, day, 0, 600, seconds, True))
        store.set_rest_day(today - timedelta(days=3), True)  # ...which a marked rest day bridges
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound, FakeTime())
        window.store = store
        qtbot.addWidget(window)
        window.show()
        window.today.refresh()
        yield window


def test_today_shows_the_same_minutes_and_run_as_progress(window):
    window.show_progress()
    progress = window.progress_screen.figures
    assert window.today.minutes_today.text() == progress["minutes_today"].text() == "10"
    assert window.today.streak.text() == progress["current_run"].text() == "6 days"


def test_the_reminder_waits_while_a_practice_is_under_way_in_the_window(qtbot, tmp_path):
    with Store.open(tmp_path / "quiet" / "compassion-companion.json") as store:
        choices = ProgressSettings(reminder=True, reminder_time="00:00")  # due all day long
        store.set_setting(STORE_KEY, choices.to_dict())
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound, FakeTime())
        qtbot.addWidget(window)
        window.show()
        window.start_practice("soothing-rhythm-breathing", 1)
        window.reminder.check()
        assert not window.reminder.banner.isVisible()
        window.show_today()  # the practice set aside: now the invitation may come
        window.reminder.check()
        assert window.reminder.banner.isVisible()
