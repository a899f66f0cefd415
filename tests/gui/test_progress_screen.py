"""The progress screen on a real store folder: what a person sees, hovers, keys and saves."""

import csv
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

from compassion_app import messages
from compassion_app.core.letters import Letter
from compassion_app.core.library import load_library
from compassion_app.core.progress_settings import STORE_KEY
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError
from compassion_app.ui.palette import DARK
from compassion_app.ui.screens.progress import ProgressScreen
from compassion_app.ui.theme import qt_palette
from compassion_app.ui.widgets.heatmap import level_colour

TODAY = date(2026, 11, 25)  # a Wednesday
# Showing a tooltip raises its window, which the offscreen platform cannot do (and says so).
tooltips = pytest.mark.qt_log_ignore("This plugin does not support raise")


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def practice(day, seconds, exercise="soothing-rhythm-breathing", hour=8, checkins=None):
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    before, after = checkins or (None, None)
    planned = max(600, seconds)  # a practice of 600 s or more was finished; shorter ones not
    return PracticeRecord(
        exercise, started, day, 0, planned, seconds, seconds >= 600, before, after
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data" / "compassion-companion.json") as opened:
        opened.add_practice(practice(TODAY, 600))
        opened.add_practice(practice(TODAY, 180, "calm-place", hour=20))
        opened.add_practice(practice(ago(1), 600))
        opened.add_practice(practice(ago(5), 1200))
        opened.set_rest_day(ago(3), True)
        yield opened


@pytest.fixture
def screen(qtbot, store):
    chosen = {}
    screen = ProgressScreen(
        store,
        load_library(resource_path("scripts")),
        today=lambda: TODAY,
        ask_path=lambda suggested, kinds: chosen.get("path"),
    )
    screen.chosen = chosen
    qtbot.addWidget(screen)
    screen.resize(1000, 900)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def hover(heatmap, day) -> str:
    point = heatmap.cell_rect(day).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, heatmap.mapToGlobal(point))
    QApplication.sendEvent(heatmap, event)
    return QToolTip.text()


@tooltips
def test_hovering_a_day_shows_its_practices_in_the_tooltip(screen):
    heatmap = screen.heatmap
    assert hover(heatmap, TODAY) == (
        "Wednesday 25 November 2026\nSoothing-rhythm breathing · 10 min\nCalm place · 3 of 10 min"
    )
    assert hover(heatmap, ago(5)) == "Friday 20 November 2026\nSoothing-rhythm breathing · 20 min"
    assert hover(heatmap, ago(3)) == "Sunday 22 November 2026\nA rest day, chosen with care."
    assert hover(heatmap, ago(2)) == "Monday 23 November 2026\nA quiet day."
    assert hover(heatmap, TODAY + timedelta(days=1)) == "Thursday 26 November 2026\nStill ahead."


def test_the_figures_come_from_the_history_and_rest_days_count_in_the_run(screen):
    figures = {name: label.text() for name, label in screen.figures.items()}
    assert figures["minutes_today"] == "13"
    assert figures["this_week"] == "23 min"  # Monday to today
    assert figures["total"] == "43 min"
    assert figures["current_run"] == "6 days"  # 20th to today: the rest day bridges the 23rd-24th
    assert figures["longest_run"] == "6 days"


@tooltips
def test_arrow_keys_move_through_the_days_and_the_words_follow(qtbot, screen):
    heatmap = screen.heatmap
    heatmap.setFocus()
    assert heatmap.selected == TODAY
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert heatmap.selected == ago(1)
    assert "Tuesday 24 November 2026" in screen.day_words.text()
    assert "Soothing-rhythm breathing · 10 min" in heatmap.accessibleDescription()
    qtbot.keyClick(heatmap, Qt.Key.Key_Left)
    assert heatmap.selected == ago(8)
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert heatmap.selected == ago(5)
    assert "20 min" in screen.day_words.text()
    qtbot.keyClick(heatmap, Qt.Key.Key_PageUp)
    assert heatmap.selected == ago(5 + 28)
    qtbot.keyClick(heatmap, Qt.Key.Key_Home)
    assert heatmap.selected == heatmap.first
    qtbot.keyClick(heatmap, Qt.Key.Key_End)
    assert heatmap.selected == TODAY
    qtbot.keyClick(heatmap, Qt.Key.Key_PageDown)  # the calendar ends with this week
    assert heatmap.selected == heatmap.last
    assert heatmap.accessibleName() == "Your year of practice"
    assert "Past year: 43 minutes of practice on 3 days" in heatmap.accessibleDescription()


@tooltips
def test_marking_a_rest_day_afterwards_keeps_the_run_and_is_saved(qtbot, screen, store):
    heatmap = screen.heatmap
    heatmap.setFocus()
    for _ in range(2):
        qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert heatmap.selected == ago(2)
    assert not screen.rest_box.isChecked()
    qtbot.mouseClick(screen.rest_box, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert ago(2) in store.rest_days()
    assert "A rest day, chosen with care." in screen.day_words.text()
    assert screen.figures["current_run"].text() == "6 days"
    screen.rest_box.click()  # and unmarked again
    assert ago(2) not in store.rest_days()


def test_a_rest_day_can_be_marked_ahead(screen, store):
    ahead = TODAY + timedelta(days=10)
    screen.rest_day.setDate(ahead)
    screen.rest_box.click()
    assert ahead in store.rest_days()
    assert screen.rest_box.isChecked()
    assert screen.figures["current_run"].text() == "6 days"  # waits for its day


def test_each_picture_can_be_saved_as_a_table_and_as_an_image(qtbot, screen, tmp_path):
    table = tmp_path / "year.csv"
    screen.chosen["path"] = table
    screen.save_table(screen.heatmap)
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["date", "minutes", "practices", "rest_day"]
    assert [TODAY.isoformat(), "13", "2", ""] in rows
    assert [ago(3).isoformat(), "0", "0", "yes"] in rows
    assert screen.status.text() == f"Saved to {table}."

    weeks = tmp_path / "weeks.csv"
    screen.chosen["path"] = weeks
    screen.save_table(screen.weekly)
    rows = list(csv.reader(weeks.read_text(encoding="utf-8").splitlines()))
    assert rows[-1] == [date(2026, 11, 23).isoformat(), "23"]
    assert rows[-2] == [date(2026, 11, 16).isoformat(), "20"]

    picture = tmp_path / "checkins.png"
    screen.chosen["path"] = picture
    buttons = [b for b in screen.findChildren(QPushButton) if b.text() == "Save as picture…"]
    assert len(buttons) == 3
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    image = QImage(str(picture))
    assert not image.isNull()
    assert image.width() == screen.trend.width() * screen.trend.devicePixelRatio()


def test_a_picture_that_cannot_be_saved_says_so_and_claims_nothing(screen, tmp_path):
    missing = tmp_path / "no-such-folder" / "year.png"
    screen.chosen["path"] = missing
    screen.save_picture(screen.heatmap)
    assert screen.status.text() == messages.EXPORT_FAILED.format(
        path=missing, reason=messages.REASON_MISSING.format(place=missing)
    )
    assert "Saved to" not in screen.status.text()
    assert not missing.parent.exists()


def test_cancelling_the_save_dialog_does_nothing(screen):
    screen.chosen.clear()
    screen.save_table(screen.heatmap)
    assert screen.status.text() == ""


def test_check_in_trends_are_told_kindly(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        for week in range(6):
            before = CheckIn(8 - week, 3 + week, 4)
            after = CheckIn(6 - week, 5 + week, 6)
            store.add_practice(practice(ago(7 * (5 - week)), 600, checkins=(before, after)))
        screen = ProgressScreen(store, load_library(resource_path("scripts")), lambda: TODAY)
        qtbot.addWidget(screen)
        words = screen.trend_words.text()
        assert "inner critic has been a little quieter" in words
        assert "Warmth toward yourself has been growing" in words
        assert len(screen.trend.table()[1]) == 6


def test_the_calendar_reads_in_a_dark_palette_too(qtbot, screen):
    heatmap = screen.heatmap
    heatmap.setPalette(qt_palette(DARK))  # as the dark theme sets it
    image = heatmap.grab().toImage()
    background = QColor(DARK.card)
    quiet = image.pixelColor(heatmap.cell_rect(ago(2)).center())
    practised = image.pixelColor(heatmap.cell_rect(ago(5)).center())
    assert quiet == level_colour(0, DARK)
    assert _distance(quiet, background) > 10  # an empty day is still a visible square
    assert _distance(practised, quiet) > 60  # a day of practice stands out clearly
    assert practised.lightness() > quiet.lightness()


def _distance(one: QColor, other: QColor) -> int:
    return sum(abs(a - b) for a, b in zip(one.getRgb()[:3], other.getRgb()[:3], strict=True))


@tooltips
def test_a_letter_begun_that_day_is_in_its_tooltip(screen, store):
    written = datetime(2026, 11, 24, 12, tzinfo=UTC)
    store.save_letter(Letter("To the part of me that was afraid", "Dear you,", written, written))
    screen.refresh()
    assert hover(screen.heatmap, ago(1)).splitlines()[1:] == [
        "Soothing-rhythm breathing · 10 min",
        "Letter: To the part of me that was afraid",
    ]


def test_the_weekly_goal_is_a_choice_and_the_weeks_follow_it(screen, store):
    # Never "0 weeks": this week's days so far instead (two practices and no rest yet).
    assert screen.figures["weeks_at_goal"].text() == "2 of 5 days this week"
    screen.choice_controls.controls["weekly_goal_days"].setValue(2)
    # Last week: a practice and a rest day; this week already two practices.
    assert screen.figures["weeks_at_goal"].text() == "2 weeks"
    assert store.get_setting(STORE_KEY, {})["weekly_goal_days"] == 2


def test_opening_at_login_is_set_up_only_when_turned_on(screen, store, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "compassion-companion.desktop"
    box = screen.choice_controls.controls["start_at_login"]
    assert not entry.exists()
    box.click()
    assert entry.exists()
    assert store.get_setting(STORE_KEY, {})["start_at_login"] is True
    box.click()
    assert not entry.exists()
    assert store.get_setting(STORE_KEY, {})["start_at_login"] is False


def test_opening_at_login_that_cannot_be_set_up_says_so_and_stays_off(
    screen, store, tmp_path, monkeypatch
):
    not_a_folder = tmp_path / "config"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(not_a_folder))
    box = screen.choice_controls.controls["start_at_login"]
    box.click()
    assert "could not be set up" in screen.status.text()
    assert not box.isChecked()
    assert store.get_setting(STORE_KEY, {}).get("start_at_login", False) is False


def test_clicking_a_day_chooses_it(qtbot, screen):
    heatmap = screen.heatmap
    qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_rect(ago(5)).center())
    assert heatmap.selected == ago(5)
    assert heatmap.hasFocus()
    assert "20 min" in screen.day_words.text()


def test_a_rest_day_that_cannot_be_saved_is_not_shown_as_marked(screen, store, monkeypatch):
    def full_disk(day, rest):
        raise StoreWriteError("Your rest day could not be saved because the disk is full.")

    monkeypatch.setattr(store, "set_rest_day", full_disk)  # the disk, not the screen, is faked
    screen.heatmap.select(ago(2))
    screen.rest_box.click()
    assert not screen.rest_box.isChecked()
    assert "disk is full" in screen.status.text()
    assert "A quiet day." in screen.day_words.text()
    assert ago(2) not in store.rest_days()


def hover_week(chart, index: int) -> str:
    area = chart.plot_area()
    step = area.width() / len(chart.mondays())
    point = QPoint(int(area.left() + (index + 0.5) * step), int(area.center().y()))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point)))
    return QToolTip.text()


@tooltips
def test_each_week_of_the_charts_says_its_numbers_in_a_tooltip(screen):
    assert hover_week(screen.weekly, 25) == "Week of 23 November: 23 minutes"
    assert hover_week(screen.weekly, 24) == "Week of 16 November: 20 minutes"
    assert hover_week(screen.trend, 25) == "Week of 23 November: no check-ins, and that is fine"


@tooltips
def test_a_week_of_check_ins_shows_its_averages(qtbot, tmp_path):
    with Store.open(tmp_path / "store.json") as store:
        store.add_practice(practice(TODAY, 600, checkins=(CheckIn(6, 4, 5), CheckIn(4, 6, 7))))
        store.add_practice(practice(ago(1), 600, checkins=(CheckIn(8, 2, 3), CheckIn(5, 5, 5))))
        screen = ProgressScreen(store, load_library(resource_path("scripts")), lambda: TODAY)
        qtbot.addWidget(screen)
        screen.show()
        assert hover_week(screen.trend, 25) == (
            "Week of 23 November, before practice (2): "
            "inner critic 7.0, warmth toward yourself 3.0, feeling settled 4.0"
        )


def test_before_any_practice_the_page_is_welcoming_not_empty(qtbot, tmp_path):
    with Store.open(tmp_path / "new" / "compassion-companion.json") as store:
        screen = ProgressScreen(store, load_library(resource_path("scripts")), lambda: TODAY)
        qtbot.addWidget(screen)
        screen.show()
        shown = {name: label.text() for name, label in screen.figures.items()}
        assert (shown["minutes_today"], shown["total"], shown["score"]) == ("0", "0 min", "0 %")
        assert shown["current_run"] == "Ready when you are"
        assert shown["weeks_at_goal"] == "Ready when you are"  # never "0 of 5"
        assert screen.milestones.text() == messages.MILESTONES_NONE
        assert screen.weekly.accessibleDescription() == "No practice in these 26 weeks yet."
        assert "optional" in screen.trend_words.text()
        calendar = screen.heatmap.accessibleDescription()
        assert calendar.startswith("No practice in the past year yet.")


def test_larger_text_gets_room_in_the_calendar_and_charts(screen):
    heatmap, chart = screen.heatmap, screen.weekly
    normal = (heatmap.sizeHint(), chart.sizeHint(), chart.plot_area().left())
    larger = QFont(heatmap.font())
    larger.setPointSizeF(larger.pointSizeF() * 1.5)
    heatmap.setFont(larger)
    chart.setFont(larger)
    names = [(heatmap.first + timedelta(days=n)).strftime("%a") for n in range(7)]
    label_font = QFont(larger)
    label_font.setPointSizeF(larger.pointSizeF() * 0.8)
    widest = max(QFontMetrics(label_font).horizontalAdvance(name) for name in names)
    assert heatmap.cell_rect(heatmap.first).left() > widest  # the weekday names fit beside
    assert heatmap.sizeHint().width() > normal[0].width()
    assert chart.sizeHint().height() > normal[1].height()
    assert chart.plot_area().left() > normal[2]
