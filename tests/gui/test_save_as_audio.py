"""Save as audio…: Today's chosen practice and length, written to a file with a bar, the window
free meanwhile; a failure is said plainly and leaves no file that looks finished."""

import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from compassion_app import messages


def _choose(window, exercise_id, minutes):
    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData(exercise_id))
    today.minutes.setCurrentIndex(today.minutes.findData(minutes))


def _answer_the_file_dialog_with(monkeypatch, path):
    """The system's save dialog cannot be driven offscreen; it answers with `path`."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


def test_the_chosen_practice_is_written_whole_with_a_bar_that_fills(
    qtbot, window, tmp_path, monkeypatch
):
    _choose(window, "soothing-rhythm-breathing", 1)
    _answer_the_file_dialog_with(monkeypatch, tmp_path / "walk")  # no suffix: .ogg is added
    qtbot.mouseClick(window.today.save_audio_button, Qt.MouseButton.LeftButton)
    export = window.audio_export
    shares = []
    export.worker.progressed.connect(shares.append)
    assert export.isVisible()
    with qtbot.waitSignal(export.finished_writing, timeout=60_000) as said:
        pass
    written = tmp_path / "walk.ogg"
    info = soundfile.info(str(written))
    assert info.format == "OGG"
    timeline = export.worker._timeline
    assert timeline.minutes == 1
    assert info.frames == timeline.total_frames  # the whole minute and the end bell's ring-out
    assert said.args[0] == messages.SAVE_AUDIO_DONE.format(
        title=window._library.get("soothing-rhythm-breathing").title, path=written
    )
    assert said.args[0] in window.notices.texts()
    assert not export.isVisible()
    # The bar moved step by step while the window's own loop ran (the work is in a thread).
    assert len(shares) > 1 and shares[-1] == 1.0
    assert export.bar.value() == 100
    assert not list(tmp_path.glob("*partial*"))


def test_a_folder_that_cannot_be_written_is_told_kindly_and_leaves_nothing(
    qtbot, window, tmp_path, monkeypatch
):
    _choose(window, "soothing-rhythm-breathing", 1)
    gone = tmp_path / "no-such-folder" / "walk.flac"
    _answer_the_file_dialog_with(monkeypatch, gone)
    qtbot.mouseClick(window.today.save_audio_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.audio_export.finished_writing, timeout=60_000) as said:
        pass
    assert said.args[0] == messages.SAVE_AUDIO_FAILED.format(
        title=window._library.get("soothing-rhythm-breathing").title,
        reason=messages.REASON_MISSING.format(place=gone),
    )
    assert said.args[0] in window.notices.texts()
    assert not gone.parent.exists()


def test_changing_ones_mind_in_the_file_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    _answer_the_file_dialog_with(monkeypatch, "")
    qtbot.mouseClick(window.today.save_audio_button, Qt.MouseButton.LeftButton)
    assert window.audio_export is None  # no dialog, no writing
    assert not list(tmp_path.glob("*.ogg"))


def test_a_disk_that_fills_up_while_writing_is_told_in_plain_words_and_leaves_nothing(
    qtbot, window, tmp_path, monkeypatch
):
    """The disk takes the first 300 KB and then is full (ENOSPC), as a real one would be."""
    import errno
    import os

    real_write = os.write
    room = {"left": 300_000}

    def filling(fd, data):
        if room["left"] < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        room["left"] -= len(data)
        return real_write(fd, data)

    _choose(window, "soothing-rhythm-breathing", 1)
    chosen = tmp_path / "walk.wav"
    _answer_the_file_dialog_with(monkeypatch, chosen)
    monkeypatch.setattr(os, "write", filling)
    qtbot.mouseClick(window.today.save_audio_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.audio_export.finished_writing, timeout=60_000) as said:
        pass
    title = window._library.get("soothing-rhythm-breathing").title
    assert said.args[0] == messages.SAVE_AUDIO_FAILED.format(
        title=title, reason=messages.REASON_NO_SPACE
    )
    assert "Errno" not in said.args[0] and "No space left" not in said.args[0]
    assert said.args[0] in window.notices.texts()
    # What the system said is there for whoever helps, but only behind "Details".
    behind = [
        label for label in window.notices.findChildren(QLabel) if "No space left" in label.text()
    ]
    assert len(behind) == 1 and not behind[0].isVisible()
    (details,) = [
        b for b in window.notices.findChildren(QPushButton) if b.text() == messages.NOTICE_DETAILS
    ]
    qtbot.mouseClick(details, Qt.MouseButton.LeftButton)
    assert behind[0].isVisible()
    assert not list(tmp_path.glob("*walk*"))  # no half file, under either name
