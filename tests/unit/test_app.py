"""Start-up's promises when things go wrong: a plain message, a log entry, no false comfort."""

from __future__ import annotations

import logging
import os
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from compassion_app import app, messages
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError


@pytest.fixture
def start_up_state(monkeypatch):
    """run_app sets the process's excepthook, umask and logging: give them back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    umask = os.umask(0o022)
    os.umask(umask)
    handlers = logging.getLogger().handlers[:]
    yield
    os.umask(umask)
    for handler in logging.getLogger().handlers:
        handler.close()
    logging.getLogger().handlers[:] = handlers


def test_an_unexpected_error_opening_the_history_is_told_plainly_and_logged(
    tmp_path, monkeypatch, capsys, start_up_state
):
    def deeply_nested(path):
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")

    monkeypatch.setattr(Store, "open", deeply_nested)
    code = app.run_app(tmp_path / "data")
    log_file = DataPaths(tmp_path / "data").log
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == messages.STARTUP_FAILED.format(log=log_file)
    logged = log_file.read_text(encoding="utf-8")
    assert "Start-up failed" in logged and "RecursionError" in logged and "deeply_nested" in logged


class StoreThatCannotClose:
    def __init__(self, problem: Exception) -> None:
        self.problem = problem

    def close(self) -> None:
        raise self.problem


@pytest.mark.parametrize(
    ("problem", "said"),
    [
        (
            StoreWriteError("Your practice could not be saved because the disk is full."),
            "Your practice could not be saved because the disk is full.",
        ),
        # The system's own words ("[Errno 30] Read-only file system") stay in the log.
        (OSError(30, "Read-only file system"), "can only be read, not written to"),
        (RuntimeError("a bug of ours"), "because of an unexpected problem"),
    ],
)
def test_a_store_that_cannot_save_at_quit_says_so_and_claims_nothing_more(
    capsys, caplog, problem, said
):
    saved = app._close_store(StoreThatCannotClose(problem))  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert saved is False
    assert said in err
    assert "Errno" not in err and "a bug of ours" not in err
    assert "could not finish saving" in err
    assert "kept safely" not in err
    assert any(record.levelno == logging.ERROR for record in caplog.records)


def test_a_store_that_closes_well_says_nothing(capsys):
    store = Store.in_memory()
    assert app._close_store(store) is True
    assert capsys.readouterr().err == ""


def test_the_crash_note_is_logged_and_shown_in_a_window_that_does_not_block(
    qtbot, tmp_path, caplog
):
    note = app.CrashNote()
    note.log_file = tmp_path / "logs" / "compassion-app.log"
    try:
        raise ValueError("a bug, not the person")
    except ValueError as error:
        note(type(error), error, error.__traceback__)
    (box,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert str(note.log_file) in box.text()
    assert "It was not anything you did" in box.text()
    assert "kept safely" not in box.text()  # it cannot know that
    assert "a bug, not the person" in caplog.text
    try:
        raise ValueError("the same bug, again")
    except ValueError as error:
        note(type(error), error, error.__traceback__)
    assert note.shown == [box]  # logged, but no second window on top of the first
    assert "the same bug, again" in caplog.text
    box.accept()
    assert note.shown == []


def test_before_any_window_the_crash_note_goes_to_stderr(capsys, monkeypatch):
    monkeypatch.delitem(sys.modules, "PySide6.QtWidgets")
    note = app.CrashNote()
    try:
        raise ValueError("early")
    except ValueError as error:
        note(type(error), error, error.__traceback__)
    assert capsys.readouterr().err.strip() == messages.KIND_CRASH_MESSAGE_NO_LOG
