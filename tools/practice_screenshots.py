"""Screenshots of Today at its minimum size and of the practice (breathing in, out, paused).

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/practice_screenshots.py docs

A real window on an X server, a fresh store in a temporary folder, no sound, and a clock this
script moves to a moment in an in-breath and an out-breath.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    clock = [1000.0]
    folder = tempfile.TemporaryDirectory()
    store = Store.open(Path(folder.name) / "store.json")
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, lambda: clock[0])
    window.show()

    def settle() -> None:
        for _ in range(40):
            app.processEvents()
            time.sleep(0.01)

    settle()
    window.resize(window.minimumSizeHint())
    settle()
    window.grab().save(str(out / "screenshot-today-minimum.png"))
    window.resize(900, 680)
    settle()
    window.start_practice("soothing-rhythm-breathing", 10)
    settle()
    window.practice.checkin.skip_button.click()
    settle()
    controller = window.practice.controller
    assert controller is not None
    timeline = controller.practice.timeline

    def go_to(phase: str, progress: float) -> None:
        """Move the clock to the first such breath after the first minute."""
        for tenth in range(600, 6000):
            breath = timeline.breath_at(int(tenth / 10 * timeline.sample_rate))
            if breath and breath.phase == phase and abs(breath.progress - progress) < 0.05:
                clock[0] = 1000.0 + tenth / 10
                return

    go_to("in", 0.6)
    settle()
    window.grab().save(str(out / "screenshot-practice-in.png"))
    go_to("out", 0.6)
    settle()
    window.grab().save(str(out / "screenshot-practice-out.png"))
    controller.pause()
    settle()
    window.grab().save(str(out / "screenshot-practice-paused.png"))
    window.save_and_release()
    store.close()
    os._exit(0)  # the window's teardown is not what we came for


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
