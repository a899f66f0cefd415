"""Letters at scale: autosave, search and opening the archive with 1,000 letters stored.

    .venv/bin/python benchmarks/letters_bench.py [--repeats N] [--letters N]

Everything timed goes through the real Store (on disk, in a temporary folder) and the real
letters screen (offscreen). Each figure has a floor measured in the same run, so the ratio means
something on a busy machine:
- autosave: `Store.save_letter` of a 2 KB and of a 1 MB letter, against an atomic write (temp
  file, fsync, rename, directory fsync) of the same letter's JSON - the least a safe save can do;
- search: `Store.search_letters` over 1,000 letters, against a bare `in` over their texts held in
  memory (goal: at most 50 ms);
- opening the archive: `Store.open` and building the letters screen with its list of 1,000, to
  its first paint, against a bare QListWidget filled with 1,000 lines (goal: at most 100 ms).
Prints a table, then one JSON line with every figure (seconds, the median of the repeats).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.store.storage import write_atomically  # noqa: E402

PARAGRAPH = (
    "Dear me, I know today was hard. It makes sense that you felt tired and unsure; anyone "
    "would. Même les jours gris comptent. 你好，慢慢来。 "
)
SMALL = (PARAGRAPH * 14)[:2048]  # about 2 KB
LARGE = (PARAGRAPH * 7000)[: 1 << 20]  # about 1 MB (in characters)
QUERIES = ("gris", "tired", "慢慢", "nowhere-to-be-found", "Letter 517")


def median_time(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def fill(store: Store, count: int) -> list[Letter]:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    letters = []
    for n in range(count):
        when = start + timedelta(days=n)
        letter = Letter(f"Letter {n}", SMALL, when, when, finished=n % 2 == 0)
        store.save_letter(letter)
        letters.append(letter)
    return letters


def autosave(store: Store, folder: Path, body: str, repeats: int) -> tuple[float, float]:
    letter = Letter.begin("Being written")
    typed = [letter.edited(letter.title, body + str(n)) for n in range(repeats + 1)]
    store.save_letter(typed[0])
    saves = iter(typed[1:])
    ours = median_time(lambda: store.save_letter(next(saves)), repeats)
    payload = json.dumps(typed[0].to_dict(), ensure_ascii=False).encode("utf-8")
    floor_path = folder / "floor.json"
    floor = median_time(lambda: write_atomically(floor_path, payload), repeats)
    return ours, floor


def search(store: Store, letters: list[Letter], repeats: int) -> tuple[float, float]:
    def ours() -> None:
        for query in QUERIES:
            store.search_letters(query)

    texts = [(letter.title + "\n" + letter.body).casefold() for letter in letters]

    def floor() -> None:
        for query in QUERIES:
            wanted = query.casefold()
            [index for index, text in enumerate(texts) if wanted in text]

    per_query = len(QUERIES)
    return median_time(ours, repeats) / per_query, median_time(floor, repeats) / per_query


def open_archive(path: Path, count: int, repeats: int) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication, QListWidget

    from compassion_app.ui.screens.letters import LettersScreen

    app = QApplication.instance() or QApplication([])

    def ours() -> None:
        store = Store.open(path)
        screen = LettersScreen(store)
        screen.show()
        app.processEvents()
        assert screen.archive.list.count() >= count
        screen.close()
        screen.deleteLater()
        store.close()

    lines = [f"Letter {n}  ·  Wed 01 Jan 2020  ·  finished" for n in range(count)]

    def floor() -> None:
        widget = QListWidget()
        widget.addItems(lines)
        widget.show()
        app.processEvents()
        widget.close()
        widget.deleteLater()

    return median_time(ours, repeats), median_time(floor, repeats)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args(argv)
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / "compassion-companion.json"
        store = Store.open(path)
        letters = fill(store, args.letters)
        for name, body in (("autosave 2 KB", SMALL), ("autosave 1 MB", LARGE)):
            ours, floor = autosave(store, folder, body, args.repeats)
            figures[name] = {"ours": ours, "floor": floor}
        ours, floor = search(store, letters, args.repeats)
        figures["search, one query"] = {"ours": ours, "floor": floor, "goal": 0.050}
        store.close()
        ours, floor = open_archive(path, args.letters, args.repeats)
        figures["open the archive"] = {"ours": ours, "floor": floor, "goal": 0.100}
    print(f"{args.letters} letters stored; median of {args.repeats} runs")
    print(f"{'':22} {'ours':>10} {'floor':>10} {'ratio':>7}  goal")
    for name, row in figures.items():
        goal = f"≤ {row['goal'] * 1000:.0f} ms" if "goal" in row else ""
        ratio = row["ours"] / row["floor"] if row["floor"] else float("nan")
        print(
            f"{name:22} {row['ours'] * 1000:8.2f} ms {row['floor'] * 1000:7.2f} ms "
            f"{ratio:6.1f}x  {goal}"
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
