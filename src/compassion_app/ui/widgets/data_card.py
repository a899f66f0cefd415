""" "Your data" in Settings: where it lives, and copies of it (export, import, back up now).

Export and import are the store's own exchange (store/exchange.py, as the command line uses it);
"Back up now" is the store's backups (store/backups.py). The slow half of an export or import
(encoding and writing the file; reading and checking it) runs in a worker thread, since a long
history takes a moment; only the window's thread touches the store, taking what an export holds
before and merging what an import brings after, so nothing else needs to wait. A backup is a few
milliseconds of links (benchmarks/data_bench.py) and is made at once. The card then says exactly
what was done, or what went wrong and that nothing was lost.

Letters protected by a passphrase stay sealed: an export file would hold them in plain words, so
they are never written to one (the practices alone can still be exported as a table); an import
that holds letters waits until the letters are open, as on the command line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.store.exchange import (
    Contents,
    Exported,
    merge,
    read_export,
    taken_for_export,
    write_export,
)
from compassion_app.store.passphrase import is_protected
from compassion_app.ui.widgets.button import Button

log = logging.getLogger(__name__)

EXCHANGE_SUFFIXES = (".json", ".csv")


class Work(QThread):
    """Runs the slow half of a task away from the window; `done` carries what it gave, or the
    error that stopped it (never raised in the thread, where no one would hear it)."""

    done = Signal(object)

    def __init__(self, task: Callable[[], object], parent: QWidget) -> None:
        super().__init__(parent)
        self._task = task

    def run(self) -> None:
        try:
            result = self._task()
        except Exception as error:  # said in _finished: the store's words, or kind ones
            result = error
        self.done.emit(result)


class DataCard(QFrame):
    told = Signal(str)  # what a task did, once it is done (the window then refreshes Today)
    imported = Signal()  # an import added what it could: settings not chosen here among them

    def __init__(
        self,
        store: Store,
        before_work: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._store = store
        self._before_work = before_work  # e.g. the window's settings, written first
        self.work: Work | None = None
        self._then: Callable[[Any], str] = str  # what to say once the worker's half is done
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)
        self.where = QLabel(str(store.folder) if store.folder else messages.DATA_IN_MEMORY)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.where.setAccessibleName(messages.DATA_WHERE)
        self.open_button = Button(messages.DATA_OPEN, self)
        self.export_button = Button(messages.DATA_EXPORT, self)
        self.import_button = Button(messages.DATA_IMPORT, self)
        self.backup_button = Button(messages.DATA_BACK_UP, self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build()
        self.open_button.clicked.connect(self.open_folder)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_)
        self.backup_button.clicked.connect(self.back_up)
        self._enable(True)

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 14, 22, 14)
        heading = QLabel(messages.DATA_CARD, self)
        heading.setProperty("role", "title")
        column.addWidget(heading)
        words = QLabel(messages.DATA_WHERE, self)
        words.setWordWrap(True)
        column.addWidget(words)
        column.addWidget(self.where)
        row = QHBoxLayout()
        for button in self.focus_order():
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.result)

    def focus_order(self) -> list[QWidget]:
        return [self.open_button, self.export_button, self.import_button, self.backup_button]

    @property
    def busy(self) -> bool:
        return self.work is not None

    def open_folder(self) -> None:
        folder = self._store.folder
        if folder is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.result.setText(messages.DATA_NOT_OPENED.format(folder=folder))

    def export(self) -> None:
        suggested = Path.home() / messages.DATA_EXPORT_NAME.format(day=date.today().isoformat())
        chosen, kind = QFileDialog.getSaveFileName(
            self, messages.DATA_EXPORT_TITLE, str(suggested), messages.DATA_FILE_FILTER
        )
        if not chosen:
            return  # they changed their mind: nothing to say
        path = exchange_file_name(chosen, kind)
        if path.suffix.lower() != ".csv" and self._letters_sealed():
            self.result.setText(messages.DATA_EXPORT_SEALED)
            return
        self._before_work()
        try:
            taken = taken_for_export(self._store, path)
        except StoreError as error:
            self.result.setText(str(error))
            return
        self._start(lambda: write_export(taken), lambda done: self._exported(done, path))

    def import_(self) -> None:
        chosen, _kind = QFileDialog.getOpenFileName(
            self, messages.DATA_IMPORT_TITLE, str(Path.home()), messages.DATA_FILE_FILTER
        )
        if chosen:
            self._before_work()
            path = Path(chosen)
            self._start(lambda: read_export(path), lambda found: self._merged(found, path))

    def back_up(self) -> None:
        self._before_work()
        try:
            files, folder = self._store.back_up_now()
        except StoreError as error:
            self._tell(str(error))
            return
        if files == 0:
            self._tell(messages.DATA_NOTHING_TO_BACK_UP)
        else:
            self._tell(messages.DATA_BACKED_UP.format(files=files, folder=folder))

    def _exported(self, done: Exported, path: Path) -> str:
        return messages.exported(done.practices, done.letters, path)

    def _merged(self, found: Contents, path: Path) -> str:
        added = merge(self._store, found)
        self.imported.emit()
        return messages.imported(
            added.practices, added.versions, added.rest_days, added.skipped, path
        )

    def _letters_sealed(self) -> bool:
        folder = self._store.folder
        return folder is not None and is_protected(folder)

    def _start(self, slow: Callable[[], object], then: Callable[[Any], str]) -> None:
        """`slow()` in a worker thread, then `then(its result)` here, and the words said."""
        self.result.setText(messages.DATA_WORKING)
        self._enable(False)
        self._then = then
        self.work = Work(slow, self)
        self.work.done.connect(self._finished)
        self.work.start()

    def _finished(self, result: object) -> None:
        if self.work is not None:
            self.work.wait()
            self.work.deleteLater()
            self.work = None
        self._enable(True)
        try:
            if isinstance(result, Exception):
                raise result
            told = self._then(result)
        except StoreError as error:  # the store's own plain words: what, and that nothing is lost
            told = str(error)
        except Exception:  # a fault of ours: said kindly, the details in the log, never stuck
            log.exception("A task in Your data could not be finished")
            told = messages.DATA_UNEXPECTED
        self._tell(told)

    def _tell(self, told: str) -> None:
        self.result.setText(told)
        self.told.emit(told)

    def finish(self) -> None:
        """Wait for a task under way (the app is quitting: a thread must not outlive it)."""
        if self.work is not None:
            self.work.wait()

    def _enable(self, on: bool) -> None:
        """One task at a time: the buttons rest while one runs."""
        kept_on_disk = self._store.folder is not None
        self.export_button.setEnabled(on)  # kept in memory, an export is a way to keep it all
        self.import_button.setEnabled(on)
        self.backup_button.setEnabled(on and kept_on_disk)
        self.open_button.setEnabled(kept_on_disk)


def exchange_file_name(chosen: str, kind: str = "") -> Path:
    """The file to write: the name chosen, with the kind picked in the dialog added (.json unless
    the table was picked) if the name says neither."""
    path = Path(chosen)
    if path.suffix.lower() in EXCHANGE_SUFFIXES:
        return path
    suffix = ".csv" if "*.csv" in kind else ".json"
    return path.with_name(path.name + suffix)
