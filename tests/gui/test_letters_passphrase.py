"""Protecting letters with a passphrase, through the screens: said plainly, asked first, locks."""

import pytest
from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.store.passphrase import is_protected, protect
from compassion_app.ui.screens.letters import LettersScreen
from helpers.letter_disk import open_store


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def shelf(tmp_path):
    store = open_store(tmp_path)
    yield store
    store.close()


def make(qtbot, shelf, folder, **options):
    screen = LettersScreen(shelf, key_folder=folder, **options)
    qtbot.addWidget(screen)
    screen.show()
    screen.notices = []
    screen.notice.connect(screen.notices.append)
    return screen


def test_protecting_says_first_that_a_forgotten_passphrase_cannot_be_recovered(
    qtbot, shelf, tmp_path
):
    screen = make(qtbot, shelf, tmp_path)
    click(qtbot, screen.archive.protect_button)
    lock = screen.lock
    assert screen.currentWidget() is lock
    assert "cannot be recovered" in lock.intro.text()
    qtbot.keyClicks(lock.first, "short")
    qtbot.keyClicks(lock.again, "short")
    click(qtbot, lock.confirm)
    assert lock.problem.text() == messages.LETTER_PASSPHRASE_SHORT
    assert not is_protected(tmp_path)
    lock.first.clear()
    lock.again.clear()
    qtbot.keyClicks(lock.first, "a quiet harbour")
    qtbot.keyClicks(lock.again, "a quiet harbor")
    click(qtbot, lock.confirm)
    assert lock.problem.text() == messages.LETTER_PASSPHRASES_DIFFER
    lock.again.clear()
    qtbot.keyClicks(lock.again, "a quiet harbour")
    click(qtbot, lock.confirm)
    assert is_protected(tmp_path)
    assert screen.currentWidget() is screen.archive
    assert screen.notices == [messages.LETTER_NOW_PROTECTED]
    assert screen.archive.protect_button.text() == messages.LETTER_CHANGE_PASSPHRASE


def test_a_protected_archive_asks_for_the_passphrase_before_anything_else(qtbot, shelf, tmp_path):
    protect(tmp_path, "a quiet harbour")
    screen = make(qtbot, shelf, tmp_path)
    assert screen.locked
    screen.show_archive()  # nothing gets past the lock
    assert screen.locked
    qtbot.keyClicks(screen.lock.first, "a loud harbour")
    click(qtbot, screen.lock.confirm)
    assert screen.lock.problem.text() == messages.LETTER_WRONG_PASSPHRASE
    assert screen.locked
    screen.lock.first.clear()
    qtbot.keyClicks(screen.lock.first, "a quiet harbour")
    qtbot.keyClick(screen.lock.first, Qt.Key.Key_Return)
    assert not screen.locked
    assert screen.currentWidget() is screen.archive


def test_after_a_quiet_while_the_archive_locks_itself_and_the_words_are_saved_first(
    qtbot, shelf, tmp_path
):
    protect(tmp_path, "a quiet harbour")
    screen = make(qtbot, shelf, tmp_path, idle_lock_ms=300)
    qtbot.keyClicks(screen.lock.first, "a quiet harbour")
    click(qtbot, screen.lock.confirm)
    screen.begin_letter(None)
    qtbot.keyClicks(screen.editor.body, "Private words.")
    qtbot.waitUntil(lambda: screen.locked, timeout=3000)
    assert screen.lock.intro.text() == messages.LETTER_LOCKED_IDLE
    (summary,) = shelf.letters()
    assert shelf.letter(summary.letter_id).body == "Private words."
    qtbot.keyClicks(screen.lock.first, "a quiet harbour")
    click(qtbot, screen.lock.confirm)
    assert screen.currentWidget() is screen.editor  # back where the person was
    assert screen.editor.body.toPlainText() == "Private words."


def test_changing_the_passphrase_needs_the_current_one(qtbot, shelf, tmp_path):
    protect(tmp_path, "a quiet harbour")
    screen = make(qtbot, shelf, tmp_path)
    qtbot.keyClicks(screen.lock.first, "a quiet harbour")
    click(qtbot, screen.lock.confirm)
    click(qtbot, screen.archive.protect_button)
    lock = screen.lock
    qtbot.keyClicks(lock.old, "not the one")
    qtbot.keyClicks(lock.first, "a bright morning")
    qtbot.keyClicks(lock.again, "a bright morning")
    click(qtbot, lock.confirm)
    assert lock.problem.text() == messages.LETTER_WRONG_PASSPHRASE
    lock.old.clear()
    qtbot.keyClicks(lock.old, "a quiet harbour")
    click(qtbot, lock.confirm)
    assert screen.notices[-1] == messages.LETTER_PASSPHRASE_CHANGED
    from compassion_app.store.passphrase import unlock

    unlock(tmp_path, "a bright morning")  # opens with the new one


PHRASE = "the lighthouse keeper"  # a known phrase to look for in every file on disk


def plain_copies(folder):
    needle = PHRASE.encode()
    return [path for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()]


def test_once_protected_no_letter_words_are_left_in_plain_on_disk(qtbot, tmp_path):
    store = open_store(tmp_path)
    screen = make(qtbot, store, tmp_path)
    screen.begin_letter(None)
    qtbot.keyClicks(screen.editor.body, f"Before: {PHRASE}.")
    click(qtbot, screen.editor.back_button)
    assert plain_copies(tmp_path)  # the check can see plain words when they are there
    click(qtbot, screen.archive.protect_button)
    for field in (screen.lock.first, screen.lock.again):
        qtbot.keyClicks(field, "a quiet harbour")
    click(qtbot, screen.lock.confirm)
    screen.begin_letter(None)
    qtbot.keyClicks(screen.editor.title, PHRASE)
    qtbot.keyClicks(screen.editor.body, f"After: {PHRASE}.")
    click(qtbot, screen.editor.back_button)
    assert screen.archive.search.text() == ""
    qtbot.keyClicks(screen.archive.search, "lighthouse")
    assert len(screen.archive.titles()) == 2  # search still works, in memory
    store.close()
    assert plain_copies(tmp_path) == []

    again = open_store(tmp_path)
    reopened = make(qtbot, again, tmp_path)
    assert reopened.locked
    qtbot.keyClicks(reopened.lock.first, "a quiet harbour")
    click(qtbot, reopened.lock.confirm)
    bodies = sorted(again.letter(each.letter_id).body for each in again.letters())
    assert bodies == [f"After: {PHRASE}.", f"Before: {PHRASE}."]
    again.close()


def test_progress_opens_while_letters_are_locked_and_shows_none_of_their_titles(qtbot, tmp_path):
    from datetime import UTC, datetime

    from compassion_app.core.letters import Letter
    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    store = open_store(tmp_path)
    now = datetime.now(UTC)
    store.save_letter(Letter("A private title", "words", now, now))
    store.set_letter_cipher(protect(tmp_path, "a quiet harbour"))
    store.close()
    store = open_store(tmp_path)
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
    qtbot.addWidget(window)
    window.show()
    window.show_progress()  # the Letters room has not been unlocked: no error, a calm page
    assert window.progress_screen.isVisible()
    store.close()
