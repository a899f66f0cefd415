"""The Letters room: the archive, beginning a letter, writing it, and re-reading it.

A thin screen: each page is its own module (archive, editor, reader, reading aloud); this one only
moves between them and talks to the store through the letter API (`LetterShelf`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QStackedWidget, QWidget

from compassion_app import messages
from compassion_app.core.letter_export import export_name
from compassion_app.core.letters import Letter
from compassion_app.reasons import plain_reason
from compassion_app.store.errors import StoreError
from compassion_app.store.passphrase import SealedCipher, is_protected
from compassion_app.ui.screens.letter_aloud import RecorderFactory
from compassion_app.ui.screens.letter_archive import LetterArchive, LetterChooser
from compassion_app.ui.screens.letter_editor import LetterEditor
from compassion_app.ui.screens.letter_export import export_letters, print_letters
from compassion_app.ui.screens.letter_lead_in import LeadIn, LeadInPage
from compassion_app.ui.screens.letter_lock import LockPage, Mode
from compassion_app.ui.screens.letter_reader import LetterReader
from compassion_app.ui.screens.letter_shelf import LetterShelf

log = logging.getLogger(__name__)

SECOND_LOOK_SETTING = "letters.second_look"
IDLE_LOCK_MS = 10 * 60 * 1000  # a protected archive locks itself after ten quiet minutes
WARM_SEARCH_AFTER_MS = 150  # after the list's first paint (a zero timer would come before it)
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class LettersScreen(QStackedWidget):
    notice = Signal(str)  # something the person should read in the window's notice area
    wrote = Signal(float)  # seconds spent writing, when a letter is put down
    practised = Signal(object)  # the PracticeRecord of a breathing lead-in

    def __init__(
        self,
        shelf: LetterShelf,
        now: Callable[[], float] = time.monotonic,
        recorder_factory: RecorderFactory | None = None,
        key_folder: Path | None = None,
        idle_lock_ms: int = IDLE_LOCK_MS,
        lead_in: LeadIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._shelf = shelf
        self._key_folder = key_folder  # None: passphrase protection is not offered (no folder)
        self._cipher: SealedCipher | None = None
        self._before_lock: QWidget | None = None
        self._locked = False
        self._search_warmed = False
        self.archive = LetterArchive(self)
        self.chooser = LetterChooser(self)
        self.editor = LetterEditor(shelf, now, self)
        self.reader = LetterReader(recorder_factory, self)
        self.lock = LockPage(key_folder or Path(), self)
        self.lead = LeadInPage(self)
        self._lead_in = lead_in
        self._after_breath: tuple[str | None, int] = (None, 0)
        self.chooser.breathe_first.setVisible(lead_in is not None)
        for page in (self.archive, self.chooser, self.editor, self.reader, self.lock, self.lead):
            self.addWidget(page)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_lock_ms)
        self._idle.timeout.connect(self.lock_now)
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
        self.archive.protect_requested.connect(self._ask_protection)
        self.lock.opened.connect(self._opened)
        self.lead.practised.connect(self.practised)
        self.lead.done.connect(self._after_lead_in)
        self.lock.cancelled.connect(self.show_archive)
        self.archive.protect_button.setVisible(key_folder is not None)
        if self.protected:
            self.lock_now()  # before anything is read or written: the passphrase comes first
        else:
            self.show_archive()

    # -- passphrase protection ----------------------------------------------------------------

    @property
    def protected(self) -> bool:
        return self._key_folder is not None and is_protected(self._key_folder)

    @property
    def locked(self) -> bool:
        return self._locked

    def lock_now(self) -> None:
        """Hide every letter behind the passphrase; unsaved words are saved first (sealed)."""
        if not self.protected:
            return
        self.reader.aloud.stop()
        if self._cipher is not None:
            self.editor.save_now()
        self._idle.stop()
        self._locked = True
        current = self.currentWidget()
        self._before_lock = current if current in (self.editor, self.reader) else None
        intro = messages.LETTER_LOCKED_IDLE if self._cipher is not None else None
        self.lock.ask(Mode.UNLOCK, intro)
        self.setCurrentWidget(self.lock)

    def _ask_protection(self) -> None:
        self.lock.ask(Mode.CHANGE if self.protected else Mode.PROTECT)
        self.setCurrentWidget(self.lock)

    def _opened(self, cipher: SealedCipher, told: str) -> None:
        try:
            self._shelf.set_letter_cipher(cipher)  # a first protection seals every letter now
        except StoreError as error:
            self.notice.emit(str(error))
        self._cipher = cipher
        self._locked = False
        self.reader.aloud.cipher = cipher
        if told:
            self.notice.emit(told)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle.start()
        back, self._before_lock = self._before_lock, None
        if back is not None:
            self.setCurrentWidget(back)
        else:
            self.show_archive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # any key or click is company: the quiet time starts again
        return False

    def show_archive(self) -> None:
        if self.locked:
            return
        self.archive.protect_button.setText(
            messages.LETTER_CHANGE_PASSPHRASE if self.protected else messages.LETTER_PROTECT
        )
        self._search(self.archive.search.text())
        self.setCurrentWidget(self.archive)
        if not self._search_warmed:
            # The store reads every letter once for the first search; do it just after the list
            # appears, so that the first word typed into the search box is answered at once.
            self._search_warmed = True
            QTimer.singleShot(WARM_SEARCH_AFTER_MS, self, self._warm_search)

    def refresh_archive(self) -> None:
        """The list up to date when the room is shown again (a critic note kept meanwhile)."""
        if self.currentWidget() is self.archive:
            self.show_archive()

    def _warm_search(self) -> None:
        if self.locked:
            self._search_warmed = False
            return
        try:
            self._shelf.search_letters("warm")
        except StoreError as error:
            log.warning("Search not prepared: %s", error)

    def begin_letter(
        self,
        template_id: str | None,
        timer_minutes: int = 0,
        breathe_first: bool = False,
        lead_in: LeadIn | None = None,
    ) -> None:
        """A new letter; with `breathe_first`, after the room's lead-in (or `lead_in`, a
        practice chosen on Today). Behind a passphrase, the page waits until it is given."""
        if breathe_first and self._breathe(template_id, timer_minutes, lead_in or self._lead_in):
            return
        self.editor.begin(Letter.begin(template_id=template_id), timer_minutes)
        if self.locked:
            self._before_lock = self.editor  # opened as soon as the passphrase is given
            self.setCurrentWidget(self.lock)
            return
        self.setCurrentWidget(self.editor)

    def _breathe(self, template_id: str | None, timer_minutes: int, lead_in: LeadIn | None) -> bool:
        """Start the lead-in; False (and a kind word) when it cannot be had."""
        controller = lead_in() if lead_in is not None else None
        if controller is None:
            self.notice.emit(messages.LETTER_LEAD_IN_UNAVAILABLE)
            return False
        self._after_breath = (template_id, timer_minutes)
        self.setCurrentWidget(self.lead)
        self.lead.run(controller)
        return True

    def _after_lead_in(self) -> None:
        if self.currentWidget() is self.lead:  # once, however the minute ended
            self.begin_letter(*self._after_breath)

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
            reason = plain_reason(error, path)
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
