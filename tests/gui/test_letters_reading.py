"""Re-reading: passage by passage, the gentle second look, reading aloud with no microphone."""

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compassion_app import messages
from compassion_app.audio.recorder import RecordingUnavailable
from compassion_app.core.letters import Letter
from compassion_app.ui.screens.letters import LettersScreen
from helpers.letter_disk import open_store

BODY = "Dear me,\n\nYou should have known better, they said.\n\nBut you were tired. Rest now."


class NoMicrophone:
    sample_rate = 48_000

    def start(self):
        raise RecordingUnavailable(messages.LETTER_NO_MICROPHONE, "no input device")


@pytest.fixture
def shelf(tmp_path):
    store = open_store(tmp_path)
    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    store.save_letter(Letter("A kind word", BODY, now, now, finished=True, letter_id="kind"))
    yield store
    store.close()


@pytest.fixture
def screen(qtbot, shelf):
    screen = LettersScreen(shelf, recorder_factory=NoMicrophone)
    qtbot.addWidget(screen)
    screen.show()
    screen.open_letter("kind")
    assert screen.currentWidget() is screen.reader
    return screen


def test_a_finished_letter_is_read_one_passage_at_a_time_at_the_readers_pace(qtbot, screen):
    reader = screen.reader
    assert "Dear me," in reader.passage.text()
    assert reader.position.text() == "1 of 3"
    assert reader.previous_button.isHidden()
    qtbot.keyClick(reader, Qt.Key.Key_Right)
    assert "should have known" in reader.passage.text()
    qtbot.keyClick(reader, Qt.Key.Key_Space)
    assert "Rest now." in reader.passage.text()
    assert reader.next_button.isHidden()
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    assert reader.position.text() == "2 of 3"


def test_reading_mode_uses_large_type_and_generous_spacing(screen):
    points = float(re.search(r"font-size:([0-9.]+)pt", screen.reader.passage.text()).group(1))
    assert points >= 2 * QApplication.font().pointSizeF()  # twice the person's own text size
    assert "line-height:175%" in screen.reader.passage.text()


def test_reading_mode_grows_with_the_persons_text_size(qapp, screen):
    font = qapp.font()
    larger = type(font)(font)
    larger.setPointSizeF(font.pointSizeF() * 2)  # 200 % text
    qapp.setFont(larger)
    try:
        qapp.processEvents()  # the new size reaches each widget as an event
        screen.reader.show_next()
        assert f"font-size:{font.pointSizeF() * 4.2:.1f}pt" in screen.reader.passage.text()
    finally:
        qapp.setFont(font)


def test_the_second_look_is_off_until_asked_for_and_then_marks_softly(qtbot, screen, shelf):
    reader = screen.reader
    reader.show_next()
    assert not reader.second_look.isChecked()
    assert "background" not in reader.passage.text()
    assert not reader.questions.isVisible()
    reader.second_look.setChecked(True)
    assert "<span style='background:#f7e6cf'>should have</span>" in reader.passage.text()
    assert messages.LETTER_CRITIC_DEMAND in reader.questions.text()
    assert reader.questions.isVisible()
    assert shelf.get_setting("letters.second_look", False) is True  # remembered for next time
    assert [letter.body for letter in shelf.letter_versions("kind")] == [BODY]  # never changed


def test_no_microphone_explains_kindly_and_nothing_else_changes(qtbot, screen, shelf):
    aloud = screen.reader.aloud
    qtbot.mouseClick(aloud.record_button, Qt.MouseButton.LeftButton)
    assert aloud.status.text() == messages.LETTER_NO_MICROPHONE
    assert aloud.record_button.text() == messages.LETTER_RECORD
    assert not aloud.meter.isVisible()
    assert screen.currentWidget() is screen.reader
    assert "Dear me," in screen.reader.passage.text()
    assert list(shelf.letter_folder("kind").iterdir()) == []
