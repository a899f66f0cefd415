"""End gently in the safety dialog: only inside a practice; a grounding, then a kind end."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from compassion_app import messages
from compassion_app.ui.screens.safety import SafetyDialog
from helpers.keyboard import shortcuts_ready
from helpers.screens import begin, practices_on_disk


def open_safety(qtbot, window, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SafetyDialog)))
    return next(d for d in window.findChildren(SafetyDialog) if d.isVisible())


def label_texts(dialog):
    return [label.text() for label in dialog.findChildren(QLabel)]


def button_texts(dialog):
    return [b.text() for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton)]


def test_ending_gently_grounds_then_ends_kindly_and_saves_the_minutes_practised(qtbot, window):
    begin(qtbot, window, 5)
    window.clock.now += 130
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:50 left")

    dialog = open_safety(qtbot, window, window.practice.overwhelmed_button)
    assert messages.SAFETY_END_GENTLY in button_texts(dialog)
    assert messages.SAFETY_END_GENTLY_HELP in label_texts(dialog)  # said before it is chosen
    window.clock.now += 40  # reading the dialog: the practice waits, paused
    qtbot.mouseClick(dialog.end_gently_button, Qt.MouseButton.LeftButton)

    grounding = window.practice.grounding
    qtbot.waitUntil(grounding.isVisible)
    assert grounding.line.text() == messages.GROUNDING_LINES[0]
    window.clock.now += 20
    qtbot.waitUntil(lambda: grounding.line.text() == messages.GROUNDING_LINES[2])
    assert not window.practice.thanks.isVisible()  # the end screen waits for the grounding

    window.clock.now += 30
    qtbot.waitUntil(window.practice.thanks.isVisible)
    assert window.practice.thanks.text() == messages.ENDED_GENTLY_THANKS
    summary = window.practice.summary.text()
    assert "2 minutes" in summary and "saved" in summary
    for harsh in ("incomplete", "failed", "unfinished"):
        assert harsh not in summary.lower()

    (record,) = practices_on_disk(window)
    assert (record.exercise_id, record.completed) == ("soothing-rhythm-breathing", False)
    assert record.actual_seconds == 130  # the practice itself, not the dialog or the grounding


def test_go_on_leaves_the_grounding_for_the_end_screen_at_once(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 20
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:40 left")
    dialog = open_safety(qtbot, window, window.practice.overwhelmed_button)
    qtbot.mouseClick(dialog.end_gently_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.practice.grounding.isVisible)
    qtbot.mouseClick(window.practice.grounding.go_on_button, Qt.MouseButton.LeftButton)
    assert window.practice.thanks.isVisible()
    assert "less than a minute" in window.practice.summary.text()


def test_outside_a_practice_the_dialog_offers_no_end_gently(qtbot, window):
    dialog = open_safety(qtbot, window, window.today.safety_link)
    assert dialog.end_gently_button is None
    assert messages.SAFETY_END_GENTLY not in button_texts(dialog)
    assert button_texts(dialog) == ["Close"]
    assert messages.SAFETY_END_GENTLY_HELP not in label_texts(dialog)


def test_closing_the_dialog_leaves_the_practice_as_it_was(qtbot, window):
    begin(qtbot, window, 3)
    dialog = open_safety(qtbot, window, window.practice.overwhelmed_button)
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.practising
    assert not window.practice.grounding.isVisible()
    assert practices_on_disk(window) == []


def test_the_help_key_during_a_practice_offers_end_gently_too(qtbot, window):
    begin(qtbot, window, 3)
    shortcuts_ready(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    (dialog,) = [d for d in window.findChildren(SafetyDialog) if d.isVisible()]
    assert messages.SAFETY_END_GENTLY in button_texts(dialog)
    qtbot.mouseClick(dialog.end_gently_button, Qt.MouseButton.LeftButton)
    assert window.practice.grounding.isVisible()
    window.clock.now += 60
    qtbot.waitUntil(window.practice.thanks.isVisible)
    (record,) = practices_on_disk(window)
    assert not record.completed


def test_closing_the_window_during_the_grounding_asks_nothing_and_keeps_the_practice(qtbot, window):
    begin(qtbot, window, 3)
    window.clock.now += 45
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "2:15 left")
    window.practice.end_gently()
    assert window.practice.grounding.isVisible()
    window.close()  # the practice has ended: no "end this practice now?" question
    assert not window.isVisible()
    (record,) = practices_on_disk(window)
    assert (record.actual_seconds, record.completed) == (45, False)


def test_enter_in_the_dialog_keeps_the_practice(qtbot, window):
    begin(qtbot, window, 3)
    dialog = open_safety(qtbot, window, window.practice.overwhelmed_button)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.practising and not window.practice.grounding.isVisible()


def test_when_saving_fails_the_end_screen_says_so_truly_and_kindly(qtbot, window):
    from compassion_app.core.durations import practised_time
    from helpers.letter_disk import full_disk

    begin(qtbot, window, 3)
    window.clock.now += 90
    qtbot.waitUntil(lambda: window.practice.time_left.text() == "1:30 left")
    with full_disk():
        window.practice.end_gently()
    qtbot.mouseClick(window.practice.grounding.go_on_button, Qt.MouseButton.LeftButton)
    summary = window.practice.summary.text()
    assert summary == messages.ENDED_GENTLY_NOT_SAVED.format(time=practised_time(90))
    assert "it is saved" not in summary
    (record,) = practices_on_disk(window)  # kept waiting, then saved when the store closed
    assert (record.actual_seconds, record.completed) == (90, False)
