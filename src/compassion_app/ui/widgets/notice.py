"""Quiet banners that tell the person what happened, in plain words, each put away on its own.

Notices stack: a new one never hides an older one (the note that a practice is silent must stay
readable when the computer's rest pauses it), and the same words are never shown twice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app.messages import NOTICE_DETAILS, NOTICE_DISMISS
from compassion_app.ui.widgets.button import Button


class NoticeArea(QWidget):
    """A column of notices, oldest first; each has its own "Got it" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._shown: list[tuple[QFrame, QLabel]] = []
        self.hide()

    def show_notice(self, text: str, details: str = "") -> None:
        """Show `text`; `details` (the system's own words, if any) only behind "Details"."""
        # Imported here: importing `Qt` builds its whole namespace of enums, which a window with
        # no notice to show need not wait for before its first paint.
        from PySide6.QtCore import Qt

        if text in self.texts():
            return
        frame = QFrame(self)
        frame.setProperty("role", "notice")
        row = QHBoxLayout(frame)
        label = QLabel(text, frame)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout()
        column.addWidget(label)
        if details:
            column.addWidget(_disclosure(details, frame))
        row.addLayout(column, 1)
        button = Button(NOTICE_DISMISS, frame)
        button.setAccessibleDescription(text)
        button.clicked.connect(lambda: self._dismiss(frame))
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(frame)
        self._shown.append((frame, label))
        self.show()

    def texts(self) -> list[str]:
        """The notices being shown, oldest first."""
        return [label.text() for _, label in self._shown]

    def withdraw(self, text: str) -> None:
        """Put away the notice with these words, if shown: what it told of is no longer so."""
        for frame, label in list(self._shown):
            if label.text() == text:
                self._dismiss(frame)

    def clear(self) -> None:
        for frame, _ in list(self._shown):
            self._dismiss(frame)

    def _dismiss(self, frame: QFrame) -> None:
        self._shown = [(shown, label) for shown, label in self._shown if shown is not frame]
        frame.hide()
        self._layout.removeWidget(frame)
        frame.deleteLater()
        if not self._shown:
            self.hide()


def _disclosure(details: str, parent: QWidget) -> QWidget:
    """A quiet "Details" link that shows (and hides again) the words behind it, selectable."""
    from PySide6.QtCore import Qt

    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    toggle = Button(NOTICE_DETAILS, box, role="link")
    toggle.setCheckable(True)
    words = QLabel(details, box)
    words.setProperty("role", "soft")
    words.setWordWrap(True)
    words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    words.hide()
    toggle.toggled.connect(words.setVisible)
    layout.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(words)
    return box


class ProblemNotices:
    """Notices that follow a list of problems as it changes (the exercise files): each new one is
    told once, and one that is no longer so is put away. One the person put away stays away."""

    def __init__(self, area: NoticeArea) -> None:
        self._area = area
        self._told: set[str] = set()

    def follow(self, problems: list[str], tell_new: bool = True) -> None:
        for text in self._told - set(problems):
            self._area.withdraw(text)
        self._told &= set(problems)
        for text in problems:
            if tell_new and text not in self._told:
                self._told.add(text)
                self._area.show_notice(text)
