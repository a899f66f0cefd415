"""What the light and dark look costs: a frame of the breathing circle, and a switch of theme.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/look_bench.py

Each figure is measured beside its floor in the same run, and the ratio is what to compare
between machines (this one is shared and noisy):
- a pacer frame (the circle repainted mid-breath) in light and in dark, against a bare widget of
  the same size that only fills itself with one colour;
- a theme switch of the real window with every screen built (Today, Progress, Letters, Settings,
  the practice), against the same switch of a bare window holding one label.
Prints one JSON line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from compassion_app.core.breathing import BreathState
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.palette import DARK, LIGHT
from compassion_app.ui.sound import no_sound
from compassion_app.ui.style import stylesheet
from compassion_app.ui.theme import qt_palette
from compassion_app.ui.widgets.pacer import PacerWidget

FRAMES = 400
SWITCHES = 10


class Fill(QWidget):
    """The floor of a frame: a widget that paints one colour over itself."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(LIGHT.background))
        painter.end()


def per_call_ms(action: Callable[[], None], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def frame_cost(app: QApplication) -> dict[str, float]:
    pacer, floor = PacerWidget(), Fill()
    for widget in (pacer, floor):
        widget.resize(600, 500)
        widget.show()
    app.processEvents()
    figures = {}
    step = [0.0]

    def breathe() -> None:
        step[0] = (step[0] + 0.01) % 1.0
        pacer.set_breath(BreathState("in", step[0], step[0], 5.0))
        pacer.repaint()

    for name, colours in (("light", LIGHT), ("dark", DARK)):
        QApplication.setPalette(qt_palette(colours))
        app.processEvents()
        figures[f"pacer_frame_{name}_ms"] = per_call_ms(breathe, FRAMES)
    figures["floor_frame_ms"] = per_call_ms(floor.repaint, FRAMES)
    for name in ("light", "dark"):
        figures[f"pacer_frame_{name}_ratio"] = (
            figures[f"pacer_frame_{name}_ms"] / figures["floor_frame_ms"]
        )
    pacer.close()
    floor.close()
    return figures


def switch_cost(app: QApplication, folder: Path) -> dict[str, float]:
    store = Store.open(folder / "compassion-companion.json")
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
    window.show()
    for show in (window.show_progress, window.show_letters, window.show_settings):
        show()
    window.practice  # noqa: B018 - built, as after a first practice
    window.show_today()
    app.processEvents()
    themes = iter(["dark", "light"] * SWITCHES)

    def switch_app() -> None:
        window.desktop.choose(replace(window.desktop.settings, theme=next(themes)))
        window.repaint()

    bare = QMainWindow()
    bare.setCentralWidget(QLabel("Today"))
    bare.show()
    points = QApplication.font().pointSizeF()
    looks = iter([DARK, LIGHT] * SWITCHES)

    def switch_bare() -> None:
        colours = next(looks)
        QApplication.setPalette(qt_palette(colours))
        bare.setStyleSheet(stylesheet(points, colours))
        bare.repaint()

    app_ms = per_call_ms(switch_app, 2 * SWITCHES)
    bare_ms = per_call_ms(switch_bare, 2 * SWITCHES)
    window.close()
    store.close()
    return {"switch_ms": app_ms, "floor_switch_ms": bare_ms, "switch_ratio": app_ms / bare_ms}


def main() -> int:
    app = QApplication(sys.argv[:1])
    figures = frame_cost(app)
    with tempfile.TemporaryDirectory() as folder:
        figures |= switch_cost(app, Path(folder))
    print(json.dumps({key: round(value, 3) for key, value in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
