"""Re-reading a letter: large, calm, one passage at a time, at the reader's own pace.

Here the person may also read it aloud and keep the recording with the letter (`ReadingAloud`),
and may ask for the gentle second look, which softly marks where the critic may have crept in.
The letter's words are only shown here, never changed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages
from compassion_app.core.critic_words import CriticMark, critic_marks
from compassion_app.core.letter_reading import passages
from compassion_app.core.letters import Letter
from compassion_app.ui.screens.letter_aloud import ReadingAloud, RecorderFactory
from compassion_app.ui.theme import colours_for
from compassion_app.ui.widgets.button import Button

# The passage at about twice the person's text size (21 pt at the usual 10 pt): large and calm,
# and larger still when they choose a larger text size.
READING_SCALE = 2.1
LINE_HEIGHT_PERCENT = 175


class LetterReader(QWidget):
    revise_requested = Signal(object)  # the Letter to write a new version of
    export_requested = Signal(object)  # the Letter to save a copy of
    print_requested = Signal(object)
    left = Signal()
    second_look_changed = Signal(bool)

    def __init__(
        self, recorder_factory: RecorderFactory | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._letter: Letter | None = None
        self._passages: list[str] = []
        self.index = 0
        self.title = QLabel("", self)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.invite = _soft(messages.LETTER_READ_INVITE)
        self.invite.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passage = QLabel("", self)
        self.passage.setObjectName("passage")
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.RichText)
        self.passage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passage.setMaximumWidth(760)  # about 60 characters a line at reading size
        self.passage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.questions = _soft("")
        self.questions.setTextFormat(Qt.TextFormat.RichText)
        self.questions.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = _soft("")
        self.previous_button = Button(messages.LETTER_PREVIOUS, self)
        self.next_button = Button(messages.LETTER_NEXT, self)
        self.next_button.setProperty("role", "primary")
        for button in (self.previous_button, self.next_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the page does not jump when one goes
            button.setSizePolicy(policy)
        self.second_look = QCheckBox(messages.LETTER_SECOND_LOOK, self)
        self.second_look.setToolTip(messages.LETTER_SECOND_LOOK_HELP)
        self.revise_button = Button(messages.LETTER_REVISE, self)
        self.export_button = Button(messages.LETTER_EXPORT_ONE, self)
        self.export_button.setProperty("role", "link")
        self.print_button = Button(messages.LETTER_PRINT, self)
        self.print_button.setProperty("role", "link")
        self.back_button = Button(messages.LETTER_BACK, self)
        self.back_button.setProperty("role", "link")
        self.aloud = ReadingAloud(recorder_factory, self)
        self._build()
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.second_look.toggled.connect(self._second_look_toggled)
        self.revise_button.clicked.connect(self._revise)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self._letter))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self._letter))
        self.back_button.clicked.connect(self._leave)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 20, 48, 20)
        layout.setSpacing(18)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.second_look)
        top.addWidget(self.revise_button)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.invite)
        layout.addStretch(1)
        page = QHBoxLayout()
        page.addStretch(1)
        page.addWidget(self.passage, 8)
        page.addStretch(1)
        layout.addLayout(page, 3)
        layout.addWidget(self.questions)
        layout.addStretch(1)
        steps = QHBoxLayout()
        steps.addStretch(1)
        steps.addWidget(self.previous_button)
        steps.addWidget(self.position)
        steps.addWidget(self.next_button)
        steps.addStretch(1)
        layout.addLayout(steps)
        layout.addWidget(self.aloud)
        copies = QHBoxLayout()
        copies.addStretch(1)
        copies.addWidget(self.export_button)
        copies.addWidget(self.print_button)
        layout.addLayout(copies)

    def show_letter(self, letter: Letter, folder: Path, second_look: bool = False) -> None:
        self._letter = letter
        self._passages = passages(letter.body) or [messages.LETTER_EMPTY_BODY]
        self.index = 0
        self.title.setText(letter.title or messages.LETTER_UNTITLED)
        # The reader itself takes the keys: a screen reader names it and says which keys.
        self.setAccessibleName(letter.title or messages.LETTER_UNTITLED)
        self.setAccessibleDescription(messages.LETTER_READER_KEYS)
        self.second_look.blockSignals(True)
        self.second_look.setChecked(second_look)
        self.second_look.blockSignals(False)
        self.aloud.set_folder(folder)
        self._show()
        self.setFocus()

    @property
    def letter(self) -> Letter | None:
        return self._letter

    def show_next(self) -> None:
        if self.index + 1 < len(self._passages):
            self.index += 1
            self._show()

    def show_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.show_next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_previous()
        else:
            super().keyPressEvent(event)

    def _show(self) -> None:
        text = self._passages[self.index]
        marks = critic_marks(text) if self.second_look.isChecked() else []
        # A warm highlight, like light through paper (never red), in the theme's colours.
        points = self.font().pointSizeF() * READING_SCALE
        self.passage.setText(_passage_html(text, marks, colours_for(self).mark, points))
        self.questions.setText(_questions_html(marks))
        self.questions.setVisible(bool(marks))
        count = len(self._passages)
        self.position.setText(messages.LETTER_POSITION.format(index=self.index + 1, count=count))
        # Hidden rather than greyed: at the start or the end there is simply nowhere to go.
        self.previous_button.setVisible(self.index > 0)
        self.next_button.setVisible(self.index + 1 < count)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange and self._passages:
            self._show()  # a new text size chosen in Settings: the passage follows it
        if event.type() == QEvent.Type.PaletteChange and self._passages:
            self._show()  # the marked words' highlight follows light or dark
        super().changeEvent(event)

    def _second_look_toggled(self, on: bool) -> None:
        self.second_look_changed.emit(on)
        if self._passages:
            self._show()

    def _revise(self) -> None:
        if self._letter is not None:
            self.aloud.stop()
            self.revise_requested.emit(self._letter)

    def _leave(self) -> None:
        self.aloud.stop()
        self.left.emit()


def _passage_html(text: str, marks: list[CriticMark], mark_colour: str, points: float) -> str:
    """The passage, escaped, with each mark as a soft highlight; the words themselves unchanged."""
    pieces, last = [], 0
    for mark in marks:
        pieces.append(escape(text[last : mark.start]))
        marked = escape(text[mark.start : mark.end])
        pieces.append(f"<span style='background:{mark_colour}'>{marked}</span>")
        last = mark.end
    pieces.append(escape(text[last:]))
    body = "".join(pieces).replace("\n", "<br>")
    return (
        f"<div style='font-size:{points:.1f}pt; line-height:{LINE_HEIGHT_PERCENT}%;'>{body}</div>"
    )


def _questions_html(marks: list[CriticMark]) -> str:
    seen: dict[str, str] = {}
    for mark in marks:
        seen.setdefault(mark.question, mark.phrase)
    lines = [f"“{escape(phrase)}”: {escape(question)}" for question, phrase in seen.items()]
    return "<br>".join(lines)


def _soft(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "soft")
    label.setWordWrap(True)
    return label
