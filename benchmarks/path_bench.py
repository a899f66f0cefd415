"""How long working out the place on the four-week path takes, over ten years of practice.

    QT_QPA_PLATFORM=offscreen python benchmarks/path_bench.py [--repeats N]

The place is worked out again from every saved practice each time Today refreshes, so it is timed
over the same ten years of ten practices a day (36,500 records) the progress benchmark uses,
joined on the first day (the worst case: every record is looked at). Two references in the same
run: the floor, a bare loop that reads the two fields the walk needs from every record in start
order (sorting included, as the walk sorts), and `summarise`, the figures Today already works out
from the same records at each refresh. Also: loading and checking the bundled path file, and
Today's refresh on a real window with the path joined against one that never joined.
Target: the place costs no more than a small part of what Today's figures already cost.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stats_bench import TODAY, best_of, ten_years  # noqa: E402

from compassion_app.core.library import load_library  # noqa: E402
from compassion_app.core.path import PathState, place_on_path  # noqa: E402
from compassion_app.core.path_plan import load_plan  # noqa: E402
from compassion_app.core.stats import summarise  # noqa: E402
from compassion_app.paths import resource_path  # noqa: E402


def best_ms(run: Callable[[], object], repeats: int) -> float:
    return 1000 * best_of(repeats, run)


def today_refresh_ms(records: list, joined: bool, repeats: int) -> float:
    """Today.refresh() on a real window over a real store holding `records`."""
    from PySide6.QtWidgets import QApplication

    from compassion_app.core.path import STORE_KEY
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.json") as store:
        store.add_practices(records)
        if joined:
            first = min(r.started_utc for r in records) - timedelta(minutes=1)
            store.set_setting(STORE_KEY, PathState().join(first).to_dict())
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.today.refresh()  # the store reads the years once, as at start-up
        app.processEvents()
        result = best_ms(window.today.refresh, repeats)
        window.close()
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    records, rest_days = ten_years()
    library = load_library(resource_path("scripts"))
    plan_file = resource_path("path", "four-weeks.toml")
    plan = load_plan(plan_file, library)
    state = PathState().join(datetime(2000, 1, 1, tzinfo=UTC))

    def floor() -> object:
        seen = 0
        for record in sorted(records, key=lambda r: r.started_utc):
            seen += record.local_date.day + len(record.exercise_id)
        return seen

    figures = {
        "floor (sort + read every record)": best_ms(floor, args.repeats),
        "place_on_path, 36,500 practices": best_ms(
            lambda: place_on_path(plan, state, records, TODAY), args.repeats
        ),
        "summarise (Today's figures already)": best_ms(
            lambda: summarise(records, TODAY, rest_days, 5), args.repeats
        ),
        "load and check four-weeks.toml": best_ms(
            lambda: load_plan(plan_file, library), args.repeats
        ),
    }
    year = records[-3650:]  # a year of the same practice, for the window (filling ten is slow)
    figures["Today.refresh, a year, never joined"] = today_refresh_ms(year, False, args.repeats)
    figures["Today.refresh, a year, on the path"] = today_refresh_ms(year, True, args.repeats)
    floor_ms = figures["floor (sort + read every record)"]
    for name, ms in figures.items():
        print(f"{name:40s} {ms:8.2f} ms   {ms / floor_ms:6.2f} x floor")
    place, summary = (
        figures["place_on_path, 36,500 practices"],
        figures["summarise (Today's figures already)"],
    )
    print(f"place_on_path / summarise: {place / summary:.2f}")


if __name__ == "__main__":
    main()
