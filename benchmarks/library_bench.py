"""The cost of reading the practice library, against a bare read of the same files.

Prints, for the bundled scripts: the bare floor (tomllib parsing every file, nothing else), the
checked load (`load_script`: every value range-checked, every line placed) and the whole library
(`load_library`: each script also laid out at every length it offers), as milliseconds and as
ratios to the floor. Median of repeated runs, measured in one process, so the machine's load
affects all three alike.

    .venv/bin/python benchmarks/library_bench.py
"""

from __future__ import annotations

import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from compassion_app.core.library import load_library
from compassion_app.core.scripts import load_script

SCRIPTS = Path(__file__).resolve().parents[1] / "assets" / "scripts"
RUNS = 30


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    paths = sorted(SCRIPTS.glob("*.toml"))
    floor = median_ms(lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in paths])
    checked = median_ms(lambda: [load_script(p) for p in paths])
    library = median_ms(lambda: load_library(SCRIPTS))
    print(f"{len(paths)} scripts, median of {RUNS} runs")
    print(f"tomllib only (floor)      {floor:7.2f} ms   1.00x")
    print(f"load_script (checked)     {checked:7.2f} ms   {checked / floor:5.2f}x")
    print(f"load_library (laid out)   {library:7.2f} ms   {library / floor:5.2f}x")


if __name__ == "__main__":
    main()
