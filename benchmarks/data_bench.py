"""How long Settings' "Your data" tasks take over a long history, each against its floor.

    python benchmarks/data_bench.py [--repeats N] [--years Y]

Ten years of ten practices a day (36,500 records) and 100 letters, kept in a real store folder.
Timed, the median of N: Export… (store/exchange.py to a JSON file), Import… of that file into an
empty store (opening and closing it included), the same Import… again (everything already there:
nothing added), and Back up now (store/backups.py). For export and import, also the half that
runs on the window's thread (taking from the store; merging into it, opening and closing
included); the rest runs in a worker. Back up now runs on the window's thread whole. The floors:
for export, `json.dumps` of the same document written to a file; for import, `json.loads` of the
export file; for the backup, hard-linking the same files with nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import median_seconds  # noqa: E402

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.core.records import PracticeRecord  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.store.exchange import (  # noqa: E402
    export_document,
    export_everything,
    import_file,
    merge,
    read_export,
    taken_for_export,
)

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
            exported = median_seconds(args.repeats, lambda: export_everything(store, out))
            taken = median_seconds(args.repeats, lambda: taken_for_export(store, out))

            def floor_export() -> None:
                document = export_document(store, store.practices())
                (root / "floor.json").write_bytes(json.dumps(document).encode("utf-8"))

            export_floor = median_seconds(args.repeats, floor_export)
            backed_up = median_seconds(args.repeats, store.back_up_now)
            files = store._folder.kept_files()  # the same files, linked with nothing else

            def floor_backup() -> None:
                target = root / "links"
                shutil.rmtree(target, ignore_errors=True)
                for path in files:
                    copy = target / path.relative_to(store.folder or root)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    os.link(path, copy)

            backup_floor = median_seconds(args.repeats, floor_backup)
        fresh = root / "fresh"

        def empty() -> None:
            shutil.rmtree(fresh, ignore_errors=True)

        def import_fresh() -> None:
            with Store.open(fresh / "compassion-companion.json") as target:
                import_file(target, out)

        imported = median_seconds(args.repeats, import_fresh, setup=empty)
        found = read_export(out)

        def merge_fresh() -> None:
            with Store.open(fresh / "compassion-companion.json") as target:
                merge(target, found)

        merged = median_seconds(args.repeats, merge_fresh, setup=empty)
        import_floor = median_seconds(args.repeats, lambda: json.loads(out.read_bytes()))
        again = median_seconds(args.repeats, import_fresh)  # the store already holds all of it
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"{args.years} years, {args.years * 3650} practices, 100 letters; median of {args.repeats}"
    )
    for name, seconds, floor in (
        ("export", exported, export_floor),
        ("  of it on the window's thread", taken, export_floor),
        ("import (into an empty store)", imported, import_floor),
        ("  of it on the window's thread", merged, import_floor),
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
