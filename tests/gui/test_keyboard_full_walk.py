"""The whole app by keyboard alone: a practice, a letter, Progress, the path, Settings, safety.

Every step is a key pressed on whatever has the focus (Tab, Shift+Tab, Space, Enter, Esc, F1);
nothing is clicked and no slot is called, so a key that does nothing, or a screen that leaves the
focus on nothing, fails the walk where it happens.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from compassion_app import messages
from compassion_app.core.desktop_settings import STORE_KEY as DESKTOP_KEY
from compassion_app.core.desktop_settings import DesktopSettings
from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.store.db import Store
from compassion_app.ui.screens.safety import SafetyDialog
from helpers.keyboard import (
    ask_to_end,
    choose,
    dialog_in_front,
    end_now,
    focused,
    press,
    skip_check_in,
    tab_named,
    tab_to,
    type_text,
    window_ready,
)
from helpers.screens import practices_on_disk

Key = Qt.Key
tooltips = pytest.mark.qt_log_ignore("This plugin does not support raise")  # the calendar's


def a_short_practice_paused_and_ended(qtbot, window):
    tab_to(qtbot, window.today.minutes)
    while window.today.minutes.currentData() != 3:
        press(qtbot, Key.Key_Up)
    choose(qtbot, window.today.begin_button, Key.Key_Return)
    before = window.practice.checkin
    qtbot.waitUntil(before.isVisible)
    choose(qtbot, before.done_button)
    controller = window.practice.controller
    qtbot.waitUntil(lambda: controller.running)
    window.clock.now += 20
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:40 left")
    press(qtbot, Key.Key_Space)  # pause
    assert controller.paused
    window.clock.now += 60
    press(qtbot, Key.Key_Space)  # resume
    assert not controller.paused
    end_now(qtbot, window, ask_to_end(qtbot, window))  # Esc, and the kind question
    assert focused() is window.practice.checkin_after.done_button
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is window.practice.back_button)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)
    assert focused() is window.today.begin_button


def a_letter_written_and_saved(qtbot, window):
    letters_tab = tab_named(window, messages.LETTERS_TAB)
    tab_to(qtbot, letters_tab, backwards=True)  # from the end screen's Back, up to the tabs
    press(qtbot, Key.Key_Space)
    assert window.current_screen is window.letters
    letters = window.letters
    choose(qtbot, letters.archive.begin_button)
    assert letters.currentWidget() is letters.chooser
    choose(
        qtbot, letters.chooser.buttons["compassionate-self"], Key.Key_Return
    )  # Enter presses a button a moment later, as Space shows it
    editor = letters.editor
    qtbot.waitUntil(lambda: letters.currentWidget() is editor)
    assert focused() is editor.body
    type_text(qtbot, "I see how hard you have tried.\nYou deserve rest.")
    press(qtbot, Key.Key_Backtab)  # up to the title
    assert focused() is editor.title
    type_text(qtbot, "To me, kindly")
    choose(qtbot, editor.finish_button)  # Finish: saved, and open to re-read
    assert letters.currentWidget() is letters.reader
    assert letters.reader.isAncestorOf(focused())


def re_read_from_the_archive(qtbot, window):
    letters = window.letters
    choose(qtbot, letters.reader.back_button)
    assert letters.currentWidget() is letters.archive
    choose(qtbot, letters.archive.list, Key.Key_Return)
    reader = letters.reader
    assert letters.currentWidget() is reader and focused() is reader
    first = reader.passage.text()
    press(qtbot, Key.Key_Right)  # the next passage, at the reader's own pace
    assert reader.passage.text() != first
    assert "I see how hard you have tried." in reader.passage.text()


def progress_walked(qtbot, window):
    tab_to(qtbot, tab_named(window, messages.PROGRESS_TAB), backwards=True)
    press(qtbot, Key.Key_Space)
    progress = window.progress_screen
    assert window.current_screen is progress
    tab_to(qtbot, progress.heatmap)
    today = progress.heatmap.selected
    press(qtbot, Key.Key_Up)  # the day before, in the calendar's column
    assert progress.heatmap.selected == today - timedelta(days=1)
    choose(qtbot, progress.rest_box)  # yesterday was a rest day
    assert progress.rest_box.isChecked()
    goal = progress.choice_controls.controls["weekly_goal_days"]
    tab_to(qtbot, goal)
    press(qtbot, Key.Key_Down)  # four days a week is enough for now
    hide = progress.choice_controls.controls["hide_streaks"]
    choose(qtbot, hide)
    assert hide.isChecked()
    return today - timedelta(days=1)


@tooltips
def test_a_practice_a_letter_and_progress_with_the_keyboard_only(qtbot, window):
    window_ready(qtbot, window)
    a_short_practice_paused_and_ended(qtbot, window)
    a_letter_written_and_saved(qtbot, window)
    re_read_from_the_archive(qtbot, window)
    rested = progress_walked(qtbot, window)

    (record,) = [r for r in practices_on_disk(window) if r.exercise_id != "letter"]
    assert (record.actual_seconds, record.completed) == (20, False)
    with Store.open(window.store_path) as reopened:
        (summary,) = reopened.letters()
        letter = reopened.letter(summary.letter_id)
        assert rested in reopened.rest_days()
        choices = ProgressSettings.from_dict(reopened.get_setting(STORE_KEY, {}))
    assert (choices.weekly_goal_days, choices.hide_streaks) == (4, True)
    assert letter.title == "To me, kindly" and letter.finished
    assert "I see how hard you have tried.\nYou deserve rest." in letter.body


def test_the_four_week_path_joined_and_its_step_begun_with_the_keyboard(qtbot, window):
    window_ready(qtbot, window)
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    choose(qtbot, card.join_button)
    qtbot.waitUntil(card.begin_step_button.isVisible)
    assert card.begin_step_button.text() == "Begin step 1"
    assert card.isAncestorOf(focused())  # the focus stays in the card, not on a hidden button
    choose(qtbot, card.begin_step_button, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.practice)
    skip_check_in(qtbot, window)
    practice = window.practice
    window.clock.now += 30
    qtbot.waitUntil(lambda: practice.time_left.text() == "2:30 left")  # the step's 3 minutes
    end_now(qtbot, window, ask_to_end(qtbot, window))
    choose(qtbot, practice.checkin_after.skip_button)
    qtbot.waitUntil(lambda: focused() is practice.back_button)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)

    (record,) = practices_on_disk(window)
    assert (record.exercise_id, record.planned_seconds) == ("soothing-rhythm-breathing", 180)


def backed_up_words():
    """The words Back up now says once the copy is made, with its count and folder to read."""
    pattern = re.escape(messages.DATA_BACKED_UP)
    pattern = pattern.replace(re.escape("{files}"), r"(?P<files>\d+)")
    return pattern.replace(re.escape("{folder}"), r"(?P<folder>.+)")


def test_settings_text_size_backup_and_the_exercise_guide_with_the_keyboard(qtbot, window):
    window_ready(qtbot, window)
    choose(qtbot, tab_named(window, messages.TAB_SETTINGS))
    assert window.current_screen is window.settings_screen
    ordinary = window.today.begin_button.font().pointSizeF()
    size = window.desktop_card.controls["text_size"]
    tab_to(qtbot, size)
    press(qtbot, Key.Key_Down)  # 125 %
    qtbot.waitUntil(lambda: window.today.begin_button.font().pointSizeF() > ordinary)
    assert focused() is size  # the new size is applied without losing the person's place

    backup = window.data_card.backup_button
    choose(qtbot, backup)
    qtbot.waitUntil(lambda: window.data_card.result.text() != "")
    told = re.fullmatch(backed_up_words(), window.data_card.result.text())
    assert told is not None, window.data_card.result.text()
    assert len(list(Path(told["folder"]).rglob("*.json"))) >= 1  # the copy is on disk

    guide = window.own_card.help_button
    choose(qtbot, guide)
    dialog = dialog_in_front(qtbot)
    assert dialog.windowTitle() == messages.OWN_HELP_TITLE
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    window.store.close()
    with Store.open(window.store_path) as reopened:
        saved = DesktopSettings.from_dict(reopened.get_setting(DESKTOP_KEY, {}))
    assert saved.text_size == 125


def test_support_and_safety_by_its_link_by_f1_and_end_gently_with_the_keyboard(qtbot, window):
    window_ready(qtbot, window)
    choose(qtbot, window.today.safety_link)
    dialog = dialog_in_front(qtbot, SafetyDialog)
    assert dialog.end_gently_button is None  # nothing to end on Today
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    choose(qtbot, close)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.safety_link)

    choose(qtbot, window.today.begin_button, Key.Key_Return)
    skip_check_in(qtbot, window)
    practice = window.practice
    window.clock.now += 25
    qtbot.waitUntil(lambda: practice.time_left.text().startswith("9:35"))
    press(qtbot, Key.Key_F1)
    dialog = dialog_in_front(qtbot, SafetyDialog)
    choose(qtbot, dialog.end_gently_button)
    qtbot.waitUntil(practice.grounding.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is practice.grounding.go_on_button)
    press(qtbot, Key.Key_Return)  # on to the end at once
    qtbot.waitUntil(practice.thanks.isVisible)
    assert practice.thanks.text() == messages.ENDED_GENTLY_THANKS
    assert focused() in (practice.checkin_after.done_button, practice.back_button)

    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (25, False)
