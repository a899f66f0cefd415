"""What following the person's own exercise folder costs, against floors measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/own_exercises_bench.py

For 1, 10 and 50 files of one's own (the bundled scripts under new ids, so each is laid out at
every length it offers, as the app does):
- the check made after every change the watcher reports (`folder_state`: a glob and a stat per
  file; when nothing really changed, this is all the work);
- reading them (`Library.read_own`) the first time, and again after one file changed (what the
  app does after each save: the unchanged files' readings are kept), against a floor of tomllib
  parsing every file once;
- in the real window (offscreen), from a file saved to Today's list showing it, against the
  watcher's deliberate pause (RELOAD_DELAY_MS): what is left is the watcher's and the app's own
  time (Qt's coarse timers may fire up to 5 % early, so it can read a few ms below zero). Median
  of repeated runs (library_bench's).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from library_bench import median_ms  # beside this file: the same median of repeated runs

from compassion_app.core.library import Library, folder_state, load_library
from compassion_app.paths import DataPaths, resource_path

BUNDLED = resource_path("scripts")


def fill(folder: Path, count: int) -> None:
    sources = sorted(BUNDLED.glob("*.toml"))
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        own_id = f"mine-{number}"
        text = text.replace(f'id = "{source.stem}"', f'id = "{own_id}"', 1)
        (folder / f"{own_id}.toml").write_text(text, encoding="utf-8")


def reading(count: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        fill(folder, count)
        paths = sorted(folder.glob("*.toml"))
        library = load_library(BUNDLED, own_folder=folder)
        assert len(library.own) == count, library.problems
        state = median_ms(lambda: folder_state(folder))
        floor = median_ms(lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in paths])
        first = median_ms(lambda: Library().read_own(folder))  # nothing remembered yet
        one = paths[0]

        def one_changed() -> None:
            with one.open("a", encoding="utf-8") as handle:
                handle.write("\n# edited\n")
            library.read_own(folder)

        again = median_ms(one_changed)
        print(
            f"{count:3d} files  folder_state {state:5.2f} ms  tomllib (floor) {floor:6.2f} ms  "
            f"first read {first:7.2f} ms ({first / floor:4.2f}x)  one changed {again:6.2f} ms "
            f"({again / floor:4.2f}x)"
        )


def window_latency() -> None:
    from PySide6.QtWidgets import QApplication

    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.own_exercises import RELOAD_DELAY_MS
    from compassion_app.ui.sound import no_sound

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as name:
        paths = DataPaths(Path(name))
        paths.exercises.mkdir()
        fill(paths.exercises, 10)
        with Store.open(paths.store) as store:
            window = MainWindow(store, load_library(BUNDLED, own_folder=paths.exercises), no_sound)
            window.show()
            wait_until(app, lambda: window.own_exercises is not None and window._painted)
            text = (BUNDLED / "calm-place.toml").read_text(encoding="utf-8")
            seconds = []
            for number in range(5):
                own_id = f"fresh-{number}"
                fresh = text.replace('id = "calm-place"', f'id = "{own_id}"', 1)
                start = time.perf_counter()
                (paths.exercises / f"{own_id}.toml").write_text(fresh, encoding="utf-8")
                wait_until(app, lambda i=own_id: window.today.exercise.findData(i) >= 0)
                seconds.append(time.perf_counter() - start)
            window.close()
    latency = statistics.median(seconds) * 1000
    print(
        f"saved -> in Today's list (10 files there): {latency:6.0f} ms, of which the pause "
        f"{RELOAD_DELAY_MS} ms (floor): {latency - RELOAD_DELAY_MS:5.0f} ms the app's own, "
        f"{latency / RELOAD_DELAY_MS:4.2f}x floor"
    )


def wait_until(app: object, done: Callable[[], bool], limit: float = 10.0) -> None:
    deadline = time.perf_counter() + limit
    while not done():
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)
        if time.perf_counter() > deadline:
            raise TimeoutError


def main() -> None:
    for count in (1, 10, 50):
        reading(count)
    window_latency()


if __name__ == "__main__":
    main()
