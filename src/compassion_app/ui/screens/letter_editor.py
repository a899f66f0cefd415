"""Writing a letter: a calm page, the template's steps beside it, and saving that never lies.

Autosave follows `AutosaveSchedule`: soon after a pause, and at least every 1.5 s while typing.
The "Saved" line appears only after the store has said the words are on disk; when saving fails,
it says the words are kept here, and a save is tried again shortly, with or without new typing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages
from compassion_app.core.letter_autosave import AutosaveSchedule
from compassion_app.core.letter_templates import template
from compassion_app.core.letters import Letter
from compassion_app.store.errors import StoreWriteError
from compassion_app.ui.screens.letter_shelf import LetterShelf
from compassion_app.ui.widgets.button import Button

log = logging.getLogger(__name__)

POLL_MS = 100  # how often a due save is looked for: adds at most this to the autosave bound
LONGEST_GAP_COUNTED = 60.0  # seconds: a longer pause in writing is rest, not writing time
BODY_SCALE, TITLE_SCALE = 1.3, 1.5  # the letter's words, as multiples of the person's text size


class LetterEditor(QWidget):
    finished = Signal(object)  # the Letter, saved as finished
    left = Signal()  # back to the archive, everything saved
    save_failed = Signal(str)  # the store's plain explanation, for the window's notice

    def __init__(
        self,
        shelf: LetterShelf,
        now: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shelf = shelf
        self._now = now
        self._letter: Letter | None = None
        self._schedule = AutosaveSchedule()
        self._timer_ends: float | None = None
        self._timer_minutes = 0
        self._last_typing: float | None = None
        self.writing_seconds = 0.0  # time spent writing since the letter was opened
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(messages.LETTER_TITLE_PLACEHOLDER)
        self.title.setAccessibleName(messages.LETTER_TITLE_NAME)
        self.title.setFont(_writing_font(self.font(), TITLE_SCALE))
        self.body = QPlainTextEdit(self)
        self.body.setPlaceholderText(messages.LETTER_BODY_PLACEHOLDER)
        self.body.setAccessibleName(messages.LETTER_BODY_NAME)
        self.body.setFont(_writing_font(self.font(), BODY_SCALE))
        # Tab leaves the page for Finish and Back, as everywhere else: otherwise it types a tab
        # character and someone on the keyboard alone could never get out of the letter.
        self.body.setTabChangesFocus(True)
        self.prompts = QLabel(self)
        self.prompts.setWordWrap(True)
        self.prompts.setProperty("role", "soft")
        self.prompts.setTextFormat(Qt.TextFormat.RichText)
        self.prompts_card = _card(self.prompts)
        self.status = QLabel("", self)
        self.status.setProperty("role", "soft")
        self.status.setWordWrap(True)
        self.time_left = QLabel("", self)
        self.time_left.setProperty("role", "soft")
        self.finish_button = Button(messages.LETTER_FINISH, self)
        self.finish_button.setProperty("role", "primary")
        self.back_button = Button(messages.LETTER_BACK, self)
        self.back_button.setProperty("role", "link")
        self._build()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._tick)
        self.title.textEdited.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        self.finish_button.clicked.connect(self.finish)
        self.back_button.clicked.connect(self.leave)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # a new text size chosen in Settings
            self.title.setFont(_writing_font(self.font(), TITLE_SCALE))
            self.body.setFont(_writing_font(self.font(), BODY_SCALE))
        super().changeEvent(event)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 16)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.time_left)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.setSpacing(24)
        page = QVBoxLayout()
        page.addWidget(self.title)
        page.addWidget(self.body, 1)
        row.addLayout(page, 3)
        row.addWidget(self.prompts_card, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.finish_button)
        layout.addLayout(bottom)

    # -- opening ------------------------------------------------------------------------------

    def begin(self, letter: Letter, timer_minutes: int = 0) -> None:
        """Write in `letter` (new, a draft, or a new version); nothing is saved until a change."""
        self._letter = letter
        self._schedule = AutosaveSchedule()
        self.writing_seconds = 0.0
        self._last_typing = None
        chosen = template(letter.template_id)
        with QSignalBlocker(self.title), QSignalBlocker(self.body):  # opening is not a change
            self.title.setText(letter.title)
            self.body.setPlainText(letter.body or (chosen.opening if chosen else ""))
        self.body.moveCursor(self.body.textCursor().MoveOperation.End)
        self.prompts_card.setVisible(chosen is not None)
        if chosen is not None:
            self.prompts.setText(_prompt_html(chosen.prompts))
        self.status.setText(
            messages.LETTER_REVISING.format(version=letter.version) if letter.version > 1 else ""
        )
        self._timer_minutes = timer_minutes
        self._timer_ends = self._now() + timer_minutes * 60 if timer_minutes else None
        self.time_left.setText("")
        self._show_time_left()
        if self._timer_ends is not None:
            self._poll.start()
        self.body.setFocus()

    @property
    def letter(self) -> Letter | None:
        """The letter as last saved (or as opened, before any change)."""
        return self._letter

    @property
    def unsaved(self) -> bool:
        return self._schedule.unsaved

    # -- saving -------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self._letter is None:
            return
        now = self._now()
        if self._last_typing is not None:
            self.writing_seconds += min(now - self._last_typing, LONGEST_GAP_COUNTED)
        self._last_typing = now
        self._schedule.changed(now)
        if not self._schedule.failing:
            self.status.setText("")  # the words on screen are newer than the last save
        if not self._poll.isActive():  # start() would restart it: fast typing would starve it
            self._poll.start()

    def _tick(self) -> None:
        now = self._now()
        if self._schedule.is_due(now):
            self.save_now()
        self._show_time_left()
        if not self._schedule.unsaved and self._timer_ends is None:
            self._poll.stop()

    def save_now(self) -> bool:
        """Save what is on screen; True once it is on disk. Nothing to save counts as saved."""
        if self._letter is None or not self._schedule.unsaved:
            return True
        edited = self._letter.edited(self.title.text(), self.body.toPlainText())
        return self._store(edited)

    def _store(self, letter: Letter) -> bool:
        try:
            self._shelf.save_letter(letter)
        except StoreWriteError as error:
            log.warning("Letter not saved yet: %s", error)
            first_failure = not self._schedule.failing
            self._schedule.failed(self._now())
            self.status.setText(messages.LETTER_KEPT)
            self._poll.start()
            if first_failure:
                self.save_failed.emit(str(error))
            return False
        self._letter = letter
        self._schedule.saved()
        self.status.setText(messages.LETTER_SAVED)
        return True

    def finish(self) -> None:
        """Save the letter as finished and go on to re-read it; stays here if saving fails."""
        if self._letter is None:
            return
        edited = self._letter.edited(self.title.text(), self.body.toPlainText())
        if not (edited.title.strip() or edited.body.strip()):
            self.leave()  # an empty page is not kept as a letter
            return
        self._schedule.changed(self._now())
        done = replace(edited, finished=True)
        if self._store(done):
            self._stop()
            self.finished.emit(done)

    def leave(self) -> None:
        """Back to the archive once everything is saved; on failure the words stay here."""
        if self.save_now():
            self._stop()
            self.left.emit()

    def _stop(self) -> None:
        self._poll.stop()
        self._timer_ends = None
        self._letter = None

    # -- the gentle timer ---------------------------------------------------------------------

    def _show_time_left(self) -> None:
        if self._timer_ends is None:
            return
        left = max(0, round(self._timer_ends - self._now()))
        if left == 0:
            self.time_left.setText(messages.LETTER_TIME_UP.format(minutes=self._timer_minutes))
            self._timer_ends = None
            return
        minutes, seconds = divmod(left, 60)
        self.time_left.setText(messages.LETTER_TIME_LEFT.format(minutes=minutes, seconds=seconds))


def _writing_font(ordinary: QFont, scale: float) -> QFont:
    """A little larger than the person's ordinary text (13 and 15 pt at the usual 10 pt)."""
    font = QFont()
    font.setPointSizeF(ordinary.pointSizeF() * scale)
    return font


def _prompt_html(prompts: tuple[str, ...]) -> str:
    from html import escape

    steps = "".join(f"<p style='margin-bottom:12px'>{escape(step)}</p>" for step in prompts)
    return f"<p><b>{escape(messages.LETTER_PROMPTS_HEADING)}</b></p>{steps}"


def _card(*widgets: QWidget) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    card.setMaximumWidth(300)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(18, 14, 18, 14)
    for widget in widgets:
        layout.addWidget(widget)
    return card
