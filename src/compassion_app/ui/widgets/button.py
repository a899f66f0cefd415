"""A push button that Enter and Return press too, as people expect, not only Space.

Qt presses a focused QPushButton with Enter only inside a dialog; our screens live in the main
window, so without this a keyboard user could reach Begin but not press it with Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Button(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, role: str | None = None) -> None:
        super().__init__(text, parent)
        if role is not None:
            self.setProperty("role", role)  # the look, from style.py

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in ENTER_KEYS and not event.isAutoRepeat():
            self.animateClick()  # shows the press, then clicks, like Space does
            return
        super().keyPressEvent(event)
