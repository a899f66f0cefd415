"""The Letters room: the archive, beginning a letter, writing it, and re-reading it.

A thin screen: each page is its own module (archive, editor, reader, reading aloud); this one only
moves between them and talks to the store through the letter API (`LetterShelf`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QWidget

from compassion_app import messages
from compassion_app.core.letter_export import export_name
from compassion_app.core.letters import Letter
from compassion_app.store.errors import StoreError
from compassion_app.ui.screens.letter_aloud import RecorderFactory
from compassion_app.ui.screens.letter_archive import LetterArchive, LetterChooser
from compassion_app.ui.screens.letter_editor import LetterEditor
from compassion_app.ui.screens.letter_export import export_letters, print_letters
from compassion_app.ui.screens.letter_reader import LetterReader
from compassion_app.ui.screens.letter_shelf import LetterShelf

log = logging.getLogger(__name__)

SECOND_LOOK_SETTING = "letters.second_look"


class LettersScreen(QStackedWidget):
    notice = Signal(str)  # something the person should read in the window's notice area
    wrote = Signal(float)  # seconds spent writing, when a letter is put down

    def __init__(
        self,
        shelf: LetterShelf,
        now: Callable[[], float] = time.monotonic,
        recorder_factory: RecorderFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._shelf = shelf
        self.archive = LetterArchive(self)
        self.chooser = LetterChooser(self)
        self.editor = LetterEditor(shelf, now, self)
        self.reader = LetterReader(recorder_factory, self)
        for page in (self.archive, self.chooser, self.editor, self.reader):
            self.addWidget(page)
        self.archive.begin_requested.connect(lambda: self.setCurrentWidget(self.chooser))
        self.archive.open_requested.connect(self.open_letter)
        self.archive.search.textChanged.connect(self._search)
        self.chooser.back_requested.connect(self.show_archive)
        self.chooser.chosen.connect(self.begin_letter)
        self.editor.finished.connect(self._finished_writing)
        self.editor.left.connect(self._left_editor)
        self.editor.save_failed.connect(self.notice)
        self.reader.left.connect(self.show_archive)
        self.reader.revise_requested.connect(self.revise)
        self.reader.second_look_changed.connect(self._remember_second_look)
        self.reader.export_requested.connect(lambda letter: self.save_copy([letter]))
        self.reader.print_requested.connect(lambda letter: print_letters([letter], self))
        self.archive.export_all_requested.connect(self.save_copy_of_all)
        self.show_archive()

    def show_archive(self) -> None:
        self._search(self.archive.search.text())
        self.setCurrentWidget(self.archive)

    def begin_letter(self, template_id: str | None, timer_minutes: int = 0) -> None:
        self.editor.begin(Letter.begin(template_id=template_id), timer_minutes)
        self.setCurrentWidget(self.editor)

    def open_letter(self, letter_id: str) -> None:
        """A draft opens to carry on writing; a finished letter opens to be re-read."""
        try:
            letter = self._shelf.letter(letter_id)
        except (KeyError, StoreError) as error:
            log.error("Letter %s could not be opened: %r", letter_id, error)
            self.notice.emit(messages.LETTERS_COULD_NOT_OPEN)
            return
        if letter.finished:
            self.read(letter)
        else:
            self.editor.begin(letter)
            self.setCurrentWidget(self.editor)

    def read(self, letter: Letter) -> None:
        folder = self._shelf.letter_folder(letter.letter_id)
        self.reader.show_letter(letter, folder, self._second_look())
        self.setCurrentWidget(self.reader)

    def revise(self, letter: Letter) -> None:
        """A new version to write in; the one just read stays kept as it was."""
        self.editor.begin(letter.revised())
        self.setCurrentWidget(self.editor)

    def save_copy(self, letters: list[Letter], path: Path | None = None) -> Path | None:
        """Save a Markdown or PDF copy (asking where, unless `path` is given); its path, or None."""
        if not letters:
            return None
        if path is None:
            path = self._ask_where(export_name(letters[0], ".md"))
            if path is None:
                return None
        try:
            export_letters(letters, path)
        except OSError as error:
            log.error("Export failed: %s", error)
            reason = error.strerror or str(error)
            self.notice.emit(messages.LETTER_NOT_EXPORTED.format(reason=reason))
            return None
        self.notice.emit(messages.LETTER_EXPORTED.format(path=path))
        return path

    def save_copy_of_all(self, path: Path | None = None) -> Path | None:
        try:
            letters = [self._shelf.letter(each.letter_id) for each in self._shelf.letters()]
        except (KeyError, StoreError) as error:
            log.error("Letters could not be read for export: %r", error)
            self.notice.emit(messages.LETTERS_COULD_NOT_OPEN)
            return None
        return self.save_copy(letters, path)

    def _ask_where(self, suggested: str) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            messages.LETTER_EXPORT_TITLE,
            str(Path.home() / suggested),
            messages.LETTER_EXPORT_FILTER,
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".pdf" if "pdf" in chosen.lower() else ".md")
        return path

    def put_down(self) -> bool:
        """Save anything unsaved and stop recording (the window is closing); True if all saved."""
        self.reader.aloud.stop()
        saved = self.editor.save_now()
        self._report_writing()
        return saved

    def _finished_writing(self, letter: Letter) -> None:
        self._report_writing()
        self.read(letter)

    def _left_editor(self) -> None:
        self._report_writing()
        self.show_archive()

    def _report_writing(self) -> None:
        seconds, self.editor.writing_seconds = self.editor.writing_seconds, 0.0
        if seconds > 0:
            self.wrote.emit(seconds)

    def _search(self, text: str) -> None:
        words = text.strip()
        summaries = self._shelf.search_letters(words) if words else self._shelf.letters()
        self.archive.show_summaries(summaries, searching=bool(words))

    def _second_look(self) -> bool:
        return bool(self._shelf.get_setting(SECOND_LOOK_SETTING, False))

    def _remember_second_look(self, on: bool) -> None:
        try:
            self._shelf.set_setting(SECOND_LOOK_SETTING, on)
        except StoreError as error:
            log.warning("Second-look choice not saved: %s", error)
