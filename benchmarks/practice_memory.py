"""Memory before, during and after one practice in the real window, with real sound.

    python benchmarks/practice_memory.py [MINUTES] [EXERCISE]

A child process runs the real MainWindow offscreen with the real audio engine; ALSA's `file`
plugin sends the stream to /dev/null (Linux only), and because that sink does not pace, the
practice plays in seconds. The child reads its resident memory (VmRSS) on Today before the
practice, at the peak while it plays, and two seconds after its end bell has rung out, when the
practice's stream and prepared sound should have been let go. Prints one JSON line, in MiB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
ASOUNDRC = """\
pcm.!default { type plug  slave { pcm "tofile" } }
pcm.tofile { type file  slave.pcm "null"  file "/dev/null"  format "raw" }
"""

CHILD = """
import gc, json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow

def rss_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

peak = [0.0]
def run_events(seconds, until=lambda: False):
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        peak[0] = max(peak[0], rss_mib())
        time.sleep(0.01)

app = QApplication([])
store = Store.open(Path(sys.argv[1]))
store.set_setting("preferences", {"checkins": False})
window = MainWindow(store, load_library(resource_path("scripts")))
window.show()
run_events(1.0)
before = rss_mib()
window.start_practice(sys.argv[3], int(sys.argv[2]))
screen = window.practice
run_events(600, lambda: screen.record is not None and screen.controller.player.ended)
run_events(2.0)
gc.collect()
from compassion_app.audio.mixer import Mixer
print(json.dumps({
    "exercise": sys.argv[3], "minutes": int(sys.argv[2]),
    "rss_before_mib": round(before, 1), "rss_peak_mib": round(peak[0], 1),
    "rss_after_mib": round(rss_mib(), 1),
    "stream_open_after": getattr(screen.controller.player, "stream_open", "unknown"),
    "mixers_alive_after": sum(isinstance(o, Mixer) for o in gc.get_objects()),
}))
store.close()
"""


def measure(minutes: int, exercise: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        config = Path(scratch) / "asoundrc"
        config.write_text(ASOUNDRC)
        env = os.environ | {
            "ALSA_CONFIG_PATH": f"{ALSA_CONF}:{config}",
            "QT_QPA_PLATFORM": "offscreen",
        }
        command = [sys.executable, "-c", CHILD, str(Path(scratch) / "store.json")]
        done = subprocess.run(
            [*command, str(minutes), exercise], env=env, capture_output=True, text=True
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


if __name__ == "__main__":
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    exercise = sys.argv[2] if len(sys.argv) > 2 else "calm-place"
    print(json.dumps(measure(minutes, exercise)))
