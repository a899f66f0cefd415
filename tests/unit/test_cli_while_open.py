"""The command line while another Compassion Companion holds the history and keeps saving to it:
`stats` and `export` read it as it is, through the real entry point, and change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compassion_app.core.records import PracticeRecord
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store
from compassion_app.store.exchange import export_everything
from compassion_app.store.reading import ReadOnlyStore

WRITER = Path(__file__).parent / "store" / "kill_child.py"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "compassion_app", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


@pytest.fixture
def writing(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A data folder held by a real Store in another process that saves practices and letters
    without pause; and the list of saves it has reported so far."""
    root = tmp_path / "data"
    command = [sys.executable, str(WRITER), str(DataPaths(root).store), "w"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        saves: list[str] = []
        drain = threading.Thread(target=lambda: saves.extend(writer.stdout or []), daemon=True)
        drain.start()
        try:
            while not any(line.startswith("P ") for line in saves):
                time.sleep(0.01)
            yield root, saves
        finally:
            writer.kill()
            drain.join()  # reads to the end of its output before the pipe is closed


def test_stats_prints_the_figures_while_another_process_holds_and_writes(writing) -> None:
    root, saves = writing
    totals = []
    for _ in range(3):
        result = run("--data-dir", root, "stats", "--json")
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # nothing looked damaged, nothing to tidy
        totals.append(json.loads(result.stdout)["total_minutes"])
    assert totals[0] > 0 and totals == sorted(totals)  # each read at least what the last saw


def test_export_writes_whole_letters_while_another_process_writes(writing, tmp_path) -> None:
    root, _saves = writing
    out = tmp_path / "all.json"
    result = run("--data-dir", root, "export", out)
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["practices"]
    for letter in exported["letters"]:
        assert all(version["body"].endswith("kind " * 200) for version in letter["versions"])


def practice(day: int) -> PracticeRecord:
    started = datetime(2024, 3, day, 8, tzinfo=UTC)
    return PracticeRecord("calm-place", started, started.date(), 0, 600, 600, True)


def test_import_while_held_says_how_to_go_on_and_adds_nothing(writing, tmp_path) -> None:
    root, _saves = writing
    brought = practice(20)
    with Store.open(tmp_path / "elsewhere" / "store.json") as elsewhere:
        elsewhere.add_practice(brought)
        export_everything(elsewhere, tmp_path / "brought.json")

    result = run("--data-dir", root, "import", tmp_path / "brought.json")
    assert result.returncode == 1
    assert "Compassion Companion is open just now" in result.stderr
    assert "close the app" in result.stderr
    assert "Settings › Your data › Import" in result.stderr
    with ReadOnlyStore.open(DataPaths(root).store) as history:
        assert brought.record_id not in {p.record_id for p in history.practices()}


def test_stats_on_a_damaged_history_says_what_is_wrong_and_changes_nothing(tmp_path) -> None:
    root = tmp_path / "data"
    with Store.open(DataPaths(root).store) as store:  # held, as the open window holds it
        store.add_practice(practice(1))
        store.add_practice(practice(2))
        year = root / "practices" / "2024.json"
        year.write_bytes(year.read_bytes()[:40])  # torn, as a failing disk might leave it
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        result = run("--data-dir", root, "stats", "--json", "--today", "2024-03-02")
        after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert result.returncode == 0, result.stderr
    assert "your practices from 2024 could not be read" in result.stderr
    assert "last good copy" in result.stderr
    assert json.loads(result.stdout)["total_minutes"] == 10  # the copy holds the first practice
    assert after == before


def test_timeline_follows_the_saved_settings_while_the_app_holds_them(tmp_path) -> None:
    root = tmp_path / "data"
    with Store.open(DataPaths(root).store) as store:  # held, as the open window holds it
        store.set_setting("preferences", {"guide_voice": False})
        result = run("--data-dir", root, "timeline", "soothe-now", "--json")
    assert result.returncode == 0, result.stderr
    kinds = {event["kind"] for event in json.loads(result.stdout)["events"]}
    assert "caption" in kinds and "voice" not in kinds  # the saved choice, read without a lock
