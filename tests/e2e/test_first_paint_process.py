"""What a real start builds before its first picture, seen from the benchmark's probe (a child
process that reports what was loaded when the window first painted)."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.core.letters import Letter
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PROBE = BENCHMARKS / "startup_probe.py"
# What the first picture of someone returning does not need: the rooms, the history's figures,
# the path, the letters, the scripts' reader, the tray and the reminder come just after the
# paint or at first use. (PySide6 itself loads argparse, so the command line is not listed.)
LATER = [
    "tomllib",
    "compassion_app.core.scripts",
    "compassion_app.core.script_format",
    "compassion_app.core.timeline",
    "compassion_app.core.stats",
    "compassion_app.core.streaks",
    "compassion_app.core.path",
    "compassion_app.core.path_plan",
    "compassion_app.core.letters",
    "compassion_app.core.settings",
    "compassion_app.core.breathing",
    "compassion_app.store.letters",
    "compassion_app.store.exchange",
    "compassion_app.store.passphrase",
    "compassion_app.cli",
    "compassion_app.audio",
    "compassion_app.ui.sound",
    "compassion_app.ui.practice_room",
    "compassion_app.ui.progress_room",
    "compassion_app.ui.letters_room",
    "compassion_app.ui.settings_room",
    "compassion_app.ui.screens.welcome",
    "compassion_app.ui.widgets.path_card",
    "compassion_app.ui.tray",
    "compassion_app.ui.reminder",
    "compassion_app.ui.single_instance",
    "logging.handlers",
    "orjson",
    "uuid",
    "platform",
]
# The probe, told to watch for LATER as well as for what it always watches.
WATCHING_LATER = f"""
import sys
sys.path.insert(0, {str(BENCHMARKS)!r})
import startup_probe
startup_probe.WATCHED.extend({LATER!r})
raise SystemExit(startup_probe.main(sys.argv[1:]))
"""


def loaded_at_first_paint(data: Path, probe: list[str] | None = None) -> list[str]:
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, *(probe or [str(PROBE)]), "app", str(data)],
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


def test_someone_returning_with_a_history_sees_today_before_the_code_for_later_loads(tmp_path):
    data = tmp_path / "data"
    paths = DataPaths(data)
    paths.create()
    started = datetime.now(UTC) - timedelta(days=1)
    practice = PracticeRecord(
        "calm-place", started, started.date(), 0, 600, 600, True, CheckIn(6, 4, 5)
    )
    with Store.open(paths.store) as store:
        store.set_setting(STORE_KEY, {"welcomed": True})
        store.add_practice(practice)
        store.save_letter(Letter("To myself", "Dear me, gently.", started, started))
    loaded = loaded_at_first_paint(data, probe=["-c", WATCHING_LATER])
    assert [name for name in LATER if name in loaded] == []
