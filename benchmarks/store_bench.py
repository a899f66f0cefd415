"""Child process for the store benchmark: a 10-year store (36,500 practices, 1,000 letters).

    QT_QPA_PLATFORM=offscreen python benchmarks/store_bench.py [--repeats N] [--keep DIR]

The history is first written as one version-1 file (the shape the app used before shards), then
opened once through the real Store, which moves it into its files (the migration is timed too).
Everything timed goes through the real Store API. Each "floor" is the bare cost underneath, on the
same bytes: an atomic write (temp file, fsync, rename, folder fsync) of exactly the files the
operation rewrites, or `json.loads` of the file opening reads.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.core.stats import seconds_on, streak_of
from compassion_app.store import storage
from compassion_app.store.db import Store
from compassion_app.store.exchange import export_document, export_everything
from compassion_app.store.storage import write_atomically

YEARS, PER_DAY, LETTERS = 10, 10, 1_000
EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]
LETTER = (
    "Dear me, I know today was hard. It makes sense that you felt tired and unsure; "
    "anyone would. Même les jours gris comptent. "
) * 15  # ~2 KB, some non-ASCII


def fill(path: Path, today: date) -> float:
    """A version-1 file with ten years of practice and 1,000 letters; seconds to migrate it."""
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
    letters = {}
    for n in range(LETTERS):
        when = datetime.combine(first + timedelta(days=3 * n), datetime.min.time(), tzinfo=UTC)
        letter = Letter(f"Letter {n}", LETTER, when, when, letter_id=f"letter{n:04d}")
        letters[str(n + 1)] = letter.to_dict()
    tables = {
        "meta": {"1": {"schema_version": 1}},
        "practices": practices,
        "settings": {},
        "letters": letters,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(tables, ensure_ascii=False).encode("utf-8"))
    start = time.perf_counter()
    Store.open(path).close()
    return time.perf_counter() - start


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


def raw_write(repeats: int, folder: Path, *files: Path) -> float:
    """The floor: atomic writes of the same bytes as `files`, to files of our own."""
    payloads = [file.read_bytes() for file in files]

    def write_all() -> None:
        for n, payload in enumerate(payloads):
            write_atomically(folder / f"floor-{n}.json", payload)

    return median_seconds(repeats, write_all)


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
    migrate_s = fill(path, today)
    if args.keep:
        print(json.dumps({"path": str(path)}))
        return 0
    n = args.repeats
    scratch = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    live = [folder / "practices", folder / "letters"]
    total = path.stat().st_size + sum(f.stat().st_size for d in live for f in d.glob("*.json"))
    out: dict[str, dict[str, float | None]] = {
        "file_mib": {"ours": total / 2**20, "floor": None},
        "main_file_kib": {"ours": path.stat().st_size / 2**10, "floor": None},
        "migrate_s": {"ours": migrate_s, "floor": None},
    }

    def row(name: str, ours: float, floor: float | None = None) -> None:
        out[name] = {"ours": ours, "floor": floor}

    main_bytes = path.read_bytes()
    row(
        "open_s",
        median_seconds(n, lambda: Store.open(path).close()),
        median_seconds(n, lambda: json.loads(main_bytes)),
    )
    stores: list[Store] = []

    def reopen() -> None:
        if stores:
            stores.pop().close()
        stores.append(Store.open(path))

    since = date(today.year - 1, 1, 1)  # what a run reaching back into last year needs
    row(
        "first_practices_since_s",
        median_seconds(n, lambda: stores[-1].practices(since=since), reopen),
    )
    row("first_practices_s", median_seconds(n, lambda: stores[-1].practices(), reopen))
    store = stores[-1]
    records = store.practices()
    row("practices_cached_s", median_seconds(n, store.practices))
    year_file = folder / "practices" / f"{today.year}.json"
    row(
        "append_s",
        median_seconds(
            n, lambda: store.add_practice(PracticeRecord.starting_now(EXERCISES[0], 600, 600, True))
        ),
        raw_write(n, scratch, year_file),
    )
    draft = store.letter("letter0500")
    store.letters()  # the archive was opened once already, as the letters screen does
    row(
        "letter_autosave_s",
        median_seconds(
            n, lambda: store.save_letter(draft.edited(draft.title, LETTER + str(time.time())))
        ),
        # The one file an autosave writes (the index catches up at close).
        raw_write(n, scratch, folder / "letters" / "letter0500.json"),
    )
    row(
        "setting_s",
        median_seconds(n, lambda: store.set_setting("preferences", {"checkins": time.time() > 0})),
        raw_write(n, scratch, path),
    )
    # Why orjson writes the files: encoding this year's file both ways (ours: what encode() uses).
    year_tables = storage.read_tables(year_file)
    row(
        "encode_year_s",
        median_seconds(n, lambda: storage.encode(year_tables)),
        median_seconds(
            n,
            lambda: json.dumps(
                year_tables, ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode("utf-8"),
        ),
    )
    row("letters_list_s", median_seconds(n, store.letters))
    row("search_first_s", median_seconds(1, lambda: store.search_letters("gris")))
    row("search_again_s", median_seconds(n, lambda: store.search_letters("kind words")))
    export_path = scratch / "export.json"
    row(
        "export_s",
        median_seconds(n, lambda: export_everything(store, export_path)),
        raw_write(n, scratch, export_path),
    )
    row("export_document_s", median_seconds(n, lambda: export_document(store, store.practices())))
    store.close()
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
