"""The person's text size, applied to the whole app at once.

The sizes are percentages of the text size the system is set to (100 % changes nothing). Setting
the application font reaches every widget that does not set its own; the style sheet's headings
and titles are multiples of it (ui/style.py), so the theme redraws them at the new size, and the
custom-painted widgets measure their words from their font when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from compassion_app.ui.desktop import DesktopChoices

SYSTEM_SIZE = 100


class TextSize(QObject):
    """Create it before the Theme: it must change the font before the theme reads it."""

    def __init__(self, choices: DesktopChoices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        # The system's (or, in a test, the caller's) own size: what 100 % means.
        self._system_points = QApplication.font().pointSizeF()
        self.percent = SYSTEM_SIZE
        choices.changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        wanted = self._choices.settings.text_size
        if wanted == self.percent:
            return  # e.g. a change to another desktop choice: the font stays as it is
        self.percent = wanted
        font = QFont(QApplication.font())
        font.setPointSizeF(self._system_points * wanted / 100)
        QApplication.setFont(font)
