"""A push button that Enter and Return press too, as people expect, not only Space.

Qt presses a focused QPushButton with Enter only inside a dialog; our screens live in the main
window, so without this a keyboard user could reach Begin but not press it with Enter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


class Button(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, role: str | None = None) -> None:
        super().__init__(text, parent)
        if role is not None:
            self.setProperty("role", role)  # the look, from style.py

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Imported here, not with the module: importing `Qt` builds its whole namespace of enums,
        # which would otherwise delay the window's first paint.
        from PySide6.QtCore import Qt

        enter_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in enter_keys and not event.isAutoRepeat():
            self.animateClick()  # shows the press, then clicks, like Space does
            return
        super().keyPressEvent(event)
