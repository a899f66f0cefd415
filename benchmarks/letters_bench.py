"""Letters at scale: autosave, search and opening the archive with 1,000 letters stored.

    .venv/bin/python benchmarks/letters_bench.py [--repeats N] [--letters N]

Everything timed goes through the real Store (on disk, in a temporary folder) and the real
letters screen (offscreen). Each figure has a floor measured in the same run, so the ratio means
something on a busy machine:
- autosave: `Store.save_letter` of a 2 KB and of a 1 MB letter, against an atomic write (temp
  file, fsync, rename, directory fsync) of the same letter's JSON - the least a safe save can do;
- search: `Store.search_letters` over 1,000 letters, against a bare `in` over their texts held in
  memory (goal: at most 50 ms);
- the first search after opening, which reads every letter once (same floor);
- autosave from the editor (its text read out of the widget, then saved; no floor);
- opening the archive: `Store.open` and building the letters screen with its list of 1,000, to
  the list's first paint, against a bare QListWidget of 1,000 lines (goal: at most 100 ms). The
  search warm-up the screen starts just after that paint is not in this figure, but is the
  "first search after opening" above.
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
from typing import Any

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


def cold_search(path: Path, repeats: int) -> float:
    """The first search after opening: every letter is read once, then kept in memory."""

    def first() -> None:
        store = Store.open(path)
        began = time.perf_counter()
        store.search_letters("gris")
        times.append(time.perf_counter() - began)
        store.close()

    times: list[float] = []
    for _ in range(repeats):
        first()
    return statistics.median(times)


def editor_save(store: Store, body: str, repeats: int) -> float:
    """Autosave from the screen: the editor reads its text and the store saves it."""
    from PySide6.QtWidgets import QApplication

    from compassion_app.ui.screens.letter_editor import LetterEditor

    app = QApplication.instance() or QApplication([])
    editor = LetterEditor(store)
    editor.begin(Letter.begin("Being written"))
    editor.body.setPlainText(body)
    app.processEvents()
    times = []
    for n in range(repeats):
        editor.body.appendPlainText(str(n))  # one more keystroke's worth, then the save
        began = time.perf_counter()
        assert editor.save_now()
        times.append(time.perf_counter() - began)
    editor.deleteLater()
    return statistics.median(times)


def open_archive(path: Path, count: int, repeats: int) -> tuple[float, float]:
    """Store.open and the letters screen, to the first paint of the list of letters."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QListWidget

    from compassion_app.ui.screens.letters import LettersScreen

    app = QApplication.instance() or QApplication([])

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def until_painted(show: Callable[[FirstPaint], None]) -> float:
        began = time.perf_counter()
        spy = FirstPaint()
        show(spy)
        while not spy.painted:
            app.processEvents()
        return time.perf_counter() - began

    def ours(spy: FirstPaint) -> None:
        store = Store.open(path)
        screen = LettersScreen(store)
        screen.archive.list.viewport().installEventFilter(spy)
        screen.show()
        shown.append((store, screen))

    def floor(spy: FirstPaint) -> None:
        widget = QListWidget()
        widget.viewport().installEventFilter(spy)
        widget.addItems(lines)
        widget.show()
        shown.append((None, widget))

    def put_away() -> None:
        for store, widget in shown:
            app.processEvents()  # the search warm-up, after the first paint, is not timed
            widget.close()
            widget.deleteLater()
            if store is not None:
                store.close()
        shown.clear()

    lines = [f"Letter {n}  ·  Wed 01 Jan 2020  ·  finished" for n in range(count)]
    shown: list[tuple[Store | None, Any]] = []
    ours_times, floor_times = [], []
    for _ in range(repeats):
        ours_times.append(until_painted(ours))
        put_away()
        floor_times.append(until_painted(floor))
        put_away()
    return statistics.median(ours_times), statistics.median(floor_times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args(argv)
    figures: dict[str, dict[str, float | None]] = {}
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
        for name, body in (("editor autosave 2 KB", SMALL), ("editor autosave 1 MB", LARGE)):
            figures[name] = {"ours": editor_save(store, body, args.repeats), "floor": None}
        store.close()
        figures["first search after opening"] = {
            "ours": cold_search(path, max(3, args.repeats // 3)),
            "floor": floor,
            "goal": 0.050,
        }
        ours, floor = open_archive(path, args.letters, args.repeats)
        figures["open the archive"] = {"ours": ours, "floor": floor, "goal": 0.100}
    print(f"{args.letters} letters stored; median of {args.repeats} runs")
    print(f"{'':28} {'ours':>11} {'floor':>10} {'ratio':>7}  goal")
    for name, row in figures.items():
        ours, floor, goal = row["ours"] or 0.0, row["floor"], row.get("goal")
        limit = f"≤ {goal * 1000:.0f} ms" if goal else ""
        if floor:
            ratio = ours / floor
            print(f"{name:28} {ours * 1000:8.2f} ms {floor * 1000:7.2f} ms {ratio:6.1f}x  {limit}")
        else:
            print(f"{name:28} {ours * 1000:8.2f} ms {'':>10} {'':>7}  {limit}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
