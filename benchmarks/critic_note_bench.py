"""The critic note on the end screen, with 1,000 letters stored: what offering and keeping cost.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/critic_note_bench.py [--repeats N]

Through the real Store on disk (a temporary folder) and the real note panel, offscreen. Each
figure has a floor measured in the same run, so the ratio means something on a busy machine:
- offering the note right after the store opens (its lines cleared, and the check that the
  letters are not behind an unopened passphrase, one look at a small mark file); floor: reading
  and parsing the letters' index JSON once, which the offer does not need;
- keeping a note (the panel's Keep, through `Store.save_letter`), against an atomic write (temp
  file, fsync, rename, directory fsync) of the same note's JSON.
Prints a table, then one JSON line with every figure (seconds, the median of the repeats).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from letters_bench import fill, median_time  # noqa: E402

from compassion_app.core.critic_notes import critic_note  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.store.storage import write_atomically  # noqa: E402

SAID = "You always get it wrong, and everyone can see it"
REPLY = "I am learning, and I am doing my best with a lot on my plate"


def offer(path: Path, repeats: int) -> tuple[float, float]:
    from compassion_app.ui.widgets.critic_note import CriticNotePanel

    ours, floor = [], []
    for _ in range(repeats):
        store = Store.open(path)
        panel = CriticNotePanel(store)
        began = time.perf_counter()
        panel.offer()
        ours.append(time.perf_counter() - began)
        panel.deleteLater()
        store.close()
        began = time.perf_counter()
        json.loads((path.parent / "letters" / "index.json").read_bytes())
        floor.append(time.perf_counter() - began)
    return statistics.median(ours), statistics.median(floor)


def keep(path: Path, repeats: int) -> tuple[float, float]:
    from compassion_app.ui.widgets.critic_note import CriticNotePanel

    store = Store.open(path)
    panel = CriticNotePanel(store)
    panel.offer()
    panel.said.setText(SAID)
    count = iter(range(repeats))

    def ours() -> None:
        panel.reply.setText(f"{REPLY} {next(count)}")  # a change each time, so each is a save
        assert panel.keep()

    kept = median_time(ours, repeats)
    payload = json.dumps(critic_note(SAID, REPLY).to_dict(), ensure_ascii=False).encode("utf-8")
    floor_path = path.parent / "floor.json"
    floor = median_time(lambda: write_atomically(floor_path, payload), repeats)
    store.close()
    return kept, floor


def main() -> None:
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "compassion-companion.json"
        with Store.open(path) as store:
            fill(store, args.letters)
        figures = {
            "offer": offer(path, args.repeats),
            "keep": keep(path, args.repeats),
        }
    app.processEvents()
    print(f"{'figure':<8} {'ours ms':>9} {'floor ms':>9} {'ratio':>7}")
    for name, (ours, floor) in figures.items():
        print(f"{name:<8} {ours * 1e3:9.2f} {floor * 1e3:9.2f} {ours / floor:7.1f}")
    print(json.dumps({"letters": args.letters, **{k: list(v) for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
