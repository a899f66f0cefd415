"""How long the progress figures and the progress screen take over ten years of practice.

    QT_QPA_PLATFORM=offscreen python benchmarks/stats_bench.py [--repeats N] [--json]

Ten years of ten practices a day (36,500 records, half with check-ins, a rest day a fortnight),
built in memory. Each figure is timed on its own and all together (`summarise`, what every screen
and `compassion-app stats` call), best of N runs. The floor is a bare Python loop that reads one
field of every record: no figure can be cheaper than looking at each practice once.
The progress screen is timed from the start of its construction to its heatmap's first paint, on a
real store folder filled through the store's API, after the store has read the history once (as in
the app, where Today reads it at start-up; that first read is printed too, and is the store's own
benchmark); its floor is a bare QWidget shown to its first paint the same way.
Targets: every figure <= 20 ms; the screen's first paint <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from compassion_app.core.checkin_trends import MEASURES, trend, weekly_checkins
from compassion_app.core.history import History
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.core.score import consistency_score
from compassion_app.core.stats import summarise
from compassion_app.core.streaks import current_streak, longest_streak
from compassion_app.core.totals import totals
from compassion_app.core.weeks import weeks_goal_met_streak

YEARS, PER_DAY = 10, 10
TODAY = date(2026, 11, 25)
EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]


def ten_years() -> tuple[list[PracticeRecord], set[date]]:
    first = TODAY - timedelta(days=365 * YEARS - 1)
    records = []
    for offset in range(365 * YEARS):
        day = first + timedelta(days=offset)
        for n in range(PER_DAY):
            started = datetime(day.year, day.month, day.day, 6, tzinfo=UTC) + timedelta(hours=n)
            checked = n % 2 == 0
            records.append(
                PracticeRecord(
                    EXERCISES[n % len(EXERCISES)],
                    started,
                    day,
                    0,
                    600,
                    600 - 7 * n,
                    n % 3 != 0,
                    CheckIn(7, 3, 4) if checked else None,
                    CheckIn(5, 5, 6) if checked else None,
                )
            )
    rest = {first + timedelta(days=d) for d in range(3, 365 * YEARS, 14)}
    return records, rest


def best_of(
    repeats: int, work: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(repeats):
        start = clock()
        work()
        times.append(clock() - start)
    return min(times)


def figures(repeats: int, clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    records, rest = ten_years()
    history = History.of(records, TODAY)
    days = history.practice_days

    def floor() -> None:
        for record in records:
            record.local_date  # noqa: B018 - the look at each record is what is measured

    parts: dict[str, Callable[[], object]] = {
        "floor (one look at each record)": floor,
        "history (the one pass over the records)": lambda: History.of(records, TODAY),
        "current run": lambda: current_streak(days, TODAY, rest),
        "longest run": lambda: longest_streak(days, TODAY, rest),
        "weeks at the goal": lambda: weeks_goal_met_streak(days, TODAY, 5, rest),
        "consistency score": lambda: consistency_score(days, TODAY, rest),
        "minutes (today, week, month, total, by exercise)": lambda: totals(history, TODAY),
        "check-in trends": lambda: [trend(weekly_checkins(history), m, TODAY) for m in MEASURES],
        "every figure (summarise, from the records)": lambda: summarise(records, TODAY, rest, 5),
    }
    return {name: best_of(repeats, work, clock) for name, work in parts.items()}


def first_paint(repeats: int) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.store.db import Store
    from compassion_app.ui.screens.progress import ProgressScreen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    records, rest = ten_years()
    folder = Path(tempfile.mkdtemp(prefix="stats-bench-"))
    with Store.open(folder / "compassion-companion.json") as filling:
        filling.add_practices(records)  # one write per year, through the store's own API
        for day in sorted(rest):
            filling.set_rest_day(day, True)
    library = load_library(resource_path("scripts"))
    store = Store.open(folder / "compassion-companion.json")
    opened = time.perf_counter()
    store.practices()  # as in the app, where Today has read the history before Progress opens
    read_seconds = time.perf_counter() - opened

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def until_painted(
        make: Callable[[], tuple[QWidget, QWidget]], clock: Callable[[], float]
    ) -> float:
        start = clock()
        shown, painted = make()
        watcher = Painted()
        painted.installEventFilter(watcher)
        shown.show()
        while not watcher.seen:
            app.processEvents()
        elapsed = clock() - start
        shown.close()
        shown.deleteLater()
        app.processEvents()
        return elapsed

    def bare() -> tuple[QWidget, QWidget]:
        widget = QWidget()
        widget.resize(900, 680)
        return widget, widget

    def progress() -> tuple[QWidget, QWidget]:
        screen = ProgressScreen(store, library, today=lambda: TODAY)
        screen.resize(900, 680)
        return screen, screen.heatmap

    wall, cpu = time.perf_counter, time.process_time
    results = {
        "floor (a bare QWidget to its first paint)": min(
            until_painted(bare, wall) for _ in range(repeats)
        ),
        "progress screen, ten years, to its heatmap's first paint": min(
            until_painted(progress, wall) for _ in range(repeats)
        ),
        "the same, in this process's CPU time": min(
            until_painted(progress, cpu) for _ in range(repeats)
        ),
        "(the store's first read of ten years, before: not the screen's)": read_seconds,
    }
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON line of seconds")
    parser.add_argument("--no-screen", action="store_true", help="the figures only, without Qt")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"figures": figures(args.repeats)}
    # The same, in this process's own CPU time: on a machine shared with other work, wall time
    # also counts the waits for a core; CPU time is what the figures themselves cost.
    results["figures, CPU time"] = figures(args.repeats, time.process_time)
    if not args.no_screen:
        results["screen"] = first_paint(args.repeats)
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"{YEARS} years, {365 * YEARS * PER_DAY:,} practices; best of {args.repeats} runs")
    for group, timed in results.items():
        floor = next(iter(timed.values()))
        print(f"\n{group}:")
        for name, seconds in timed.items():
            print(f"  {name:<58} {seconds * 1000:8.2f} ms  {seconds / floor:7.1f} x floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
