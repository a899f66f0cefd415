"""What a real start builds before its first picture, seen from the benchmark's probe (a child
process that reports what was loaded when the window first painted)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store

PROBE = Path(__file__).resolve().parents[2] / "benchmarks" / "startup_probe.py"


def loaded_at_first_paint(data: Path) -> list[str]:
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PROBE), "app", str(data)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    return json.loads(report)["loaded"]


def test_a_chosen_look_opens_without_building_all_of_qts_enums(tmp_path):
    # `Qt`'s namespace of enums costs some 14 ms to build; only the system's look needs it.
    data = tmp_path / "data"
    paths = DataPaths(data)
    paths.create()
    with Store.open(paths.store) as store:
        store.set_setting(STORE_KEY, {"theme": "light", "welcomed": True})
    assert "PySide6.QtCore.Qt" not in loaded_at_first_paint(data)
