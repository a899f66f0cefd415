"""The whole app by keyboard alone: a practice, a letter, Progress, the path, Settings, safety.

Every step is a key pressed on whatever has the focus (Tab, Shift+Tab, Space, Enter, Esc, F1);
nothing is clicked and no slot is called, so a key that does nothing, or a screen that leaves the
focus on nothing, fails the walk where it happens.
"""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from compassion_app import messages
from compassion_app.core.desktop_settings import STORE_KEY as DESKTOP_KEY
from compassion_app.core.desktop_settings import DesktopSettings
from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.store.db import Store
from compassion_app.ui.screens.safety import SafetyDialog
from helpers.keyboard import focused, press, tab_to, type_text
from helpers.screens import practices_on_disk

Key = Qt.Key
tooltips = pytest.mark.qt_log_ignore("This plugin does not support raise")  # the calendar's


def tab_named(window, name):
    return next(tab for tab in window.navigation.tabs if tab.text() == name)


def start(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)


def a_short_practice_paused_and_ended(qtbot, window):
    tab_to(qtbot, window.today.minutes)
    while window.today.minutes.currentData() != 3:
        press(qtbot, Key.Key_Up)
    tab_to(qtbot, window.today.begin_button)
    press(qtbot, Key.Key_Return)
    before = window.practice.checkin
    qtbot.waitUntil(before.isVisible)
    tab_to(qtbot, before.done_button)
    press(qtbot, Key.Key_Space)
    controller = window.practice.controller
    qtbot.waitUntil(lambda: controller.running)
    window.clock.now += 20
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:40 left")
    press(qtbot, Key.Key_Space)  # pause
    assert controller.paused
    window.clock.now += 60
    press(qtbot, Key.Key_Space)  # resume
    assert not controller.paused
    press(qtbot, Key.Key_Escape)  # the kind question
    (box,) = [b for b in window.practice.findChildren(QMessageBox) if b.isVisible()]
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    tab_to(qtbot, next(b for b in box.buttons() if b.text() == messages.END_NOW))
    press(qtbot, Key.Key_Space)
    after = window.practice.checkin_after
    qtbot.waitUntil(after.isVisible)
    window.activateWindow()  # a desktop gives the window back its focus as the question closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is after.done_button)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is window.practice.back_button)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)
    assert focused() is window.today.begin_button


def a_letter_written_and_saved(qtbot, window):
    letters_tab = tab_named(window, messages.LETTERS_TAB)
    tab_to(qtbot, letters_tab, backwards=True)
    press(qtbot, Key.Key_Space)
    assert window.current_screen is window.letters
    letters = window.letters
    tab_to(qtbot, letters.archive.begin_button)
    press(qtbot, Key.Key_Space)
    assert letters.currentWidget() is letters.chooser
    tab_to(qtbot, letters.chooser.buttons["compassionate-self"])
    press(qtbot, Key.Key_Return)  # Enter presses a button a moment later, as Space shows it
    editor = letters.editor
    qtbot.waitUntil(lambda: letters.currentWidget() is editor)
    assert focused() is editor.body
    type_text(qtbot, "I see how hard you have tried.\nYou deserve rest.")
    press(qtbot, Key.Key_Backtab)  # up to the title
    assert focused() is editor.title
    type_text(qtbot, "To me, kindly")
    tab_to(qtbot, editor.finish_button)
    press(qtbot, Key.Key_Space)  # Finish: saved, and open to re-read
    assert letters.currentWidget() is letters.reader
    assert letters.reader.isAncestorOf(focused())


def re_read_from_the_archive(qtbot, window):
    letters = window.letters
    tab_to(qtbot, letters.reader.back_button)
    press(qtbot, Key.Key_Space)
    assert letters.currentWidget() is letters.archive
    tab_to(qtbot, letters.archive.list)
    press(qtbot, Key.Key_Return)
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
    tab_to(qtbot, progress.rest_box)
    press(qtbot, Key.Key_Space)  # yesterday was a rest day
    assert progress.rest_box.isChecked()
    goal = progress.choice_controls.controls["weekly_goal_days"]
    tab_to(qtbot, goal)
    press(qtbot, Key.Key_Down)  # four days a week is enough for now
    hide = progress.choice_controls.controls["hide_streaks"]
    tab_to(qtbot, hide)
    press(qtbot, Key.Key_Space)
    assert hide.isChecked()
    return today - timedelta(days=1)


@tooltips
def test_a_practice_a_letter_and_progress_with_the_keyboard_only(qtbot, window):
    start(qtbot, window)
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


def end_now_by_keyboard(qtbot, window):
    """Esc, then "End now" in the kind question, then Skip the check-in after."""
    practice = window.practice
    press(qtbot, Key.Key_Escape)
    (box,) = [b for b in practice.findChildren(QMessageBox) if b.isVisible()]
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    tab_to(qtbot, next(b for b in box.buttons() if b.text() == messages.END_NOW))
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(practice.checkin_after.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: practice.checkin_after.isAncestorOf(QApplication.focusWidget()))
    tab_to(qtbot, practice.checkin_after.skip_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is practice.back_button)


def test_the_four_week_path_joined_and_its_step_begun_with_the_keyboard(qtbot, window):
    start(qtbot, window)
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    tab_to(qtbot, card.join_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(card.begin_step_button.isVisible)
    assert card.begin_step_button.text() == "Begin step 1"
    assert card.isAncestorOf(focused())  # the focus stays in the card, not on a hidden button
    tab_to(qtbot, card.begin_step_button)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.practice)
    practice = window.practice
    qtbot.waitUntil(practice.checkin.isVisible)
    tab_to(qtbot, practice.checkin.skip_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: practice.controller.running)
    window.clock.now += 30
    qtbot.waitUntil(lambda: practice.time_left.text() == "2:30 left")  # the step's 3 minutes
    end_now_by_keyboard(qtbot, window)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)

    (record,) = practices_on_disk(window)
    assert (record.exercise_id, record.planned_seconds) == ("soothing-rhythm-breathing", 180)


def test_settings_text_size_backup_and_the_exercise_guide_with_the_keyboard(qtbot, window):
    start(qtbot, window)
    tab_to(qtbot, tab_named(window, messages.TAB_SETTINGS))
    press(qtbot, Key.Key_Space)
    assert window.current_screen is window.settings_screen
    ordinary = window.today.begin_button.font().pointSizeF()
    size = window.desktop_card.controls["text_size"]
    tab_to(qtbot, size)
    press(qtbot, Key.Key_Down)  # 125 %
    qtbot.waitUntil(lambda: window.today.begin_button.font().pointSizeF() > ordinary)
    assert focused() is size  # the new size is applied without losing the person's place

    backup = window.data_card.backup_button
    tab_to(qtbot, backup)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: window.data_card.result.text() != "")
    assert window.data_card.result.text().split()[0] in messages.DATA_BACKED_UP

    guide = window.own_card.help_button
    tab_to(qtbot, guide)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == messages.OWN_HELP_TITLE
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    window.store.close()
    with Store.open(window.store_path) as reopened:
        saved = DesktopSettings.from_dict(reopened.get_setting(DESKTOP_KEY, {}))
    assert saved.text_size == 125


def safety_dialog(qtbot):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SafetyDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_support_and_safety_by_its_link_by_f1_and_end_gently_with_the_keyboard(qtbot, window):
    start(qtbot, window)
    tab_to(qtbot, window.today.safety_link)
    press(qtbot, Key.Key_Space)
    dialog = safety_dialog(qtbot)
    assert dialog.end_gently_button is None  # nothing to end on Today
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    tab_to(qtbot, close)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.safety_link)

    tab_to(qtbot, window.today.begin_button)
    press(qtbot, Key.Key_Return)
    practice = window.practice
    qtbot.waitUntil(practice.checkin.isVisible)
    tab_to(qtbot, practice.checkin.skip_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: practice.controller.running)
    window.clock.now += 25
    qtbot.waitUntil(lambda: practice.time_left.text().startswith("9:35"))
    press(qtbot, Key.Key_F1)
    dialog = safety_dialog(qtbot)
    tab_to(qtbot, dialog.end_gently_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(practice.grounding.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is practice.grounding.go_on_button)
    press(qtbot, Key.Key_Return)  # on to the end at once
    qtbot.waitUntil(practice.thanks.isVisible)
    assert practice.thanks.text() == messages.ENDED_GENTLY_THANKS
    assert focused() in (practice.checkin_after.done_button, practice.back_button)

    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (25, False)
