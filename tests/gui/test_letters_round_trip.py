"""Any words at all come back exactly: a 1 MB letter, emoji, right-to-left, CJK, combining marks."""

import pytest

from compassion_app import messages
from compassion_app.ui.screens.letters import LettersScreen
from helpers.letter_disk import open_store

MIXED = (
    "Dear me 😊🌿👩🏽‍🦱,\n\n"  # emoji, with a skin tone and a zero-width joiner
    "مرحبا، أنت بخير. שלום לך.\n"  # right to left
    "你好，慢慢来。こんにちは。안녕하세요.\n"  # CJK
    "Cafe\u0301, n\u0303, Z\u0351\u0300a\u0308lgo\u0336.\n"  # combining marks
    "\u200f\u200e tabs\tand  spaces  \n\n\n"  # direction marks, tabs, runs of spaces
)


@pytest.mark.parametrize("body", [MIXED, (MIXED * 4000)[: 1 << 20]], ids=["unicode", "1-MB"])
def test_a_letter_typed_into_the_editor_comes_back_identical(qtbot, tmp_path, body):
    store = open_store(tmp_path)
    screen = LettersScreen(store)
    qtbot.addWidget(screen)
    screen.begin_letter(None)
    screen.editor.title.setText("Für dich 😊 — 你好")
    screen.editor.body.setPlainText(body)  # as pasted: one change, then the save
    assert screen.editor.save_now()
    assert screen.editor.status.text() == messages.LETTER_SAVED
    store.close()

    again = open_store(tmp_path)
    (summary,) = again.letters()
    letter = again.letter(summary.letter_id)
    assert letter.body == body
    assert letter.title == "Für dich 😊 — 你好"
    again.close()
