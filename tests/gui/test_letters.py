"""The Letters room driven like a person would: pick a way in, type, see it kept, re-read it."""

import errno
from html import escape

import pytest
from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.core.letter_templates import template
from compassion_app.ui.screens.letters import LettersScreen
from helpers.fakes import FakeTime
from helpers.letter_disk import body_on_disk, full_disk, open_store


@pytest.fixture
def shelf(tmp_path):
    store = open_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def screen(qtbot, shelf):
    clock = FakeTime()
    screen = LettersScreen(shelf, now=clock)
    screen.clock = clock
    qtbot.addWidget(screen)
    screen.resize(900, 640)
    screen.show()
    return screen


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def begin(qtbot, screen, template_id):
    click(qtbot, screen.archive.begin_button)
    assert screen.currentWidget() is screen.chooser
    click(qtbot, screen.chooser.buttons[template_id])
    assert screen.currentWidget() is screen.editor


def type_and_wait(qtbot, screen, text, seconds=1.0):
    qtbot.keyClicks(screen.editor.body, text)
    screen.clock.now += seconds
    qtbot.wait(2 * 100 + 20)  # two autosave polls


def test_a_template_opens_with_its_steps_beside_the_page(qtbot, screen):
    begin(qtbot, screen, "to-the-critic")
    chosen = template("to-the-critic")
    assert screen.editor.prompts_card.isVisible()
    for step in chosen.prompts:
        assert escape(step) in screen.editor.prompts.text()
    assert screen.editor.body.toPlainText() == chosen.opening


def test_a_blank_letter_has_an_empty_page_and_no_prompts(qtbot, screen):
    begin(qtbot, screen, None)
    assert screen.editor.body.toPlainText() == ""
    assert not screen.editor.prompts_card.isVisible()


def test_typing_is_saved_soon_and_only_then_says_saved(qtbot, screen, shelf, tmp_path):
    begin(qtbot, screen, "to-a-friend")
    qtbot.keyClicks(screen.editor.body, "You did your best.")
    assert screen.editor.status.text() == ""  # nothing claimed before the store has it
    assert shelf.letters() == []
    screen.clock.now += 1.0
    qtbot.waitUntil(lambda: screen.editor.status.text() == messages.LETTER_SAVED)
    (summary,) = shelf.letters()
    assert shelf.letter(summary.letter_id).template_id == "to-a-friend"
    shelf.close()
    assert body_on_disk(tmp_path) == "Dear friend,\n\nYou did your best."


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "is not allowed to write")],
    ids=["full disk", "read-only folder"],
)
def test_a_failed_save_says_the_words_are_kept_and_a_retry_saves_them(
    qtbot, screen, shelf, tmp_path, code, reason
):
    begin(qtbot, screen, None)
    notices = []
    screen.notice.connect(notices.append)
    with full_disk(code):
        type_and_wait(qtbot, screen, "Held gently.")
        qtbot.waitUntil(lambda: screen.editor.status.text() == messages.LETTER_KEPT)
        assert screen.editor.body.toPlainText() == "Held gently."
        assert len(notices) == 1 and reason in notices[0]
        screen.clock.now += 2.5
        qtbot.wait(250)  # a retry while the disk is still full: still kept, not "saved"
        assert screen.editor.status.text() == messages.LETTER_KEPT
        assert len(notices) == 1  # said once, not at every retry
    screen.clock.now += 2.5  # the retry comes by itself, with no new typing
    qtbot.waitUntil(lambda: screen.editor.status.text() == messages.LETTER_SAVED)
    shelf.close()
    assert body_on_disk(tmp_path) == "Held gently."


def test_leaving_while_saving_fails_keeps_the_words_on_screen(qtbot, screen, shelf):
    begin(qtbot, screen, None)
    qtbot.keyClicks(screen.editor.body, "Still here.")
    with full_disk():
        click(qtbot, screen.editor.back_button)
    assert screen.currentWidget() is screen.editor
    assert screen.editor.body.toPlainText() == "Still here."
    click(qtbot, screen.editor.back_button)
    assert screen.currentWidget() is screen.archive
    assert "Untitled letter" in screen.archive.titles()[0]


def test_finishing_then_revising_keeps_the_earlier_version(qtbot, screen, shelf):
    begin(qtbot, screen, None)
    qtbot.keyClicks(screen.editor.title, "For a hard Tuesday")
    qtbot.keyClicks(screen.editor.body, "First words.")
    click(qtbot, screen.editor.finish_button)
    assert screen.currentWidget() is screen.reader
    assert "First words." in screen.reader.passage.text()
    click(qtbot, screen.reader.revise_button)
    assert screen.currentWidget() is screen.editor
    assert "Version 2" in screen.editor.status.text()
    qtbot.keyClicks(screen.editor.body, " Kinder words.")
    click(qtbot, screen.editor.finish_button)
    (summary,) = shelf.letters()
    bodies = [letter.body for letter in shelf.letter_versions(summary.letter_id)]
    assert bodies == ["First words.", "First words. Kinder words."]
    click(qtbot, screen.reader.back_button)
    assert screen.archive.titles()[0].startswith("For a hard Tuesday")
    assert "2 versions" in screen.archive.titles()[0]


def test_a_draft_reopens_in_the_editor_and_carries_on(qtbot, screen, shelf):
    begin(qtbot, screen, None)
    qtbot.keyClicks(screen.editor.body, "Begun.")
    click(qtbot, screen.editor.back_button)
    screen.archive.list.setCurrentRow(0)
    item = screen.archive.list.item(0)
    screen.archive.list.itemActivated.emit(item)
    assert screen.currentWidget() is screen.editor
    assert screen.editor.body.toPlainText() == "Begun."


def test_search_finds_words_in_bodies_and_says_kindly_when_nothing_matches(qtbot, screen, shelf):
    for title, body in (("Rain", "The walk in the rain helped."), ("Work", "A long day.")):
        begin(qtbot, screen, None)
        qtbot.keyClicks(screen.editor.title, title)
        qtbot.keyClicks(screen.editor.body, body)
        click(qtbot, screen.editor.back_button)
    assert len(screen.archive.titles()) == 2
    qtbot.keyClicks(screen.archive.search, "RAIN")
    assert [t.split("  ·  ")[0] for t in screen.archive.titles()] == ["Rain"]
    screen.archive.search.clear()
    qtbot.keyClicks(screen.archive.search, "zebra")
    assert screen.archive.titles() == []
    assert screen.archive.empty.text() == messages.LETTERS_NO_MATCH


def test_an_empty_archive_invites_without_pressure(screen):
    assert screen.archive.empty.isVisible()
    assert screen.archive.empty.text() == messages.LETTERS_EMPTY


def test_the_gentle_timer_counts_down_quietly(qtbot, screen):
    click(qtbot, screen.archive.begin_button)
    screen.chooser.timer.setCurrentIndex(screen.chooser.timer.findData(5))
    click(qtbot, screen.chooser.buttons[None])
    qtbot.waitUntil(lambda: screen.editor.time_left.text() == "5:00 left")
    screen.clock.now += 61
    qtbot.waitUntil(lambda: screen.editor.time_left.text() == "3:59 left")
    screen.clock.now += 240
    qtbot.waitUntil(lambda: "are up" in screen.editor.time_left.text())


def test_typing_without_a_pause_is_saved_while_typing_not_only_after(qtbot, screen, shelf):
    begin(qtbot, screen, None)
    for _ in range(40):  # a key every 60 ms of real time and 0.1 s on the editor's clock
        qtbot.keyClicks(screen.editor.body, "a")
        screen.clock.now += 0.1
        qtbot.wait(60)
    (summary,) = shelf.letters()
    assert len(shelf.letter(summary.letter_id).body) >= 40 - 17  # at most 1.5 s (15 keys) behind


def test_one_click_on_a_letter_in_the_archive_opens_it(qtbot, screen):
    begin(qtbot, screen, None)
    qtbot.keyClicks(screen.editor.body, "Open me.")
    click(qtbot, screen.editor.finish_button)
    click(qtbot, screen.reader.back_button)
    archive = screen.archive.list
    rect = archive.visualItemRect(archive.item(0))
    qtbot.mouseClick(archive.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.currentWidget() is screen.reader
    assert "Open me." in screen.reader.passage.text()


def test_enter_presses_the_focused_button_as_people_expect(qtbot, screen):
    screen.archive.begin_button.setFocus()
    qtbot.keyClick(screen.archive.begin_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.chooser)
    button = screen.chooser.buttons["to-a-friend"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.editor)
