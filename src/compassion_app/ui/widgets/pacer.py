"""The breathing pacer: a soft circle that grows with the in-breath and settles with the out-breath.

It draws whatever breath state it is given; the practice clock (the audio stream's own position)
decides that state, so the circle moves with the breath sound rather than with a timer of its own.

The words ("Breathing out · 3") sit under the circle in the page's ink, where they always fit
and can be read, never over the circle's changing colours. The circle is painted once into a
pixmap whenever the widget's size or the theme's colours change; a frame draws that picture scaled
to the breath's radius, a cheap copy in Qt's own code, and the only Python work per frame is the
radius. A screen reader hears the part of the breath as each part begins, not every frame.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from compassion_app import messages as words
from compassion_app.core.breathing import BreathState
from compassion_app.ui.palette import Palette
from compassion_app.ui.theme import colours_for

PHASE_WORDS = {
    "in": words.BREATHING_IN,
    "hold_in": words.BREATH_RESTING,
    "out": words.BREATHING_OUT,
    "hold_out": words.BREATH_RESTING,
}
LONGEST_WORDS = words.PACER_COUNT.format(words=words.BREATHING_OUT, seconds=88)
SMALLEST = 0.35  # of the largest radius: an empty breath still leaves a gentle presence
WORDS_SCALE = 1.4  # the words are a little larger than the person's ordinary text
MARGIN = 8  # between the circle and the widget's edge, and around the words


class PacerWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.breath: BreathState | None = None
        self.reduced_motion = False
        self.show_words = True
        self.show_counts = True
        self._measure_words()
        # The circle at its largest, with or without breath, for the screen's pixel ratio.
        self._circles: dict[tuple[bool, float], QPixmap] = {}
        self._look = (0, 0, False)  # radius, light and breath as last drawn, in whole steps
        self._words = ""
        self._take_colours()  # looked up once per theme, not in every frame
        self._spoken_phase: str | None = ""  # the part of the breath last told ("": none yet)
        self.setAccessibleName(words.PACER_NAME)
        self._speak()
        # We paint every pixel ourselves, so Qt need not repaint the screen behind us each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _measure_words(self) -> None:
        self.words_font = QFont(self.font())
        self.words_font.setPointSizeF(self.font().pointSizeF() * WORDS_SCALE)
        self._words_height = QFontMetrics(self.words_font).height() + 2 * MARGIN

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # e.g. a larger text size chosen in Settings
            self._measure_words()
            self._circles.clear()  # the words' band changed, and with it the circle's size
            self.updateGeometry()
            self.update()
        if event.type() == QEvent.Type.PaletteChange:
            self._take_colours()
            self._circles.clear()  # light or dark: drawn again in the new colours
            self.update()
        super().changeEvent(event)

    def _take_colours(self) -> None:
        """The theme's colours, and the two a frame paints in, made once per theme."""
        self._colours = colours_for(self)
        self._background = QColor(self._colours.background)
        self._ink = QColor(self._colours.ink)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = QFontMetrics(self.words_font).horizontalAdvance(LONGEST_WORDS) + 2 * MARGIN
        return QSize(max(200, width), 160 + self._words_height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # As small as it may be: it grows into whatever room the screen has (it expands), and a
        # modest hint keeps the practice from asking its scroll area for more than the window.
        return self.minimumSizeHint()

    def set_breath(self, breath: BreathState | None) -> None:
        """Take the breath at this moment; repaint only what would visibly change.

        The clock ticks up to fifty times a second, but a slow breath moves the circle by less
        than a pixel in most ticks (and not at all while resting): those ticks repaint nothing.
        """
        self.breath = breath
        radius, glow = self._shape()
        look = (round(radius), round(glow * 255), breath is not None)
        if look != self._look:
            # The square covering both the old circle and the new one, and nothing more.
            self.update(self._circle_area(max(look[0], self._look[0])))
            self._look = look
        if breath is None or not self._words:
            self.show_phase_words()  # words appear and go with the breath itself

    def show_phase_words(self) -> None:
        """Write the words for the breath (the screen asks a few times a second, not per frame)."""
        text = self.phase_words
        if text != self._words:
            self._words = text
            self.update(self.words_area())
        self._speak()

    def _speak(self) -> None:
        """Tell a screen reader the part of the breath, once as each part begins."""
        phase = self.breath.phase if self.breath else None
        if phase == self._spoken_phase:
            return
        self._spoken_phase = phase
        self.setAccessibleDescription(self.spoken_words)

    @property
    def spoken_words(self) -> str:
        """The breath in a sentence: "Breathing in, 3 seconds left"."""
        if not self.breath:
            return words.PACER_STILL
        phase = PHASE_WORDS[self.breath.phase]
        left = _seconds_left(self.breath)
        if left <= 0:
            return phase
        return (words.PACER_SPOKEN_ONE if left == 1 else words.PACER_SPOKEN).format(
            words=phase, seconds=left
        )

    def _circle_area(self, radius: int) -> QRect:
        centre = self._centre()
        reach = radius + 2
        x, y = round(centre.x()), round(centre.y())
        return QRect(x - reach, y - reach, 2 * reach + 1, 2 * reach + 1)

    def words_area(self) -> QRect:
        """The band under the circle where the words are written."""
        return QRect(0, self.height() - self._words_height, self.width(), self._words_height)

    def _shape(self) -> tuple[float, float]:
        """Radius and light of the circle for the current breath."""
        fullness = self.breath.fullness if self.breath else 0.0
        largest = self._largest()
        if self.reduced_motion:
            # Still shape, changing light: for people for whom movement is uncomfortable.
            return largest * 0.8, 0.25 + 0.75 * fullness
        return largest * (SMALLEST + (1 - SMALLEST) * fullness), 1.0

    def _largest(self) -> float:
        return max(4.0, min(self.width(), self.height() - self._words_height) / 2 - MARGIN)

    def _centre(self) -> QPointF:
        return QPointF(self.width() / 2, (self.height() - self._words_height) / 2)

    @property
    def phase_words(self) -> str:
        if not self.breath or not self.show_words:
            return ""
        phase = PHASE_WORDS[self.breath.phase]
        if not self.show_counts:
            return phase
        return words.PACER_COUNT.format(words=phase, seconds=_seconds_left(self.breath))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._circles.clear()  # drawn again at the new size, once, on the next paint
        super().resizeEvent(event)

    def _circle(self, breathing: bool) -> QPixmap:
        """The circle at its largest, drawn once per size, theme and screen; each frame draws it
        scaled. In the screen's own pixels: on a high-density screen (or moved to one) a circle
        drawn in the window's coordinates would be stretched, and look blurred."""
        key = (breathing, self.devicePixelRatioF())
        circle = self._circles.get(key)
        if circle is None:
            circle = _paint_circle(self._largest(), breathing, self._colours, key[1])
            self._circles[key] = circle
        return circle

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        radius, glow = self._shape()
        centre = self._centre()
        target = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        # The circle's picture is opaque, page colour in its corners: the page needs painting only
        # around it (when the circle shrinks, or in reduced motion where it is seen through).
        page = QRegion(event.rect())
        if glow >= 1.0:
            page -= QRegion(target.toAlignedRect().adjusted(1, 1, -1, -1))
        painter.setClipRegion(page)
        painter.fillRect(event.rect(), self._background)
        painter.setClipping(False)
        if event.rect().intersects(target.toAlignedRect()):
            circle = self._circle(self.breath is not None)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setOpacity(glow)
            painter.drawPixmap(target, circle, QRectF(circle.rect()))
            painter.setOpacity(1.0)
        if self._words and event.rect().intersects(self.words_area()):
            painter.setPen(self._ink)
            painter.setFont(self.words_font)
            painter.drawText(self.words_area(), Qt.AlignmentFlag.AlignCenter, self._words)
        painter.end()


def _paint_circle(
    radius: float, breathing: bool, colours: Palette, pixel_ratio: float = 1.0
) -> QPixmap:
    """A soft circle, warm in the middle and rose at the rim, on the page's own colour, with
    `pixel_ratio` screen pixels to each of the window's.

    Opaque, because an opaque copy is the cheapest a painter can make; its corners are the very
    colour of the page around it, so they cannot be seen.
    """
    pixels = max(1, math.ceil(2 * radius * pixel_ratio))
    circle = QPixmap(pixels, pixels)
    circle.setDevicePixelRatio(pixel_ratio)
    size = pixels / pixel_ratio  # what the painter below measures in: the window's coordinates
    circle.fill(QColor(colours.background))
    painter = QPainter(circle)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(size / 2, size / 2)
    gradient = QRadialGradient(centre, size / 2)
    gradient.setColorAt(0.0, QColor(colours.glow_centre))
    # While breathing, the rim stands at 3:1 or more on the page, so the circle's size can be seen.
    gradient.setColorAt(1.0, _faded(QColor(colours.glow_edge), 1.0 if breathing else 0.35))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawEllipse(centre, size / 2, size / 2)
    painter.end()
    return circle


def _faded(color: QColor, alpha: float) -> QColor:
    faded = QColor(color)
    faded.setAlphaF(max(0.0, min(1.0, alpha)))
    return faded


def _seconds_left(breath: BreathState) -> int:
    """Whole seconds left in this part of the breath, as shown and as spoken (3, 2, 1)."""
    return math.ceil(breath.phase_seconds * (1.0 - breath.progress) - 1e-6)
