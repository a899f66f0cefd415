"""Made tests/data/sealed-v1/ once, with the first passphrase code (the `cryptography` package).

Kept to show how the files were made, not to be run again: the point of the folder is that files
written by that first version keep opening with every later one (tests/unit/store/
test_sealed_v1_files.py). Running it again would only prove that today's code reads itself.

    .venv/bin/python tests/data/make_sealed_v1.py tests/data/sealed-v1
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from compassion_app.audio.recorder import encode_ogg
from compassion_app.core.letters import Letter
from compassion_app.store.db import Store
from compassion_app.store.passphrase import KdfCost, protect
from compassion_app.store.storage import write_atomically

PASSPHRASE = "a quiet harbour at dawn"
# Cheap enough for a test, yet every parameter differs from Argon2's defaults and from the others,
# so a later version that mixed up memory, passes and lanes would not open the key file.
COST = KdfCost(memory_kib=8 * 1024, iterations=2, lanes=4)
LETTER_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
TITLE = "To the part of me that worries"
FIRST_BODY = "Dear one, I see how hard you try. 你好 😊"
SECOND_BODY = "Dear one, I see how hard you try, and you may rest now. 你好 😊"
LINE = b"You are allowed to go gently."
TONE_HZ, RATE, SECONDS = 440.0, 48_000, 1.0


def make(folder: Path) -> dict[str, object]:
    shutil.rmtree(folder, ignore_errors=True)
    store = Store.open(folder / "compassion-companion.json")
    begun = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    first = Letter(TITLE, FIRST_BODY, begun, begun, letter_id=LETTER_ID, finished=True)
    store.save_letter(first)
    store.save_letter(
        first.revised(datetime(2026, 11, 21, 9, 0, tzinfo=UTC)).edited(
            TITLE, SECOND_BODY, datetime(2026, 11, 21, 9, 5, tzinfo=UTC)
        )
    )
    cipher = protect(folder, PASSPHRASE, COST)
    store.set_letter_cipher(cipher)
    times = np.arange(int(RATE * SECONDS)) / RATE
    tone = (0.3 * np.sin(2 * np.pi * TONE_HZ * times)).astype(np.float32)
    ogg = encode_ogg(tone, RATE)
    write_atomically(store.letter_folder(LETTER_ID) / "reading.ogg", cipher.encrypt(ogg))
    store.close()
    (folder / "store.lock").unlink()
    # The default cost, as every person who set a passphrase has it, with one sealed line.
    default = protect(folder / "default-cost", PASSPHRASE)
    write_atomically(folder / "default-cost" / "line.sealed", default.encrypt(LINE))
    return {"reading_sha256": hashlib.sha256(ogg).hexdigest()}


if __name__ == "__main__":
    print(json.dumps(make(Path(sys.argv[1])), indent=1))
