"""A soft bar that rises with the voice, so a person reading aloud can see they are heard.

It polls a level (RMS, 0..1) from a callable rather than receiving one from the audio thread:
the audio callback only writes a float, and Qt is touched only here, on the GUI thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from compassion_app import messages
from compassion_app.ui.theme import colours_for

FLOOR_DB = -60.0  # quieter than this shows as an empty bar (room noise)
FRAMES_PER_SECOND = 30
FALL_PER_FRAME = 0.06  # the bar falls gently instead of flickering between words


def level_to_fill(rms: float) -> float:
    """How full the bar is (0..1) for an RMS level, on a decibel scale like the ear's."""
    if rms <= 0.0:
        return 0.0
    decibels = 20.0 * math.log10(min(rms, 1.0))
    return max(0.0, min(1.0, 1.0 - decibels / FLOOR_DB))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(160, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(messages.VOICE_LEVEL)
        self.fill = 0.0
        self._take_colours()  # looked up once per theme, not 30 times a second
        self._level: Callable[[], float] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // FRAMES_PER_SECOND)
        self._timer.timeout.connect(self._poll)

    def follow(self, level: Callable[[], float] | None) -> None:
        """Show `level()` while it is set; None stops and empties the bar."""
        self._level = level
        if level is None:
            self._timer.stop()
            self.fill = 0.0
            self.update()
        else:
            self._timer.start()

    def _poll(self) -> None:
        if self._level is None:
            return
        target = level_to_fill(self._level())
        fill = max(target, self.fill - FALL_PER_FRAME)
        if abs(fill - self.fill) > 0.004 or (fill == 0.0 < self.fill):  # skip unseen changes
            self.fill = fill
            self.update()

    def _take_colours(self) -> None:
        colours = colours_for(self)
        self._track, self._bar = QColor(colours.track), QColor(colours.accent_line)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # light or dark chosen
            self._take_colours()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        whole = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = whole.height() / 2
        painter.setBrush(self._track)
        painter.drawRoundedRect(whole, radius, radius)
        if self.fill > 0:
            bar = QRectF(
                whole.left(),
                whole.top(),
                max(whole.height(), whole.width() * self.fill),
                whole.height(),
            )
            painter.setBrush(self._bar)
            painter.drawRoundedRect(bar, radius, radius)
        painter.end()
