"""Child process for the store benchmark: a 10-year store (36,500 practices, 1,000 letters).

    QT_QPA_PLATFORM=offscreen python benchmarks/store_bench.py [--repeats N] [--keep DIR]

The file is filled directly in the store's own format (TinyDB's JSON, as AtomicJSONStorage writes
it): through the API, 36,500 appends would each rewrite the whole file. Everything timed goes
through the real Store API, except the letter write: letters have no API yet, so we time both a
2 KB `Store.set_setting` and a raw TinyDB update of one letter in the 'letters' table through
AtomicJSONStorage. Each "floor" is the bare cost underneath: `json.loads` of the file for opening,
an atomic write (temp file, fsync, rename, directory fsync) of the same bytes for each write.
Prints one JSON line: {name: {"ours": seconds, "floor": seconds or null}, ...}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from compassion_app.core.records import PracticeRecord
from compassion_app.core.stats import seconds_on, streak_of
from compassion_app.store.db import LETTERS_TABLE, PRACTICES_TABLE, Store
from compassion_app.store.storage import AtomicJSONStorage, read_tables, write_atomically

YEARS, PER_DAY, LETTERS = 10, 10, 1_000
EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]
LETTER = (
    "Dear me, I know today was hard. It makes sense that you felt tired and unsure; "
    "anyone would. Même les jours gris comptent. "
) * 15  # ~2 KB, some non-ASCII


def fill(path: Path, today: date) -> None:
    """Write a store holding 10 years of practice and 1,000 letters, in the store's format."""
    Store.open(path).close()  # stamps the schema version exactly as the app does
    tables = read_tables(path)
    first = today - timedelta(days=365 * YEARS)
    practices = {}
    for day in range(365 * YEARS):
        for n in range(PER_DAY):
            started = datetime.combine(first + timedelta(days=day), datetime.min.time())
            record = PracticeRecord.starting_now(
                EXERCISES[n % len(EXERCISES)],
                600,
                600 - 7 * n,
                n % 3 != 0,
                started=started + timedelta(hours=7, minutes=90 * n),
            )
            practices[str(len(practices) + 1)] = record.to_dict()
    tables[PRACTICES_TABLE] = practices
    tables[LETTERS_TABLE] = {
        str(n + 1): {
            "letter_id": f"letter-{n}",
            "written": (first + timedelta(days=3 * n)).isoformat(),
            "to": "myself",
            "text": LETTER,
        }
        for n in range(LETTERS)
    }
    write_atomically(path, _serialise(tables))


def _serialise(tables: object) -> bytes:
    # The same settings as AtomicJSONStorage.write, so the floor writes what the store writes.
    return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def median_seconds(
    repeats: int, action: Callable[[], object], setup: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(repeats):
        setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--repeats", type=int, default=5)
    options.add_argument(
        "--keep", type=Path, help="build the store here and leave it (for start-up runs)"
    )
    args = options.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-store-"))
    path = folder / "compassion-companion.json"
    today = date.today()
    fill(path, today)
    if args.keep:
        print(json.dumps({"path": str(path)}))
        return 0
    n = args.repeats
    payload = path.read_bytes()
    out: dict[str, dict[str, float | None]] = {
        "file_mib": {"ours": len(payload) / 2**20, "floor": None}
    }

    def row(name: str, ours: float, floor: float | None = None) -> None:
        out[name] = {"ours": ours, "floor": floor}

    raw_write = median_seconds(n, lambda: write_atomically(folder / "floor.json", payload))
    row(
        "open_s",
        median_seconds(n, lambda: Store.open(path).close()),
        median_seconds(n, lambda: json.loads(payload)),
    )
    stores: list[Store] = []
    row(
        "first_practices_s",
        median_seconds(n, lambda: stores[-1].practices(), lambda: stores.append(Store.open(path))),
    )
    store = stores[-1]
    records = store.practices()
    row("practices_cached_s", median_seconds(n, store.practices))
    row(
        "append_s",
        median_seconds(
            n, lambda: store.add_practice(PracticeRecord.starting_now(EXERCISES[0], 600, 600, True))
        ),
        raw_write,
    )
    row(
        "setting_2kb_s",
        median_seconds(n, lambda: store.set_setting("letter-draft", LETTER + str(time.time()))),
        raw_write,
    )
    store.close()
    from tinydb import TinyDB

    db = TinyDB(path, storage=AtomicJSONStorage)
    letters = db.table(LETTERS_TABLE)
    row(
        "letter_update_s",
        median_seconds(
            n, lambda: letters.update({"text": LETTER + str(time.time())}, doc_ids=[500])
        ),
        raw_write,
    )
    db.close()
    row(
        "stats_s",
        median_seconds(n, lambda: (streak_of(records, today), seconds_on(records, today))),
    )
    row("today_refresh_s", today_refresh(path, n))
    out["records"] = {"ours": float(len(records)), "floor": None}
    print(json.dumps(out), flush=True)
    return 0


def today_refresh(path: Path, repeats: int) -> float:
    """What Today's refresh costs with this history (offscreen), after its first build."""
    from PySide6.QtWidgets import QApplication

    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.ui.screens.today import TodayScreen

    app = QApplication(sys.argv[:1])  # noqa: F841 - widgets need one
    with Store.open(path) as store:
        screen = TodayScreen(store, load_library(resource_path("scripts")))
        return median_seconds(repeats, screen.refresh)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
