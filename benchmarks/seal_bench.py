"""What passphrase protection costs: sealing and opening a letter and a reading, and unlocking.

    .venv/bin/python benchmarks/seal_bench.py            (add --json for JSON)

Each figure stands beside its floor from the same run: sealing beside the atomic write that
saves the same bytes anyway (store.storage.write_atomically, fsync included), and unlocking at
the default Argon2id cost beside reading the key file. Medians of several runs, in milliseconds.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import median_seconds  # noqa: E402

from compassion_app.store.passphrase import KEY_FILE, SealedCipher, protect, unlock  # noqa: E402
from compassion_app.store.storage import write_atomically  # noqa: E402

LETTER_BYTES = 2_000  # a page of words
READING_BYTES = 5_000_000  # a long reading aloud, as Ogg Vorbis
PASSPHRASE = "a quiet harbour at dawn"


def median_ms(task: Callable[[], object], runs: int) -> float:
    return median_seconds(runs, task) * 1000


def measure(folder: Path) -> dict[str, float]:
    cipher = SealedCipher(os.urandom(32))
    figures: dict[str, float] = {}
    for name, size, runs in (("letter", LETTER_BYTES, 200), ("reading", READING_BYTES, 9)):
        plain = os.urandom(size)
        sealed = cipher.encrypt(plain)
        target = folder / f"{name}.bin"
        figures[f"{name}_seal_ms"] = median_ms(lambda p=plain: cipher.encrypt(p), runs)
        figures[f"{name}_open_ms"] = median_ms(lambda s=sealed: cipher.decrypt(s), runs)
        figures[f"{name}_write_floor_ms"] = median_ms(
            lambda t=target, s=sealed: write_atomically(t, s), runs
        )
        figures[f"{name}_seal_ratio"] = (
            figures[f"{name}_seal_ms"] / figures[f"{name}_write_floor_ms"]
        )
    protect(folder, PASSPHRASE)
    figures["unlock_ms"] = median_ms(lambda: unlock(folder, PASSPHRASE), 5)
    figures["unlock_read_floor_ms"] = median_ms(lambda: (folder / KEY_FILE).read_bytes(), 5)
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(Path(folder))
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        print(f"  {key:28} {value:10.3f}")


if __name__ == "__main__":
    main()
