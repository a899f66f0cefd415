"""`compassion-app stats`, run as a person would run it, on a real data folder."""

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store

TODAY = date(2026, 11, 25)  # a Wednesday


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", *args], capture_output=True, text=True, timeout=60
    )


def practice(day: date, seconds: int = 600, exercise: str = "soothing-rhythm-breathing"):
    started = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC)
    return PracticeRecord(
        exercise, started, day, 0, 600, seconds, True, CheckIn(7, 3, 4), CheckIn(4, 6, 6)
    )


@pytest.fixture
def folder(tmp_path):
    """A data folder holding five days of practice, the last of them today."""
    root = tmp_path / "data"
    with Store.open(DataPaths(root).store) as store:
        for n in range(5):
            store.add_practice(practice(TODAY - timedelta(days=n)))
        store.add_practice(practice(TODAY, 150, "calm-place"))
    return root


def test_stats_as_json_gives_every_figure_as_of_the_day_asked(folder):
    result = run("--data-dir", str(folder), "stats", "--json", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["today"] == "2026-11-25"
    assert figures["total_minutes"] == 53  # 5 x 10 min and 2.5 min, rounded once
    assert figures["minutes_today"] == 13
    assert figures["minutes_this_week"] == 33  # Monday to Wednesday
    assert figures["minutes_by_exercise"] == {"calm-place": 3, "soothing-rhythm-breathing": 50}
    assert (figures["current_streak_days"], figures["longest_streak_days"]) == (5, 5)
    assert figures["rest_days"] == []
    assert figures["weekly_goal_days"] == 5
    assert 0.2 < figures["score"] < 0.3
    assert figures["checkin_average_change"]["critic"] == -3


def test_stats_as_of_an_earlier_day_leaves_later_practice_out(folder):
    result = run("--data-dir", str(folder), "stats", "--json", "--today", "2026-11-22")
    figures = json.loads(result.stdout)
    assert (figures["total_minutes"], figures["minutes_today"]) == (20, 10)
    assert figures["current_streak_days"] == 2


def test_stats_in_words_name_each_practice_and_show_milestones(folder):
    result = run("--data-dir", str(folder), "stats", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert "Your practice, as of Wednesday 25 November 2026" in result.stdout
    assert "Calm place" in result.stdout
    assert "Practice run" in result.stdout
    assert "5 days, 5 with practice" in result.stdout


def test_stats_in_words_hide_streak_numbers_when_the_person_chose_that(folder):
    with Store.open(DataPaths(folder).store) as store:
        choices = ProgressSettings(hide_streaks=True, weekly_goal_days=3)
        store.set_setting(STORE_KEY, choices.to_dict())
    words = run("--data-dir", str(folder), "stats", "--today", TODAY.isoformat()).stdout
    assert "Minutes today" in words
    for hidden in ("Practice run", "Longest run", "in a row", "5 days"):
        assert hidden not in words
    figures = json.loads(run("--data-dir", str(folder), "stats", "--json").stdout)
    assert figures["weekly_goal_days"] == 3


def test_stats_of_an_empty_folder_says_so_kindly_and_creates_nothing(tmp_path):
    empty = tmp_path / "nothing-here"
    result = run("--data-dir", str(empty), "stats")
    assert result.returncode == 0
    assert "No practices yet" in result.stdout
    assert not empty.exists()
    figures = json.loads(run("--data-dir", str(empty), "stats", "--json").stdout)
    assert (figures["total_minutes"], figures["current_streak_days"]) == (0, 0)


def test_a_day_that_is_not_a_date_gets_a_plain_message(folder):
    result = run("--data-dir", str(folder), "stats", "--today", "25/11/2026")
    assert result.returncode == 2
    assert "please give it as YYYY-MM-DD" in result.stderr


def test_a_history_from_a_newer_version_is_left_alone_with_a_plain_message(folder):
    path = DataPaths(folder).store
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["meta"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(saved), encoding="utf-8")
    before = path.read_bytes()
    result = run("--data-dir", str(folder), "stats")
    assert result.returncode == 1
    assert "newer version of Compassion Companion" in result.stderr
    assert path.read_bytes() == before


def test_while_the_app_holds_the_history_stats_still_reads_it_and_changes_nothing(folder):
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with Store.open(DataPaths(folder).store):  # as the open window holds it
        during = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        result = run("--data-dir", str(folder), "stats", "--json", "--today", TODAY.isoformat())
        after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total_minutes"] == 53
    assert after == during
    assert set(before) <= set(after)
