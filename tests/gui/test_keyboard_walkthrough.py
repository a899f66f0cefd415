"""The daily loop by keyboard alone: Today, check-in, practice, pause, end, check-in, Today."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from compassion_app import messages
from helpers.screens import practices_on_disk


def press(qtbot, key):
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def tab_to(qtbot, widget, limit=40):
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.text()}")


def test_a_practice_from_today_and_back_with_the_keyboard_only(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    tab_to(qtbot, window.today.minutes)
    while window.today.minutes.currentData() != 3:
        press(qtbot, Qt.Key.Key_Up)  # from the suggested 10 minutes to 3
    tab_to(qtbot, window.today.begin_button)
    press(qtbot, Qt.Key.Key_Return)  # Begin
    before = window.practice.checkin
    qtbot.waitUntil(before.isVisible)
    assert before.heading.text() == messages.CHECK_IN_BEFORE[0]
    assert QApplication.focusWidget() is before.done_button
    tab_to(qtbot, before.sliders["critic"])
    press(qtbot, Qt.Key.Key_Right)  # the critic is a little louder today: 6
    tab_to(qtbot, before.done_button)
    press(qtbot, Qt.Key.Key_Space)  # Begin the practice
    controller = window.practice.controller
    qtbot.waitUntil(lambda: controller.running)

    window.clock.now += 30
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:30 left")
    press(qtbot, Qt.Key.Key_Space)  # pause
    assert controller.paused and window.practice.phase.text() == messages.PAUSED
    window.clock.now += 100
    press(qtbot, Qt.Key.Key_Space)  # resume: the pause did not use up practice time
    assert not controller.paused
    window.clock.now += 10
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:20 left")

    press(qtbot, Qt.Key.Key_Escape)  # end?
    (box,) = [b for b in window.practice.findChildren(QMessageBox) if b.isVisible()]
    end_now = next(b for b in box.buttons() if b.text() == messages.END_NOW)
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    tab_to(qtbot, end_now)
    press(qtbot, Qt.Key.Key_Space)
    after = window.practice.checkin_after
    qtbot.waitUntil(after.isVisible)
    window.activateWindow()  # a desktop gives the window back its focus as the question closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is after.done_button)
    press(qtbot, Qt.Key.Key_Return)  # Save the check-in after
    qtbot.waitUntil(lambda: not after.isVisible())
    assert QApplication.focusWidget() is window.practice.back_button
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)
    assert "1 of 3 min" in window.today.recent.item(0).text()

    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (40, False)
    assert record.checkin_before.critic == 6
    assert record.checkin_after is not None
