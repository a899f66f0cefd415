"""The command line while the real window is open and holds the history's folder: `stats` and
`export` read what the window saved; `import` waits for the window and says how to go on.

(The window fixture keeps its main file under another name in the same folder; the practices,
the letters and the folder's lock are the ones the command line uses.)
"""

import json
import subprocess
import sys

from helpers.screens import begin, practices_on_disk


def run(*args):
    command = [sys.executable, "-m", "compassion_app", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def practise_one_minute(qtbot, window):
    begin(qtbot, window, 1)
    window.clock.now += 61
    qtbot.waitUntil(lambda: window.practice.thanks.text() == "Thank you for practising")


def test_stats_and_export_read_what_the_open_window_saved(qtbot, window, tmp_path):
    practise_one_minute(qtbot, window)
    folder = window.store_path.parent

    stats = run("--data-dir", folder, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["total_minutes"] == 1

    out = tmp_path / "exported.json"
    exported = run("--data-dir", folder, "export", out)
    assert exported.returncode == 0, exported.stderr
    assert [p["actual_seconds"] for p in json.loads(out.read_text())["practices"]] == [60]


def test_import_while_the_window_is_open_is_kindly_refused(qtbot, window, tmp_path):
    practise_one_minute(qtbot, window)
    folder = window.store_path.parent
    out = tmp_path / "exported.json"
    assert run("--data-dir", folder, "export", out).returncode == 0
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p != out}

    imported = run("--data-dir", folder, "import", out)
    assert imported.returncode == 1
    assert "Compassion Companion is open just now" in imported.stderr
    assert "Settings › Your data › Import" in imported.stderr
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p != out}
    assert after == before
    assert len(practices_on_disk(window)) == 1  # and the window carries on as it was
