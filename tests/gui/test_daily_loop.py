"""The daily loop through the real window: begin a practice, let it run, see it counted."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from compassion_app.ui.sound import SILENT_NOTICE
from helpers.screens import begin, practices_on_disk


def saved_documents(store_path):
    """The practices in the store's files on disk (one file per year beside the main file)."""
    documents = []
    for year in sorted((store_path.parent / "practices").glob("*.json")):
        documents += json.loads(year.read_text(encoding="utf-8"))["practices"].values()
    return documents


def test_a_one_minute_practice_is_saved_to_the_file_and_counted_on_today(qtbot, window):
    qtbot.waitUntil(lambda: window.today.streak.text() == "Ready when you are")
    begin(qtbot, window, 1)
    assert window.practice.notices.texts() == [SILENT_NOTICE]

    window.clock.now += 30
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "0:30 left")
    window.clock.now += 31
    qtbot.waitUntil(lambda: window.practice.thanks.text() == "Thank you for practising")

    practices = saved_documents(window.store_path)
    assert len(practices) == 1
    assert practices[0]["exercise_id"] == "soothing-rhythm-breathing"
    assert (practices[0]["planned_seconds"], practices[0]["actual_seconds"]) == (60, 60)
    assert practices[0]["completed"] is True

    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.today
    assert window.today.streak.text() == "1 day"
    assert window.today.minutes_today.text() == "1"
    assert "Soothing-rhythm breathing" in window.today.recent.item(0).text()


def test_space_pauses_and_the_clock_stands_still(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 10
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:50 left")
    qtbot.keyClick(window.practice, Qt.Key.Key_Space)
    assert window.practice.pause_button.text() == "Resume"
    window.clock.now += 100
    qtbot.wait(50)
    assert window.practice.time_left.text() == "2:50 left"
    qtbot.keyClick(window.practice, Qt.Key.Key_Space)
    window.clock.now += 5
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:45 left")


def test_ending_early_asks_kindly_and_records_the_time_spent(qtbot, window):
    begin(qtbot, window, 5)
    window.clock.now += 125
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:55 left")
    qtbot.keyClick(window.practice, Qt.Key.Key_Escape)
    box = window.practice.findChild(QMessageBox)
    assert box.text() == "Would you like to end this practice now?"
    end_now = next(b for b in box.buttons() if b.text() == "End now")
    qtbot.mouseClick(end_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Every minute counts" in window.practice.summary.text())

    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (125, False)


def test_keep_practising_carries_on_where_it_was(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 20
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:40 left")
    qtbot.mouseClick(window.practice.end_button, Qt.MouseButton.LeftButton)
    box = window.practice.findChild(QMessageBox)
    window.clock.now += 50  # thinking it over does not use up practice time
    keep = next(b for b in box.buttons() if b.text() == "Keep practising")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert not window.practice.controller.paused
    window.clock.now += 1
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:39 left")


def test_check_ins_before_and_after_are_kept_with_the_practice(qtbot, window):
    panel = window.practice.checkin
    combo = window.today.minutes
    combo.setCurrentIndex(combo.findData(1))
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert panel.heading.text() == "Before you begin"
    panel.sliders["critic"].setValue(8)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    window.clock.now += 61
    after = window.practice.checkin_after
    qtbot.waitUntil(lambda: after.isVisible())
    after.sliders["critic"].setValue(4)
    after.sliders["warmth"].setValue(7)
    qtbot.mouseClick(after.done_button, Qt.MouseButton.LeftButton)
    assert not after.isVisible()

    (record,) = practices_on_disk(window)
    assert (record.checkin_before.critic, record.checkin_before.warmth) == (8, 5)
    assert (record.checkin_after.critic, record.checkin_after.warmth) == (4, 7)


def test_check_ins_can_be_turned_off_in_settings_and_stay_off(qtbot, window):
    settings_tab = next(
        b for b in window.navigation.findChildren(QPushButton) if b.text() == "Settings"
    )
    qtbot.mouseClick(settings_tab, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.settings_screen
    window.settings_screen.controls["checkins"].setChecked(False)
    window.today.minutes.setCurrentIndex(window.today.minutes.findData(1))
    window.start_practice("soothing-rhythm-breathing", 1)
    assert window.practice.controller.clock.paused is False  # began at once, no questions
    saved = json.loads(window.store_path.read_text(encoding="utf-8"))
    (preferences,) = [s for s in saved["settings"].values() if s["key"] == "preferences"]
    assert preferences["value"]["checkins"] is False


def test_hiding_counts_and_reducing_motion_reach_the_pacer(qtbot, window):
    window.show_settings()
    window.settings_screen.controls["show_counts"].setChecked(False)
    window.settings_screen.controls["reduced_motion"].setChecked(True)
    begin(qtbot, window, 3)
    window.clock.now += 12  # into the first in-breath
    qtbot.waitUntil(lambda: window.practice.pacer.breath is not None)
    pacer = window.practice.pacer
    assert pacer.reduced_motion
    assert pacer.phase_words in ("Breathing in", "Resting", "Breathing out")  # no numbers


def test_a_slider_drag_is_saved_once_it_settles(qtbot, window):
    window.show_settings()
    slider = window.settings_screen.controls["volumes"].sliders["bells"]
    for value in range(10, 40):  # a drag: many small steps
        slider.setValue(value)

    def saved_bells():
        saved = json.loads(window.store_path.read_text(encoding="utf-8"))
        found = [s for s in saved.get("settings", {}).values() if s["key"] == "preferences"]
        return found[0]["value"]["volumes"]["bells"] if found else None

    assert saved_bells() is None  # not yet: no write per step
    qtbot.waitUntil(lambda: saved_bells() == 0.39)
