"""A year of practice as a calendar of small squares, deeper in colour on days with more minutes.

Columns are weeks (Monday at the top), as in a wall planner. Arrow keys move the chosen day (up and
down a day, left and right a week), Page Up and Page Down four weeks, Home and End go to the first
day and to today. The chosen day's practices are in the tooltip and in the accessible description,
so a screen reader hears them too.
Painted by hand in the palette's own colours, so it reads in light and dark.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from compassion_app import messages
from compassion_app.core.weeks import week_start
from compassion_app.ui.palette import Palette
from compassion_app.ui.theme import colours_for

WEEKS = 53
CELL, GAP = 11, 2
LABEL_SCALE = 0.8  # weekday, month and legend words, a little smaller than the text around
LEVELS = (1, 10, 20, 40)  # minutes that step the colour up: a little, a practice, more, a lot
STRENGTH = (0.09, 0.35, 0.55, 0.8, 1.0)  # how far each level leans from the background
KEY_STEPS = {  # days each key moves the chosen day: as the grid is drawn, and a month at a time
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Left: -7,
    Qt.Key.Key_Right: 7,
    Qt.Key.Key_PageUp: -28,
    Qt.Key.Key_PageDown: 28,
}


class YearHeatmap(QWidget):
    day_selected = Signal(object)  # the chosen date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(messages.HEATMAP_NAME)
        self.today = date.today()
        self.first = week_start(self.today) - timedelta(weeks=WEEKS - 1)
        self.selected = self.today
        self._minutes: Mapping[date, int] = {}
        self._rest: set[date] = set()
        self._describe: Callable[[date], str] = lambda day: ""
        self._overview = ""
        self._margins_for_font: tuple[int, int, int] | None = None  # worked out once per font

    def show_year(
        self,
        today: date,
        minutes_by_day: Mapping[date, int],
        rest_days: set[date],
        describe: Callable[[date], str],
    ) -> None:
        """Show the 53 weeks up to today's; `describe(day)` gives a day's words for its tooltip."""
        self.today = today
        self.first = week_start(today) - timedelta(weeks=WEEKS - 1)
        self._minutes, self._rest, self._describe = minutes_by_day, rest_days, describe
        shown = [m for day, m in minutes_by_day.items() if self.first <= day <= today]
        rested = sum(1 for day in rest_days if self.first <= day <= today)
        self._overview = messages.heatmap_overview(sum(shown), sum(1 for m in shown if m), rested)
        self.select(self.selected if self.first <= self.selected <= self.last else today)
        self.update()

    @property
    def last(self) -> date:
        return self.first + timedelta(weeks=WEEKS, days=-1)

    def describe(self, day: date) -> str:
        return self._describe(day)

    def select(self, day: date) -> None:
        self.selected = min(max(day, self.first), self.last)
        self.setAccessibleDescription(f"{self._overview} {self.describe(self.selected)}")
        self.update()
        self.day_selected.emit(self.selected)

    def cell_rect(self, day: date) -> QRect:
        offset = (day - self.first).days
        column, row = divmod(offset, 7)
        left, top, _ = self._margins()
        return QRect(left + column * (CELL + GAP), top + row * (CELL + GAP), CELL, CELL)

    def day_at(self, point: QPoint) -> date | None:
        left, top, _ = self._margins()
        column, x_in = divmod(point.x() - left, CELL + GAP)
        row, y_in = divmod(point.y() - top, CELL + GAP)
        if not (0 <= column < WEEKS and 0 <= row < 7) or x_in >= CELL or y_in >= CELL:
            return None
        return self.first + timedelta(days=column * 7 + row)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        left, top, bottom = self._margins()
        return QSize(left + WEEKS * (CELL + GAP), top + 7 * (CELL + GAP) + bottom)

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * LABEL_SCALE))
        return font

    def _margins(self) -> tuple[int, int, int]:
        """Room left for weekday names, above for months, below for the legend: as the text is
        large (150 % text needs half as much room again), never a fixed number of pixels."""
        if self._margins_for_font is None:
            metrics = QFontMetrics(self._label_font())
            names = ((self.first + timedelta(days=row)).strftime("%a") for row in range(7))
            left = max(metrics.horizontalAdvance(name) for name in names) + 8
            self._margins_for_font = (left, metrics.height() + 2, max(CELL, metrics.height()) + 10)
        return self._margins_for_font

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._margins_for_font = None  # the margins follow the text size
            self.updateGeometry()
        super().changeEvent(event)

    minimumSizeHint = sizeHint  # noqa: N815 - Qt's name

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in KEY_STEPS:
            self.select(self.selected + timedelta(days=KEY_STEPS[Qt.Key(key)]))
        elif key == Qt.Key.Key_Home:
            self.select(self.first)
        elif key == Qt.Key.Key_End:
            self.select(self.today)
        else:
            super().keyPressEvent(event)
            return
        cell = self.cell_rect(self.selected)
        QToolTip.showText(self.mapToGlobal(cell.bottomRight()), self.describe(self.selected), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select(day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(day), self, self.cell_rect(day))
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._label_font())
        colours = colours_for(self)  # the card it sits on, light or dark
        self._paint_labels(painter, colours)
        shades = _shades(colours)  # made once per palette, not once for each of the 371 days
        for offset in range(WEEKS * 7):
            day = self.first + timedelta(days=offset)
            self._paint_day(painter, day, shades)
        self._paint_legend(painter, colours)
        painter.end()

    def _paint_day(self, painter: QPainter, day: date, shades: _Shades) -> None:
        rect = self.cell_rect(day)
        if day > self.today:
            painter.setPen(shades.future)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 3, 3)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shades.levels[_level(self._minutes.get(day, 0))])
        painter.drawRoundedRect(rect, 3, 3)
        if day in self._rest:
            painter.setBrush(shades.calm)
            painter.drawEllipse(rect.center() + QPoint(1, 1), 3, 3)
        if day == self.today:
            painter.setPen(shades.ink)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 3, 3)
        if day == self.selected and self.hasFocus():
            painter.setPen(shades.focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2, -2, 1, 1), 4, 4)

    def _paint_labels(self, painter: QPainter, colours: Palette) -> None:
        painter.setPen(QColor(colours.soft_ink))
        left, top, _ = self._margins()
        height = painter.fontMetrics().height()
        for row in (0, 2, 4, 6):
            name = (self.first + timedelta(days=row)).strftime("%a")  # the locale's short name
            y = top + row * (CELL + GAP) + CELL // 2 - height // 2
            painter.drawText(QRect(0, y, left - 6, height), Qt.AlignmentFlag.AlignRight, name)
        for column in range(WEEKS):
            monday = self.first + timedelta(weeks=column)
            starts_month = monday.day <= 7  # the first Monday of its month
            if starts_month and column < WEEKS - 2:
                x = left + column * (CELL + GAP)
                month = monday.strftime("%b")
                width = painter.fontMetrics().horizontalAdvance(month) + 2
                painter.drawText(QRect(x, 0, width, top - 2), 0, month)

    def _paint_legend(self, painter: QPainter, colours: Palette) -> None:
        left, top, _ = self._margins()
        metrics = painter.fontMetrics()
        y = top + 7 * (CELL + GAP) + 6
        words_y = y + CELL // 2 - metrics.height() // 2
        x = left
        soft = QColor(colours.soft_ink)

        def words(text: str, at: int) -> int:
            painter.setPen(soft)
            width = metrics.horizontalAdvance(text) + 2
            painter.drawText(QRect(at, words_y, width, metrics.height()), 0, text)
            painter.setPen(Qt.PenStyle.NoPen)
            return at + width

        x = words(messages.HEATMAP_LESS, x) + 4
        for minutes in (0, *LEVELS):
            painter.setBrush(level_colour(minutes, colours))
            painter.drawRoundedRect(QRect(x, y, CELL, CELL), 3, 3)
            x += CELL + GAP
        x = words(messages.HEATMAP_MORE, x + 3) + 20
        painter.setBrush(QColor(colours.calm))
        painter.drawEllipse(QPoint(x + 4, y + CELL // 2), 3, 3)
        words(messages.HEATMAP_REST, x + 12)


def level_colour(minutes: int, colours: Palette) -> QColor:
    """The cell colour for a day's minutes: a faint square for none, deeper rose for more."""
    return QColor(_shades(colours).levels[_level(minutes)])


def _level(minutes: int) -> int:
    return sum(1 for step in LEVELS if minutes >= step)


class _Shades(NamedTuple):
    """What a day's square is painted in, for one palette."""

    ink: QColor  # today's outline
    future: QColor  # the outline of a day still to come
    levels: tuple[QColor, ...]  # a day's square, by its level of minutes
    calm: QColor  # a rest day's dot
    focus: QColor  # the chosen day's ring while the keyboard is here


@lru_cache(maxsize=4)  # light and dark
def _shades(colours: Palette) -> _Shades:
    ink, base, accent = QColor(colours.ink), QColor(colours.card), QColor(colours.accent_line)
    levels = tuple(
        _mix(base, ink if level == 0 else accent, strength)
        for level, strength in enumerate(STRENGTH)
    )
    return _Shades(
        ink, _mix(base, ink, 0.15), levels, QColor(colours.calm), QColor(colours.focus_ring)
    )


def _mix(one: QColor, other: QColor, amount: float) -> QColor:
    """`amount` of the way from `one` to `other`."""
    return QColor(
        round(one.red() + (other.red() - one.red()) * amount),
        round(one.green() + (other.green() - one.green()) * amount),
        round(one.blue() + (other.blue() - one.blue()) * amount),
    )
