"""The breathing pacer: a soft circle that grows with the in-breath and settles with the out-breath.

It draws whatever breath state it is given; the practice clock (the audio stream's own position)
decides that state, so the circle moves with the breath sound rather than with a timer of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRadialGradient
from PySide6.QtWidgets import QSizePolicy, QWidget

from compassion_app.core.breathing import BreathState

PHASE_WORDS = {
    "in": "Breathing in",
    "hold_in": "Resting",
    "out": "Breathing out",
    "hold_out": "Resting",
}
SMALLEST = 0.35  # of the largest radius: an empty breath still leaves a gentle presence
INNER = QColor("#f3c6b8")
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

    def set_breath(self, breath: BreathState | None) -> None:
        if breath != self.breath:
            self.breath = breath
            self.update()

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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fullness = self.breath.fullness if self.breath else 0.0
        largest = min(self.width(), self.height()) / 2 - 8
        if self.reduced_motion:
            # Still shape, changing light: for people for whom movement is uncomfortable.
            radius, glow = largest * 0.8, 0.25 + 0.75 * fullness
        else:
            radius, glow = largest * (SMALLEST + (1 - SMALLEST) * fullness), 1.0
        centre = QPointF(self.width() / 2, self.height() / 2)
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, _faded(INNER, glow))
        gradient.setColorAt(1.0, _faded(OUTER, glow * (0.9 if self.breath else 0.35)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)
        if self.phase_words:
            painter.setPen(QColor("#ffffff"))
            font = painter.font()
            font.setPointSizeF(max(11.0, largest / 11))
            painter.setFont(font)
            box = QRectF(0, 0, self.width(), self.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.phase_words)
        painter.end()


def _faded(color: QColor, alpha: float) -> QColor:
    faded = QColor(color)
    faded.setAlphaF(max(0.0, min(1.0, alpha)))
    return faded
