"""What reading the history without the lock costs, beside opening it to write and a bare read.

    python benchmarks/read_only_bench.py [--years N] [--repeats N] [--json]

A real store folder with N years of ten practices a day, filled through the store's API. Each
figure is the best of the repeats, in the same run: the floor reads every file's bytes and parses
them as JSON (no store can read the history for less); `Store.open` reads it as the app does
(taking the lock); the read-only look reads it with the folder free, and again while another Store
holds it (as the open window does). Printed as milliseconds and as ratios to the floor, because
the machine is shared and only ratios within one run compare.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.reading import ReadOnlyStore


def filled_folder(root: Path, years: int) -> Path:
    path = root / "compassion-companion.json"
    first = date(2026, 11, 25) - timedelta(days=365 * years - 1)
    records = []
    for offset in range(365 * years):
        day = first + timedelta(days=offset)
        for n in range(10):
            started = datetime(day.year, day.month, day.day, 6 + n, tzinfo=UTC)
            records.append(PracticeRecord("calm-place", started, day, 0, 600, 600, True))
    with Store.open(path) as store:
        store.add_practices(records)
    return path


def best_ms(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def floor(path: Path) -> int:
    files = [path, *sorted((path.parent / "practices").glob("*.json"))]
    return sum(len(json.loads(file.read_bytes())) for file in files)


def with_writer(path: Path) -> int:
    with Store.open(path) as store:
        return len(store.practices())


def read_only(path: Path) -> int:
    with ReadOnlyStore.open(path) as store:
        return len(store.practices())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = filled_folder(Path(folder), args.years)
        figures = {
            "floor_ms": best_ms(lambda: floor(path), args.repeats),
            "store_open_ms": best_ms(lambda: with_writer(path), args.repeats),
            "read_only_ms": best_ms(lambda: read_only(path), args.repeats),
        }
        with Store.open(path):  # held, as the open window holds it
            figures["read_only_while_held_ms"] = best_ms(lambda: read_only(path), args.repeats)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{args.years} years x 10 practices a day, best of {args.repeats}")
    for name, value in figures.items():
        print(f"  {name:<26}{value:9.1f} ms  {value / figures['floor_ms']:5.1f} x floor")


if __name__ == "__main__":
    main()
