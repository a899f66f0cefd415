"""The breathing pacer: a soft circle that grows with the in-breath and settles with the out-breath.

It draws whatever breath state it is given; the practice clock (the audio stream's own position)
decides that state, so the circle moves with the breath sound rather than with a timer of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRadialGradient
from PySide6.QtWidgets import QSizePolicy, QWidget

from compassion_app.core.breathing import BreathState
from compassion_app.ui.style import WARM_BACKGROUND

PHASE_WORDS = {
    "in": "Breathing in",
    "hold_in": "Resting",
    "out": "Breathing out",
    "hold_out": "Resting",
}
SMALLEST = 0.35  # of the largest radius: an empty breath still leaves a gentle presence
INNER = QColor("#f3c6b8")
BACKGROUND = QColor(WARM_BACKGROUND)
OUTER = QColor("#c0726b")


class PacerWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.breath: BreathState | None = None
        self.reduced_motion = False
        self.show_words = True
        self.show_counts = True
        self._drawn: tuple[float, float, str] | None = None
        # We paint every pixel ourselves, so Qt need not repaint the screen behind us each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_breath(self, breath: BreathState | None) -> None:
        """Take the breath at this moment; repaint only if the picture would visibly change.

        The clock ticks up to fifty times a second, but a slow breath moves the circle by less
        than a pixel in most ticks (and not at all while resting): skipping those repaints keeps
        the practice light on the processor without making the motion any less smooth.
        """
        self.breath = breath
        look = self._look()
        if look != self._drawn:
            self._drawn = look
            self.update(self._circle_area())

    def _circle_area(self) -> QRect:
        """The square the circle can reach: repainting only that keeps each frame cheap."""
        reach = math.ceil(self._largest()) + 2
        centre = self.rect().center()
        return QRect(centre.x() - reach, centre.y() - reach, 2 * reach + 1, 2 * reach + 1)

    def _look(self) -> tuple[float, float, str]:
        radius, glow = self._shape()
        return (round(radius), round(glow * 255), self.phase_words)

    def _shape(self) -> tuple[float, float]:
        """Radius and light of the circle for the current breath."""
        fullness = self.breath.fullness if self.breath else 0.0
        largest = self._largest()
        if self.reduced_motion:
            # Still shape, changing light: for people for whom movement is uncomfortable.
            return largest * 0.8, 0.25 + 0.75 * fullness
        return largest * (SMALLEST + (1 - SMALLEST) * fullness), 1.0

    def _largest(self) -> float:
        return min(self.width(), self.height()) / 2 - 8

    @property
    def phase_words(self) -> str:
        if not self.breath or not self.show_words:
            return ""
        words = PHASE_WORDS[self.breath.phase]
        if not self.show_counts:
            return words
        left = self.breath.phase_seconds * (1.0 - self.breath.progress)
        return f"{words} · {math.ceil(left - 1e-6)}"

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius, glow = self._shape()
        centre = QPointF(self.width() / 2, self.height() / 2)
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, _faded(INNER, glow))
        gradient.setColorAt(1.0, _faded(OUTER, glow * (0.9 if self.breath else 0.35)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)
        words = self.phase_words
        if words:
            painter.setPen(QColor("#ffffff"))
            font = painter.font()
            font.setPointSizeF(max(11.0, self._largest() / 11))
            painter.setFont(font)
            box = QRectF(0, 0, self.width(), self.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
        painter.end()


def _faded(color: QColor, alpha: float) -> QColor:
    faded = QColor(color)
    faded.setAlphaF(max(0.0, min(1.0, alpha)))
    return faded
