"""How promptly a stop signal ends a practice: from the signal to the process's exit.

    python benchmarks/startup_signals.py [RUNS]

Each run starts the real app offscreen (`compassion-app practice soothing-rhythm-breathing`, in a
fresh data folder, check-ins off), waits until the practice has run for two seconds, sends the
signal and times until the process has exited, having saved the practice. Prints one JSON line:
the median and the slowest seconds per signal (the goal: under 2 s).
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compassion_app.paths import DataPaths
from compassion_app.store.db import Store

SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
PRACTISE_S = 2.0


def one_run(name: str, scratch: Path) -> float:
    data = Path(tempfile.mkdtemp(dir=scratch))
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(data)}
    command = [sys.executable, "-m", "compassion_app", "--data-dir", str(data), "practice"]
    child = subprocess.Popen(
        [*command, "soothing-rhythm-breathing", "--minutes", "10"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = DataPaths(data).log
    deadline = time.monotonic() + 30
    while "Opened straight into" not in (log.read_text() if log.exists() else ""):
        if time.monotonic() > deadline or child.poll() is not None:
            child.kill()
            raise RuntimeError("the practice did not start")
        time.sleep(0.02)
    time.sleep(PRACTISE_S)
    sent = time.monotonic()
    child.send_signal(getattr(signal, name))
    child.wait(30)
    took = time.monotonic() - sent
    with Store.open(DataPaths(data).store) as store:
        if len(store.practices()) != 1:
            raise RuntimeError(f"{name}: the practice was not saved")
    return took


def measure(runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-signals-") as scratch:
        times = {name: [one_run(name, Path(scratch)) for _ in range(runs)] for name in SIGNALS}
    return {
        name: {"median_s": round(statistics.median(t), 3), "max_s": round(max(t), 3)}
        for name, t in times.items()
    }


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3)))
