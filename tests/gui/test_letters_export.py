"""Copies of letters: Markdown and PDF files with the right words, readable only by their owner."""

import shutil
import stat
import subprocess
from datetime import UTC, datetime

import pytest

from compassion_app import messages
from compassion_app.core.letters import Letter
from compassion_app.ui.screens.letters import LettersScreen
from helpers.letter_disk import open_store

UNICODE = "Dear me 😊,\n\nمرحبا بك. 你好，慢慢来。 Café, e\u0301, naïve.\n\nWith warmth."


@pytest.fixture
def screen(qtbot, tmp_path):
    shelf = open_store(tmp_path / "data")
    when = datetime(2026, 2, 3, 10, tzinfo=UTC)
    shelf.save_letter(Letter("Winter", UNICODE, when, when, finished=True, letter_id="a"))
    later = datetime(2026, 2, 9, 10, tzinfo=UTC)
    shelf.save_letter(Letter("Spring", "Small green shoots.", later, later, letter_id="b"))
    screen = LettersScreen(shelf)
    qtbot.addWidget(screen)
    screen.notices = []
    screen.notice.connect(screen.notices.append)
    yield screen
    shelf.close()


def pdf_text(path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def private(path):
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_one_letter_as_markdown_holds_its_words_exactly(screen, tmp_path):
    path = tmp_path / "winter.md"
    assert screen.save_copy([screen._shelf.letter("a")], path) == path
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Winter\n")
    assert UNICODE in text
    assert "finished" in text
    assert private(path)
    assert screen.notices == [messages.LETTER_EXPORTED.format(path=path)]


def test_all_letters_as_pdf_newest_first_with_their_text(screen, tmp_path):
    path = tmp_path / "all.pdf"
    screen.save_copy_of_all(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert private(path)
    text = pdf_text(path)
    assert text.index("Spring") < text.index("Winter")
    assert "Small green shoots." in text
    assert "With warmth." in text and "Café" in text


def test_an_existing_open_file_becomes_private(screen, tmp_path):
    path = tmp_path / "old.md"
    path.write_text("old")
    path.chmod(0o644)
    screen.save_copy([screen._shelf.letter("b")], path)
    assert private(path) and "Small green shoots." in path.read_text()


def test_a_copy_that_cannot_be_written_says_so_and_changes_nothing(screen, tmp_path):
    missing = tmp_path / "no-such-folder" / "x.md"
    assert screen.save_copy([screen._shelf.letter("a")], missing) is None
    assert screen.notices[-1] == messages.LETTER_NOT_EXPORTED.format(
        reason=messages.REASON_MISSING.format(place=missing)
    )
    assert screen._shelf.letter("a").body == UNICODE
