"""End gently through the real window and the real sound stream: the end bell still rings, whole.

The practice is paused by "Feeling overwhelmed?", then ended from the safety dialog; what reached
the (file) device after the pause must be the end bell exactly, as loud as the practice's own.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from compassion_app.audio import synth
from compassion_app.audio.mixer import Volumes, gain_of
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import SAMPLE_RATE
from compassion_app.paths import resource_path
from compassion_app.store.db import Store

END_GENTLY = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.screens.safety import SafetyDialog

app = QApplication([])
store = Store.open(Path(sys.argv[1]))
store.set_setting("preferences", {"checkins": False})
brisk = lambda: time.monotonic() * 30  # the grounding's own clock, brisk to keep the test short
window = MainWindow(store, load_library(resource_path("scripts")), now=brisk)
window.show()
started = time.monotonic()
window.start_practice("soothing-rhythm-breathing", 3)
screen = window.practice
player = screen.controller.player
while player.position < 48_000 * 20 and time.monotonic() - started < 50:
    app.processEvents()
    time.sleep(0.002)
screen.overwhelmed_button.click()
(dialog,) = [d for d in window.findChildren(SafetyDialog) if d.isVisible()]
dialog.end_gently_button.click()
grounding = screen.grounding.isVisible()
while not player.ended and time.monotonic() - started < 50:
    app.processEvents()
    time.sleep(0.005)
while not screen.thanks.isVisible() and time.monotonic() - started < 50:
    app.processEvents()
    time.sleep(0.005)
print(json.dumps({"grounding": grounding, "thanks": screen.thanks.text(), "ended": player.ended}))
screen.controller.close()
store.close()
"""


def test_ending_gently_rings_the_whole_end_bell_through_the_device(alsa_file_sink: Any, tmp_path):
    result = alsa_file_sink.run("-c", END_GENTLY, str(tmp_path / "store.json"))
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown == {"grounding": True, "thanks": "Thank you for looking after yourself",
                     "ended": True}  # fmt: skip

    with Store.open(tmp_path / "store.json") as store:
        (record,) = store.practices()
    assert not record.completed and 20 <= record.actual_seconds < 180

    played = np.asarray(alsa_file_sink.frames()[:, 0])
    level = load_script(resource_path("scripts", "soothing-rhythm-breathing.toml")).level_db
    bell = synth.bell(SAMPLE_RATE, "end") * np.float32(gain_of(Volumes().bells))
    bell *= np.float32(10 ** (level / 20))
    # The stream's last sound is the bell's last: line their ends up, then compare it all.
    bell_starts = int(np.flatnonzero(played)[-1]) - int(np.flatnonzero(bell)[-1])
    assert bell_starts > 20 * SAMPLE_RATE  # after the twenty seconds practised
    assert np.array_equal(played[bell_starts : bell_starts + len(bell)], bell)
