"""Child process for the start-up benchmark: start the app (or the floor), report its first paint.

    python benchmarks/startup_probe.py app DATA_DIR
    python benchmarks/startup_probe.py floor
    python benchmarks/startup_probe.py today-floor STYLE_SHEET_FILE

The app is started through its real entry, `compassion_app.__main__.main`, with no change to its
code. This script imports no Qt itself (that would change what the app pays for, and in what
order): an import hook waits for the app's own first import of `PySide6.QtWidgets`, then swaps two
classes in that module for thin subclasses, before any app module can look them up:
- QApplication, to note when it is constructed;
- QMainWindow, whose paintEvent notes the first paint of any main window (the app's MainWindow and
  the floor's window both derive from it when they are defined).
We avoid an application-wide event filter: it would run Python for every event of every widget,
which taxes the app (many widgets) more than the floor and skews the ratio.

"Painted" means the first frame is complete: the first paintEvent queues a zero-delay timer, which
runs only after Qt has painted the window and all its children and flushed the backing store.
There we print one JSON line and quit the event loop normally.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from types import ModuleType

STARTED = time.time()  # the interpreter is up and this script is running

# Modules whose presence at first paint says that start-up paid for something it did not need.
WATCHED = ["numpy", "sounddevice", "soundfile", "tinydb", "PySide6.QtNetwork", "PySide6.QtSvg"]


class PatchOnImport:
    """Finds PySide6.QtWidgets the normal way, and patches it as soon as it has loaded.

    A plain class, not an `importlib.abc.MetaPathFinder`: importing importlib.abc loads
    importlib.resources and tempfile, which would then be free for the app in this benchmark
    although a real start pays for them. The probe imports nothing the app might need.
    """

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        load = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            load(module)
            patch(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def patch(QtWidgets: ModuleType) -> None:  # noqa: N803 - the module's own name
    from PySide6.QtCore import QTimer

    marks: dict[str, float] = {"probe_started": STARTED}

    def report() -> None:
        import json  # only now: the app's own imports are done
        import resource

        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        loaded = [name for name in WATCHED if name in sys.modules]
        # PySide6 builds each class on first use; `Qt` (its namespace of some 120 enums) costs
        # 10-30 ms here, and any `from PySide6.QtCore import Qt` builds it.
        if "Qt" in vars(sys.modules["PySide6.QtCore"]):
            loaded.append("PySide6.QtCore.Qt")
        # CPU time (user + system) to this point: on a busy machine it varies far less than the
        # wall clock, because waiting for a core does not count.
        cpu = time.process_time()
        result = {
            "painted": time.time(),
            "cpu_s": cpu,
            "peak_rss_mib": peak_kib / 1024,
            "loaded": loaded,
        }
        print(json.dumps({**marks, **result}), flush=True)
        QtWidgets.QApplication.quit()

    class ProbeApplication(QtWidgets.QApplication):  # type: ignore[misc, name-defined]
        def __init__(self, *args: object) -> None:
            marks["qapplication"] = time.time()
            super().__init__(*args)

    class ProbeMainWindow(QtWidgets.QMainWindow):  # type: ignore[misc, name-defined]
        def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
            super().paintEvent(event)
            if "paint_event" not in marks:
                marks["paint_event"] = time.time()
                QTimer.singleShot(0, report)

    QtWidgets.QApplication = ProbeApplication
    QtWidgets.QMainWindow = ProbeMainWindow


def main(argv: list[str]) -> int:
    sys.meta_path.insert(0, PatchOnImport())
    if argv[:1] == ["floor"]:
        from floor_window import main as floor_main

        return floor_main()
    if argv[:1] == ["today-floor"] and len(argv) == 2:
        from pathlib import Path

        from today_floor import main as today_floor_main

        return today_floor_main(Path(argv[1]))
    if argv[:1] == ["app"] and len(argv) == 2:
        from compassion_app.__main__ import main as app_main

        return app_main(["--data-dir", argv[1]])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
