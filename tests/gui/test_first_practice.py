"""The first practice as a new user meets it: nothing misleads, nothing is lost."""

import errno

from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.store import storage
from helpers.screens import begin, practices_on_disk


def test_closing_the_window_at_the_check_in_saves_nothing(qtbot, window):
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert window.practice.checkin.isVisible()  # "Before you begin"
    window.clock.now += 20
    window.close()
    assert practices_on_disk(window) == []


def test_the_end_screen_says_so_when_the_practice_could_not_be_saved(qtbot, window, monkeypatch):
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    begin(qtbot, window, 1)
    monkeypatch.setattr(storage, "write_temp_file", disk_full)
    window.clock.now += 61
    qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
    summary = window.practice.summary.text()
    assert "It has been saved" not in summary
    assert "will be saved as soon as saving works again" in summary
    assert any("the disk is full" in notice for notice in window.notices.texts())
    assert window.store.pending_count == 1  # kept, as the screen says

    monkeypatch.undo()  # space again: the next save carries the kept practice with it
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    begin(qtbot, window, 1)
    window.clock.now += 61
    qtbot.waitUntil(lambda: "It has been saved" in window.practice.summary.text())
    assert len(practices_on_disk(window)) == 2


def test_the_end_screen_and_recent_agree_on_a_short_practice(qtbot, window):
    for seconds, sentence, listed in (
        (21, "less than a minute", "under 1 of 3 min"),
        (45, "1 minute", "1 of 3 min"),
    ):
        begin(qtbot, window, 3)
        window.clock.now += seconds
        qtbot.waitUntil(
            lambda s=seconds: (
                window.practice.time_left.text() == f"{(180 - s) // 60}:{(180 - s) % 60:02d} left"
            )
        )
        window.practice.controller.end_early()
        qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
        assert f"You practised for {sentence}." in window.practice.summary.text()
        qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
        assert window.today.recent.item(0).text().endswith(listed)
