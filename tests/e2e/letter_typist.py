"""Run in its own process by test_letter_crash.py: someone writing a letter, until killed.

Opens the real store in the given folder, begins a blank letter on the real letters screen (real
clock, real autosave) and types the given text one key at a time at a steady pace. After each key
it prints "<index> <monotonic seconds>" so the test knows exactly when each character was typed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from compassion_app.store.db import Store  # noqa: E402
from compassion_app.ui.screens.letters import LettersScreen  # noqa: E402


def main(store_path: Path, text: str, seconds_per_key: float) -> None:
    app = QApplication([])
    store = Store.open(store_path)
    screen = LettersScreen(store)
    screen.show()
    screen.begin_letter(None)
    body = screen.editor.body
    print("ready", flush=True)
    next_key = time.monotonic()
    for index, character in enumerate(text):
        while time.monotonic() < next_key:  # keep the event loop (and autosave) running
            app.processEvents()
            time.sleep(0.002)
        QTest.keyClicks(body, character)
        print(index, time.monotonic(), flush=True)
        next_key += seconds_per_key
    while True:  # typed everything: wait to be killed, as a crash would find it
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]))
