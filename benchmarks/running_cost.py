"""Child process for the running-cost benchmark: the CPU the app uses during a practice, or idle.

    QT_QPA_PLATFORM=offscreen python benchmarks/running_cost.py practice|idle SECONDS

The real MainWindow, with a real Store in a fresh folder and the silent sound starter (so only the
picture costs CPU, not audio: audio is audio_bench.py's part). The window is shown offscreen, where
Qt still lays out and paints every frame into its backing store. Once the first breath has begun
(the spoken intro before it barely moves the screen) and a settling second has passed, we read the
process's CPU time (all threads, user + system) over SECONDS of wall time, and print one JSON line.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

EXERCISE = "soothing-rhythm-breathing"
MINUTES = 10
SETTLE_MS = 1000  # the first frames build the timeline and lay out the screen: one-off costs
BREATH_WAIT_MS = 30_000  # if no breath has begun by then, measure whatever the screen is doing
# Some PySide6 releases (6.12.0 here) drop a reference to None or True on every signal emit and
# every Python-overridden virtual call; 60 frames a second then drain them to zero within a minute
# and the interpreter aborts. We count the loss (a row in the table) and hold spare references so
# that the measurement itself survives it.
BALLAST = 1_000_000


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("practice", "idle"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, seconds = argv[0], float(argv[1])

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    ballast = [None, True, False] * BALLAST  # noqa: F841 - see BALLAST
    app = QApplication(sys.argv[:1])
    folder = tempfile.TemporaryDirectory(prefix="bench-running-")
    store = Store.open(Path(folder.name) / "store.json")
    window = MainWindow(store, load_library(resource_path("scripts")), start_sound=no_sound)
    window.show()
    frames = [0]
    result: dict[str, float | str] = {"mode": mode}

    def on_frame(moment: object) -> None:
        frames[0] += 1
        # The intro before the first breath barely moves; the pacer is what we came to measure.
        if "cpu0" not in result and "waiting" not in result and getattr(moment, "breath", None):
            result["waiting"] = 1.0
            QTimer.singleShot(SETTLE_MS, measure)

    def begin() -> None:
        if mode == "idle":
            QTimer.singleShot(SETTLE_MS, measure)
            return
        # A check-in before the practice would wait for a click; this benchmark is the pacer.
        settings = getattr(window, "settings", None)
        if dataclasses.is_dataclass(settings) and hasattr(settings, "checkins"):
            window.settings = dataclasses.replace(settings, checkins=False)
        window.start_practice(EXERCISE, MINUTES)
        controller = window.practice.controller
        if controller is not None:
            # Frames are the pacer's: the breath each frame, where the controller offers it.
            frame_signal = getattr(controller, "breath_changed", None)
            if frame_signal is not None:
                frame_signal.connect(lambda breath: on_frame(Breathing(breath)))
            else:
                controller.moment_changed.connect(on_frame)
        QTimer.singleShot(BREATH_WAIT_MS, measure_unless_started)

    def measure_unless_started() -> None:
        if "cpu0" not in result and "waiting" not in result:
            measure()

    def measure() -> None:
        result.pop("waiting", None)
        result["cpu0"], result["wall0"], result["frames0"] = (
            time.process_time(),
            time.monotonic(),
            frames[0],
        )
        result["refs0"] = shared_refs()
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        cpu = time.process_time() - float(result.pop("cpu0"))
        wall = time.monotonic() - float(result.pop("wall0"))
        ticks = frames[0] - int(result.pop("frames0"))
        lost = float(result.pop("refs0")) - shared_refs()
        # Quitting closes the window, which would ask whether to end the practice: end it first.
        getattr(window, "save_and_release", lambda: None)()
        result.update(
            cpu_s=cpu,
            wall_s=wall,
            cpu_percent=100 * cpu / wall,
            frames_per_s=ticks / wall,
            refs_lost_per_s=lost / wall,
        )
        app.quit()

    QTimer.singleShot(0, begin)
    app.exec()
    if mode == "practice" and not result.get("frames_per_s"):
        print(
            "running_cost: the practice never animated (did start_practice change?)",
            file=sys.stderr,
        )
        return 1
    print(json.dumps(result), flush=True)
    store.close()
    folder.cleanup()
    # Skip interpreter teardown: with the reference leak above it can abort after a good run.
    os._exit(0)


@dataclasses.dataclass(frozen=True)
class Breathing:
    """A frame that carries only the breath, in the shape on_frame reads."""

    breath: object


def shared_refs() -> int:
    """References held to None and True: flat in a steady animation, unless something leaks."""
    return sys.getrefcount(None) + sys.getrefcount(True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
