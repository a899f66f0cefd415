"""Letter writing as a practice: chosen on Today, it breathes first, then opens a new letter."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compassion_app import messages
from helpers.screens import practices_on_disk


def begin_from_today(qtbot, window, exercise_id):
    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData(exercise_id))
    qtbot.mouseClick(today.begin_button, Qt.MouseButton.LeftButton)


def test_the_letter_practice_breathes_then_opens_the_letter_with_the_cursor_in_it(qtbot, window):
    begin_from_today(qtbot, window, "letter-lead-in")
    letters = window.letters
    assert window.current_screen is letters
    assert letters.currentWidget() is letters.lead
    assert letters.lead.heading.text() == "Before a compassionate letter"
    window.clock.now += 60
    qtbot.waitUntil(lambda: letters.lead.time_left.text() == "2:00 left")
    assert letters.currentWidget() is letters.lead  # still breathing

    window.clock.now += 121
    qtbot.waitUntil(lambda: letters.currentWidget() is letters.editor)
    editor = letters.editor
    assert editor.body.toPlainText() == "Dear me,\n\n"  # a new letter, as the compassionate self
    assert editor.prompts_card.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.body)
    qtbot.keyClicks(editor.body, "I see how hard")  # typed where the cursor is
    assert editor.body.toPlainText() == "Dear me,\n\nI see how hard"

    (record,) = practices_on_disk(window)
    assert (record.exercise_id, record.actual_seconds, record.completed) == (
        "letter-lead-in", 180, True,
    )  # fmt: skip


def test_going_to_the_page_early_still_counts_the_breathing(qtbot, window):
    begin_from_today(qtbot, window, "letter-lead-in")
    letters = window.letters
    window.clock.now += 30
    qtbot.waitUntil(lambda: letters.lead.time_left.text() == "2:30 left")
    qtbot.mouseClick(letters.lead.skip_button, Qt.MouseButton.LeftButton)
    assert letters.currentWidget() is letters.editor
    (record,) = practices_on_disk(window)
    assert (record.exercise_id, record.actual_seconds, record.completed) == (
        "letter-lead-in", 30, False,
    )  # fmt: skip


def test_the_rooms_own_minute_of_breath_keeps_its_heading(qtbot, window):
    window.show_letters()
    letters = window.letters
    letters.begin_letter(None, breathe_first=True)
    assert letters.lead.heading.text() == messages.LETTER_LEAD_IN_HEADING
    assert letters.lead.time_left.text() == "1:00 left"


def test_behind_a_passphrase_the_new_letter_waits_until_the_passphrase_is_given(qtbot, window):
    from compassion_app.store.passphrase import protect

    protect(window.store.folder, "a quiet harbour")
    begin_from_today(qtbot, window, "letter-lead-in")
    letters = window.letters
    assert letters.currentWidget() is letters.lead  # breathing needs no letters
    window.clock.now += 181
    qtbot.waitUntil(lambda: letters.currentWidget() is letters.lock)
    qtbot.keyClicks(letters.lock.first, "a quiet harbour")
    qtbot.keyClick(letters.lock.first, Qt.Key.Key_Return)
    assert letters.currentWidget() is letters.editor
    assert letters.editor.body.toPlainText() == "Dear me,\n\n"
