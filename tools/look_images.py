"""Draws the two small pictures the style sheet uses, into assets/look/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/look_images.py

`tick.png`: the white tick inside a chosen check box (on the rose of either theme).
`arrow-down.png`: the arrow of a drop-down list, in a grey that stands at 3:1 or more on the
cards and pages of both themes, so one picture serves light and dark.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

LOOK = Path(__file__).resolve().parents[1] / "assets" / "look"
ARROW_GREY = "#8a8599"


def stroke(size: int, colour: str, width: float, points: list[tuple[int, int]], name: str) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    painter.drawPath(path)
    painter.end()
    image.save(str(LOOK / name))
    print(LOOK / name)


def main() -> None:
    QGuiApplication([])
    LOOK.mkdir(parents=True, exist_ok=True)
    stroke(32, "#ffffff", 4.5, [(7, 17), (13, 23), (25, 9)], "tick.png")
    stroke(24, ARROW_GREY, 3, [(6, 9), (12, 15), (18, 9)], "arrow-down.png")


if __name__ == "__main__":
    main()
