"""Run in its own process by test_letter_recording.py (PortAudio reads ALSA's configuration once).

Drives the real letters screen offscreen on a real store: optionally protects the letters with a
passphrase, opens a finished letter to re-read, presses "Hear it in your own voice", waits until
`frames` frames have come in through the InputStream, presses stop (the reading is kept in the
letter's own folder), then plays it back through the real output stream. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.ui.screens.letters import LettersScreen  # noqa: E402

PASSPHRASE = "a quiet harbour"


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True


def main(data: Path, frames: int, protected: bool) -> None:
    app = QApplication([])
    store = Store.open(data / "compassion-companion.json")
    now = datetime.now(UTC)
    store.save_letter(Letter("Aloud", "Dear me, you are doing well.", now, now, finished=True))
    letter_id = store.letters()[0].letter_id
    screen = LettersScreen(store, key_folder=data)
    if protected:
        screen.archive.protect_button.click()
        screen.lock.first.setText(PASSPHRASE)
        screen.lock.again.setText(PASSPHRASE)
        screen.lock.confirm.click()
    screen.open_letter(letter_id)
    aloud = screen.reader.aloud
    aloud.record_button.click()
    recorder = aloud._recorder
    report: dict[str, object] = {"recording": recorder is not None, "status": aloud.status.text()}
    report["meter_shown"] = not aloud.meter.isHidden()
    if recorder is not None:
        wait_until(app, lambda: recorder.frames_recorded >= frames)
    aloud.record_button.click()  # stop
    report["kept"] = aloud.status.text()
    report["path"] = str(aloud.reading_path)
    report["in_letter_folder"] = (
        aloud.reading_path == store.letter_folder(letter_id) / "reading.ogg"
    )
    report["play_visible"] = not aloud.play_button.isHidden()
    aloud.play_button.click()
    player = aloud._player
    report["played"] = player is not None and player.wait(30)
    aloud.stop()
    store.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "protected")
