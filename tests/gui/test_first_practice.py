"""The first practice as a new user meets it: nothing misleads, nothing is lost."""

import errno

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from compassion_app import messages
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store import storage
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.screens import begin, practices_on_disk


def test_closing_the_window_at_the_check_in_saves_nothing(qtbot, window):
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert window.practice.checkin.isVisible()  # "Before you begin"
    window.clock.now += 20
    window.close()
    assert practices_on_disk(window) == []


def test_the_end_screen_says_so_when_the_practice_could_not_be_saved(qtbot, window, monkeypatch):
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    begin(qtbot, window, 1)
    monkeypatch.setattr(storage, "write_temp_file", disk_full)
    window.clock.now += 61
    qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
    summary = window.practice.summary.text()
    assert "It has been saved" not in summary
    assert "will be saved as soon as saving works again" in summary
    assert any("the disk is full" in notice for notice in window.notices.texts())
    assert window.store.pending_count == 1  # kept, as the screen says

    monkeypatch.undo()  # space again: the next save carries the kept practice with it
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    begin(qtbot, window, 1)
    window.clock.now += 61
    qtbot.waitUntil(lambda: "It has been saved" in window.practice.summary.text())
    assert len(practices_on_disk(window)) == 2


def test_the_end_screen_and_recent_agree_on_a_short_practice(qtbot, window):
    for seconds, sentence, listed in (
        (21, "less than a minute", "under 1 of 3 min"),
        (45, "1 minute", "1 of 3 min"),
    ):
        begin(qtbot, window, 3)
        window.clock.now += seconds
        qtbot.waitUntil(
            lambda s=seconds: (
                window.practice.time_left.text() == f"{(180 - s) // 60}:{(180 - s) % 60:02d} left"
            )
        )
        window.practice.controller.end_early()
        qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
        assert f"You practised for {sentence}." in window.practice.summary.text()
        qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
        assert window.today.recent.item(0).text().endswith(listed)


def test_the_last_practice_and_length_are_remembered_for_each_practice_and_after_a_restart(
    qtbot, window
):
    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData("calm-place"))
    choose_length(qtbot, today, 5)
    today.exercise.setCurrentIndex(today.exercise.findData("soothing-rhythm-breathing"))
    choose_length(qtbot, today, 3)
    today.exercise.setCurrentIndex(today.exercise.findData("calm-place"))
    assert today.minutes.currentData() == 5  # its own length, kept while the practice changed
    qtbot.mouseClick(today.begin_button, Qt.MouseButton.LeftButton)
    window.close()
    window.store.close()

    with Store.open(window.store_path) as store:
        again = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(again)
        assert again.today.exercise.currentData() == "calm-place"
        assert again.today.minutes.currentData() == 5
        again.today.exercise.setCurrentIndex(
            again.today.exercise.findData("soothing-rhythm-breathing")
        )
        assert again.today.minutes.currentData() == 3


def choose_length(qtbot, today, minutes):
    """Pick a length from the list with the keyboard, as a person would."""
    today.minutes.setFocus()
    for _ in range(today.minutes.count()):  # up the list, from the longest offered
        if today.minutes.currentData() == minutes:
            return
        qtbot.keyClick(today.minutes, Qt.Key.Key_Up)
    raise AssertionError(f"{minutes} minutes is not offered")


def answer(qtbot, window, choice):
    (box,) = [box for box in window.practice.findChildren(QMessageBox) if box.isVisible()]
    assert box.text() == messages.END_QUESTION
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == choice), Qt.MouseButton.LeftButton
    )


def test_closing_the_window_mid_practice_asks_the_same_kind_question_as_esc(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 40
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:20 left")
    window.close()
    assert window.isVisible()  # not closed yet: asked first
    answer(qtbot, window, messages.KEEP_PRACTISING)
    assert window.isVisible() and window.practice.controller.running
    assert not window.practice.controller.paused

    window.clock.now += 5
    window.close()
    answer(qtbot, window, messages.END_NOW)
    qtbot.waitUntil(lambda: not window.isVisible())
    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (45, False)


def test_save_and_release_ends_and_saves_a_running_practice_without_asking(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 30
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:30 left")
    window.save_and_release()
    assert window.practice.findChild(QMessageBox) is None
    assert window.practice.controller.done
    window.save_and_release()  # twice is harmless
    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (30, False)
