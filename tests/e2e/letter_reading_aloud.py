"""Run in its own process by test_letter_recording.py (PortAudio reads ALSA's configuration once).

Drives the real "Hear it in your own voice" widget offscreen: record until `frames` frames have
come in through the InputStream, stop (the OGG is kept in the letter's folder), then play the
kept reading back through the real output stream. Prints a JSON line of what happened.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from compassion_app.ui.screens.letter_aloud import ReadingAloud  # noqa: E402


def main(folder: Path, frames: int) -> None:
    app = QApplication([])
    aloud = ReadingAloud()
    aloud.set_folder(folder)
    aloud.start_recording()
    recorder = aloud._recorder
    report: dict[str, object] = {"recording": recorder is not None, "status": aloud.status.text()}
    report["meter_shown"] = not aloud.meter.isHidden()
    deadline = time.monotonic() + 30
    while recorder is not None and recorder.frames_recorded < frames:
        app.processEvents()
        if time.monotonic() > deadline:
            break
        time.sleep(0.005)
    aloud.stop_recording()
    report["kept"] = aloud.status.text()
    report["play_visible"] = not aloud.play_button.isHidden()
    aloud.play()
    player = aloud._player
    report["played"] = player is not None and player.wait(30)
    aloud.stop()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
