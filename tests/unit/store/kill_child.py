"""The child of the kill test: saves practices and letters through the real Store, forever.

    python kill_child.py STORE_PATH RUN

After each save has returned it prints what was saved ("P <id>" or "L <id> <version> <n>"), so
the parent knows exactly which writes had returned when it killed this process.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store

BEGUN = datetime(2024, 1, 1, tzinfo=UTC)


def main(path: Path, run: str) -> None:
    store = Store.open(path)
    print("ready", flush=True)
    letters: dict[str, Letter] = {}
    for n in range(1_000_000):
        if n % 2 == 0:
            started = datetime.now(UTC) - timedelta(minutes=n)
            record = PracticeRecord.starting_now("calm-place", 600, 600, True, started=started)
            record = PracticeRecord(**{**record.__dict__, "record_id": f"{run}-{n}"})
            store.add_practice(record)
            print(f"P {record.record_id}", flush=True)
            continue
        letter_id = f"{run}-letter{n % 3}"
        letter = letters.get(letter_id) or Letter("A letter", "", BEGUN, BEGUN, letter_id=letter_id)
        if n % 7 == 0:
            letter = letter.revised()  # a new version; the old one must stay as it was
        letter = letter.edited("A letter", f"words {n} " + "kind " * 200)
        letters[letter_id] = letter
        store.save_letter(letter)
        print(f"L {letter_id} {letter.version} {n}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
