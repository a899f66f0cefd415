"""A quiet banner that tells the person what happened, in plain words, and can be put away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class NoticeArea(QWidget):
    """A column of notices; each has its own "Got it" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def show_notice(self, text: str) -> None:
        if text in self.texts():
            return
        frame = QFrame(self)
        frame.setProperty("role", "notice")
        row = QHBoxLayout(frame)
        label = QLabel(text, frame)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(label, 1)
        button = QPushButton("Got it", frame)
        button.clicked.connect(lambda: self._dismiss(frame))
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(frame)
        self.show()

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel)]

    def _dismiss(self, frame: QFrame) -> None:
        frame.hide()
        frame.deleteLater()
        self._layout.removeWidget(frame)
        if self._layout.count() == 0:
            self.hide()
