"""What reading the history without the lock costs, beside opening it to write and a bare read.

    python benchmarks/read_only_bench.py [--repeats N] [--json]

A real store folder with stats_bench's ten years of ten practices a day, filled through the
store's API. Each
figure is the best of the repeats, in the same run: the floor reads every file's bytes and parses
them as JSON (no store can read the history for less); `Store.open` reads it as the app does
(taking the lock); the read-only look reads it with the folder free, and again while another Store
holds it (as the open window does). Printed as milliseconds and as ratios to the floor, because
the machine is shared and only ratios within one run compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stats_bench import best_of, ten_years  # noqa: E402

from compassion_app.store.db import Store  # noqa: E402
from compassion_app.store.reading import ReadOnlyStore  # noqa: E402


def filled_folder(root: Path) -> Path:
    path = root / "compassion-companion.json"
    with Store.open(path) as store:
        store.add_practices(ten_years()[0])
    return path


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
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = filled_folder(Path(folder))
        figures = {
            "floor_ms": 1000 * best_of(args.repeats, lambda: floor(path)),
            "store_open_ms": 1000 * best_of(args.repeats, lambda: with_writer(path)),
            "read_only_ms": 1000 * best_of(args.repeats, lambda: read_only(path)),
        }
        with Store.open(path):  # held, as the open window holds it
            figures["read_only_while_held_ms"] = 1000 * best_of(
                args.repeats, lambda: read_only(path)
            )
    if args.json:
        print(json.dumps(figures))
        return
    print(f"ten years x 10 practices a day, best of {args.repeats}")
    for name, value in figures.items():
        print(f"  {name:<26}{value:9.1f} ms  {value / figures['floor_ms']:5.1f} x floor")


if __name__ == "__main__":
    main()
