"""Letters in the real window: a tab beside Today, writing counts as practice, closing saves."""

from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.store.db import Store
from helpers.screens import practices_on_disk


def open_letters(qtbot, window):
    tab = next(tab for tab in window._tabs if tab.text() == messages.LETTERS_TAB)
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.letters
    assert tab.isChecked()


def test_letters_is_a_tab_and_a_letter_can_be_begun_from_it(qtbot, window):
    open_letters(qtbot, window)
    letters = window.letters
    qtbot.mouseClick(letters.archive.begin_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(letters.chooser.buttons["compassionate-self"], Qt.MouseButton.LeftButton)
    assert letters.editor.prompts_card.isVisible()


def test_closing_the_window_saves_the_last_words_typed(qtbot, window):
    open_letters(qtbot, window)
    window.letters.begin_letter(None)
    qtbot.keyClicks(window.letters.editor.body, "The very last words")
    window.close()  # no time for autosave: closing must save them
    window.store.close()
    with Store.open(window.store_path) as reopened:
        (summary,) = reopened.letters()
        assert reopened.letter(summary.letter_id).body == "The very last words"


def test_time_spent_writing_counts_in_todays_minutes(qtbot, window):
    open_letters(qtbot, window)
    window.letters.begin_letter(None)
    editor = window.letters.editor
    for _ in range(5):  # five minutes of steady writing
        qtbot.keyClicks(editor.body, "kind words ")
        window.clock.now += 60
    qtbot.keyClicks(editor.body, ".")
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window._tabs[0], Qt.MouseButton.LeftButton)
    assert window.today.minutes_today.text() == "5"
    (record,) = practices_on_disk(window)
    assert record.exercise_id == "letter" and record.actual_seconds == 300


def choose_with_breath(qtbot, window, template_id):
    letters = window.letters
    qtbot.mouseClick(letters.archive.begin_button, Qt.MouseButton.LeftButton)
    assert letters.chooser.breathe_first.isVisible()
    letters.chooser.breathe_first.setChecked(True)
    qtbot.mouseClick(letters.chooser.buttons[template_id], Qt.MouseButton.LeftButton)
    assert letters.currentWidget() is letters.lead


def test_a_minute_of_soothing_breath_can_lead_into_the_letter(qtbot, window):
    open_letters(qtbot, window)
    choose_with_breath(qtbot, window, "to-the-critic")
    letters = window.letters
    window.clock.now += 20
    qtbot.waitUntil(lambda: letters.lead.time_left.text() == "0:40 left")
    window.clock.now += 41
    qtbot.waitUntil(lambda: letters.currentWidget() is letters.editor)
    assert letters.editor.body.toPlainText() == "Dear critic,\n\n"
    (record,) = practices_on_disk(window)
    assert record.exercise_id == "soothing-rhythm-breathing"
    assert record.actual_seconds == 60 and record.completed


def test_the_breath_can_be_left_for_the_page_at_any_moment_and_still_counts(qtbot, window):
    open_letters(qtbot, window)
    choose_with_breath(qtbot, window, None)
    letters = window.letters
    window.clock.now += 15
    qtbot.waitUntil(lambda: letters.lead.time_left.text() == "0:45 left")
    qtbot.mouseClick(letters.lead.skip_button, Qt.MouseButton.LeftButton)
    assert letters.currentWidget() is letters.editor
    assert letters.editor.body.toPlainText() == ""
    (record,) = practices_on_disk(window)
    assert record.actual_seconds == 15 and not record.completed


def test_time_spent_writing_is_named_plainly_in_recent(qtbot, window):
    from compassion_app import messages
    from compassion_app.core.letters import writing_practice

    window.store.add_practice(writing_practice(300))
    window.today.refresh()
    assert window.today.recent.item(0).text().startswith(f"Today  ·  {messages.WRITING_A_LETTER}")
