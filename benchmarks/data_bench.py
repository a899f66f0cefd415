"""How long Settings' "Your data" tasks take over a long history, each against its floor.

    python benchmarks/data_bench.py [--repeats N] [--years Y]

Ten years of ten practices a day (36,500 records) and 100 letters, kept in a real store folder.
Timed, best of N: Export… (store/exchange.py to a JSON file), Import… of that file into an empty
store, the same Import… again (everything already there: nothing added), and Back up now
(store/backups.py). The floors: for export, `json.dumps` of the same document written to a file;
for import, `json.loads` of the export file; for the backup, hard-linking the same files with
nothing else. These are what shows whether a task can take "more than a moment" on the window's
thread (it runs in a worker thread in the app either way).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.exchange import export_document, export_everything, import_file

EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]


def filled(store: Store, years: int) -> None:
    first = date(2016, 1, 1)
    records = []
    for offset in range(365 * years):
        day = first + timedelta(days=offset)
        for n in range(10):
            started = datetime(day.year, day.month, day.day, 6, tzinfo=UTC) + timedelta(hours=n)
            records.append(
                PracticeRecord(
                    exercise_id=EXERCISES[n % len(EXERCISES)],
                    started_utc=started,
                    local_date=day,
                    utc_offset_minutes=0,
                    planned_seconds=600,
                    actual_seconds=600,
                    completed=True,
                )
            )
    store.add_practices(records)
    for n in range(100):
        when = datetime(2016, 1, 1, tzinfo=UTC) + timedelta(days=30 * n)
        store.save_letter(Letter("To myself", "Dear me, gently. " * 60, when, when))


def best(
    task: Callable[[], object], repeats: int, before: Callable[[], None] = lambda: None
) -> float:
    times = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="data-bench-"))
    try:
        with Store.open(root / "here" / "compassion-companion.json") as store:
            filled(store, args.years)
            out = root / "export.json"
            exported = best(lambda: export_everything(store, out), args.repeats)

            def floor_export() -> None:
                document = export_document(store, store.practices())
                (root / "floor.json").write_bytes(json.dumps(document).encode("utf-8"))

            export_floor = best(floor_export, args.repeats)
            backed_up = best(store.back_up_now, args.repeats)
            files = store._folder.kept_files()  # the same files, linked with nothing else

            def floor_backup() -> None:
                target = root / "links"
                shutil.rmtree(target, ignore_errors=True)
                for path in files:
                    copy = target / path.relative_to(store.folder or root)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    os.link(path, copy)

            backup_floor = best(floor_backup, args.repeats)
        fresh = root / "fresh"

        def empty() -> None:
            shutil.rmtree(fresh, ignore_errors=True)

        def import_fresh() -> None:
            with Store.open(fresh / "compassion-companion.json") as target:
                import_file(target, out)

        imported = best(import_fresh, args.repeats, before=empty)
        import_floor = best(lambda: json.loads(out.read_bytes()), args.repeats)
        again = best(import_fresh, args.repeats)  # the store already holds all of it
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{args.years} years, {args.years * 3650} practices, 100 letters; best of {args.repeats}")
    for name, seconds, floor in (
        ("export", exported, export_floor),
        ("import (into an empty store)", imported, import_floor),
        ("import again (nothing new)", again, import_floor),
        ("back up now", backed_up, backup_floor),
    ):
        print(
            f"{name:30s} {seconds * 1000:8.0f} ms   floor {floor * 1000:6.0f} ms   "
            f"x{seconds / floor:5.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
