"""Two small hand-painted charts: minutes per week, and the check-ins week by week.

Both paint in the palette's colours (light or dark), say what they show in their accessible
description, and hand over their numbers as a table for a CSV export.
"""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from compassion_app import messages
from compassion_app.core.checkin_trends import MEASURES, WeekCheckIns
from compassion_app.ui.palette import Palette
from compassion_app.ui.theme import colours_for

PLOT_HEIGHT = 120  # the chart itself; room for its words grows with the text size
# Each check-in measure's line, by the palette colour it is drawn in.
LINE_COLOURS = {"critic": "critic_line", "warmth": "accent_line", "settled": "calm"}
Table = tuple[list[str], list[list[str]]]


class _Chart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach its words
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(560, PLOT_HEIGHT + 3 * line + 16)

    def mondays(self) -> list[date]:
        raise NotImplementedError

    def describe_week(self, index: int) -> str:
        raise NotImplementedError

    def week_at(self, x: float) -> int | None:
        """The index of the week drawn at `x`, or None outside the chart."""
        area, count = self.plot_area(), len(self.mondays())
        if not count or not area.left() <= x < area.right():
            return None
        return int((x - area.left()) / (area.width() / count))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.week_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe_week(index), self)
            return True
        return super().event(event)

    def plot_area(self) -> QRectF:
        """Where the bars and lines go: a line of text above (the legend), the scale's numbers to
        the left, the months below - each as large as the text is."""
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("1200") + 10
        line = metrics.height()
        return QRectF(self.rect()).adjusted(left, line + 8, -12, -(line + 6))

    def paint_focus(self, painter: QPainter, colours: Palette) -> None:
        """A ring round the chart while the keyboard is on it, as round every other control:
        without it, someone moving by Tab could not see that they had reached the chart."""
        if self.hasFocus():
            painter.setPen(QPen(QColor(colours.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)

    def paint_axis(
        self, painter: QPainter, colours: Palette, top_value: float, mondays: Sequence[date]
    ) -> None:
        area = self.plot_area()
        line = painter.fontMetrics().height()
        painter.setPen(QPen(QColor(colours.soft_ink), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for value in (0, top_value / 2, top_value):
            y = area.bottom() - area.height() * (value / top_value if top_value else 0)
            text = f"{value:g}"
            painter.drawText(
                QRectF(0, y - line / 2, area.left() - 6, line), Qt.AlignmentFlag.AlignRight, text
            )
        if not mondays:
            return
        step = area.width() / len(mondays)
        month = None
        for index, monday in enumerate(mondays):
            if monday.month != month:
                month = monday.month
                x = area.left() + index * step
                name = monday.strftime("%b")
                width = painter.fontMetrics().horizontalAdvance(name) + 2
                painter.drawText(QRectF(x, area.bottom() + 4, width, line), 0, name)


class WeeklyMinutesChart(_Chart):
    """A bar for each week's minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(messages.CHART_WEEKS_NAME, parent)
        self.weeks: list[tuple[date, int]] = []

    def show_weeks(self, weeks: Sequence[tuple[date, int]]) -> None:
        self.weeks = list(weeks)
        minutes = [m for _, m in self.weeks]
        self.setAccessibleDescription(messages.chart_weeks_description(minutes))
        self.update()

    def mondays(self) -> list[date]:
        return [monday for monday, _ in self.weeks]

    def describe_week(self, index: int) -> str:
        monday, minutes = self.weeks[index]
        return messages.chart_week_minutes(monday, minutes)

    def table(self) -> Table:
        return messages.CSV_WEEKS_HEADER, [[m.isoformat(), str(n)] for m, n in self.weeks]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = colours_for(self)  # once a paint, for the axis, the bars and the ring
        top = _nice_top(max((m for _, m in self.weeks), default=0))
        self.paint_axis(painter, colours, top, [monday for monday, _ in self.weeks])
        area = self.plot_area()
        if self.weeks and top:
            step = area.width() / len(self.weeks)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.accent_line))
            for index, (_, minutes) in enumerate(self.weeks):
                height = area.height() * minutes / top
                bar = QRectF(
                    area.left() + index * step + 1, area.bottom() - height, step - 2, height
                )
                painter.drawRoundedRect(bar, 2, 2)
        self.paint_focus(painter, colours)
        painter.end()


class CheckInTrendChart(_Chart):
    """A line for each check-in measure: the week's average rating before practice, 0 to 10."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(messages.CHART_CHECKINS_NAME, parent)
        self._mondays: list[date] = []
        self.weeks: dict[date, WeekCheckIns] = {}

    def show_weeks(self, mondays: Sequence[date], weeks: Sequence[WeekCheckIns]) -> None:
        """`mondays`: the weeks along the bottom; `weeks`: those with check-ins among them."""
        self._mondays = list(mondays)
        self.weeks = {week.start: week for week in weeks if week.start in set(self._mondays)}
        self.setAccessibleDescription(messages.chart_checkins_description(len(self.weeks)))
        self.update()

    def mondays(self) -> list[date]:
        return self._mondays

    def describe_week(self, index: int) -> str:
        monday = self._mondays[index]
        week = self.weeks.get(monday)
        if week is None:
            return messages.chart_week_checkins(monday, 0, {})
        return messages.chart_week_checkins(monday, week.count, week.average)

    def table(self) -> Table:
        rows = [
            [
                monday.isoformat(),
                str(week.count),
                *(f"{week.average[measure]:.1f}" for measure in MEASURES),
            ]
            for monday, week in sorted(self.weeks.items())
        ]
        return messages.CSV_CHECKINS_HEADER, rows

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = colours_for(self)
        self.paint_axis(painter, colours, 10, self._mondays)
        area = self.plot_area()
        if self._mondays:
            step = area.width() / len(self._mondays)
            for measure in MEASURES:
                self._paint_line(painter, line_colour(measure, colours), measure, area, step)
        self._paint_legend(painter, area, colours)
        self.paint_focus(painter, colours)
        painter.end()

    def _paint_line(
        self, painter: QPainter, colour: QColor, measure: str, area: QRectF, step: float
    ) -> None:
        path = QPainterPath()
        points = []
        for index, monday in enumerate(self._mondays):
            week = self.weeks.get(monday)
            if week is None:
                continue  # a week without check-ins leaves the line to join its neighbours
            x = area.left() + (index + 0.5) * step
            points.append(QPointF(x, area.bottom() - area.height() * week.average[measure] / 10))
        if not points:
            return
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(colour)
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)

    def _paint_legend(self, painter: QPainter, area: QRectF, colours: Palette) -> None:
        line = painter.fontMetrics().height()
        x = area.left() + 6
        for measure in MEASURES:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(line_colour(measure, colours))
            painter.drawEllipse(QPointF(x + 4, 2 + line / 2), 4, 4)
            painter.setPen(QColor(colours.soft_ink))
            words = messages.MEASURE_NAMES[measure]
            width = painter.fontMetrics().horizontalAdvance(words) + 2
            painter.drawText(QRectF(x + 12, 2, width, line), 0, words)
            x += 22 + width


def _nice_top(value: int) -> int:
    """A round number at or above `value` for the top of a scale (30, 60, 120...)."""
    for top in (10, 30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200):
        if value <= top:
            return top
    return (value // 600 + 1) * 600


def line_colour(measure: str, colours: Palette) -> QColor:
    """The colour of a check-in measure's line, in the theme's palette."""
    return QColor(getattr(colours, LINE_COLOURS[measure]))


def save_csv(table: Table, path: Path) -> None:
    """Write a picture's numbers as CSV; whole or not at all (OSError says why not)."""
    header, rows = table
    with _replacing(path) as temporary, temporary.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def save_png(widget: QWidget, path: Path) -> None:
    """Write what `widget` shows as a PNG image; whole or not at all (OSError says why not).

    The image is made in memory and written by Python, so a failure keeps the system's cause
    (a full disk, a folder that is not there) instead of Qt's bare "could not save".
    """
    image = QByteArray()
    buffer = QBuffer(image)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        raise OSError(errno.EIO, messages.EXPORT_IMAGE_FAILED)
    with _replacing(path) as temporary:
        temporary.write_bytes(image.data())


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that takes its place only once it is complete."""
    temporary = path.with_name(f".{path.name}.saving")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
