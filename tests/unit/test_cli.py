"""The command line, run as a person would run it: a fresh process, reading what it prints."""

import json
import os
import subprocess
import sys
import tomllib

import pytest

from compassion_app import __version__, messages
from compassion_app.paths import DataPaths, resource_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", *args], capture_output=True, text=True, timeout=60
    )


def test_version_and_help():
    assert run("--version").stdout.strip() == f"compassion-app {__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    for words in ("--data-dir", "list", "timeline", "render"):
        assert words in helped.stdout


def test_list_shows_each_exercise_with_its_lengths():
    lines = run("list").stdout.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert rows["soothing-rhythm-breathing"][1:] == [
        "Soothing-rhythm breathing",
        "1, 3, 5, 10, 15, 20 minutes",
    ]
    assert rows["soothe-now"][1:] == ["Soothe now", "1 minute"]  # not "1 minutes"
    bundled = resource_path("scripts").glob("*.toml")
    assert set(rows) == {tomllib.loads(path.read_text(encoding="utf-8"))["id"] for path in bundled}


def test_one_minute_is_said_as_one_minute_when_a_length_is_refused_or_checked():
    refused = run("timeline", "soothe-now", "--minutes", "3")
    assert refused.returncode != 0
    assert "Soothe now can be practised for 1 minute." in refused.stderr
    checked = run("check", str(resource_path("scripts", "soothe-now.toml")))
    assert checked.stdout.strip() == "soothe-now.toml: fine (1 minute)"


OWN_SCRIPT = """\
id = "my-pause"
title = "My own pause"
kind = "breathing"
summary = "Words I wrote."
minutes = [3]

[[cue]]
at = "start"
offset = 3
text = "Hello."
"""


def test_list_and_timeline_include_the_exercises_in_the_data_folder(tmp_path):
    own = DataPaths(tmp_path).exercises
    own.mkdir()
    (own / "my-pause.toml").write_text(OWN_SCRIPT, encoding="utf-8")
    (own / "broken.toml").write_text(OWN_SCRIPT.replace("[3]", "[4]"), encoding="utf-8")
    listed = run("--data-dir", str(tmp_path), "list")
    assert "my-pause\tMy own pause\t3 minutes" in listed.stdout.splitlines()
    assert "broken.toml line 5: 'minutes'" in listed.stderr
    shown = run("--data-dir", str(tmp_path), "timeline", "my-pause", "--json")
    assert shown.returncode == 0 and "Hello." in shown.stdout


def test_timeline_prints_the_schedule_as_json():
    result = run("timeline", "soothing-rhythm-breathing", "--minutes", "10", "--json")
    timeline = json.loads(result.stdout)
    assert timeline["practice_frames"] == 10 * 60 * timeline["sample_rate"]
    bells = [e for e in timeline["events"] if e["kind"] == "bell"]
    assert (bells[0]["name"], bells[0]["frame"]) == ("start", 0)
    assert bells[-1]["frame"] == timeline["practice_frames"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("timeline", "walking-on-the-moon"), "There is no exercise called 'walking-on-the-moon'"),
        (("timeline", "soothing-rhythm-breathing", "--minutes", "7"), "can be practised for"),
    ],
)
def test_a_wrong_exercise_or_length_gets_a_plain_message(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_render_writes_a_practice_to_take_on_a_walk(tmp_path):
    import soundfile

    out = tmp_path / "walk.flac"
    result = run("render", "soothing-rhythm-breathing", "--minutes", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    info = soundfile.info(str(out))
    assert (info.samplerate, info.channels) == (48000, 2)
    assert info.frames == (60 + 16) * 48000  # the minute, and the end bell ringing out


def test_render_to_an_unknown_format_is_refused_plainly(tmp_path):
    result = run("render", "soothing-rhythm-breathing", "--minutes", "1", "--out", "x.mp3")
    assert result.returncode == 1
    assert result.stderr.strip() == messages.RENDER_UNKNOWN_FORMAT.format(name="x.mp3")


@pytest.mark.parametrize("minutes", ["0", "-5", "2"])
def test_a_length_the_exercise_does_not_offer_is_refused_and_nothing_is_written(tmp_path, minutes):
    out = tmp_path / "walk.wav"
    for command in (("timeline",), ("render", "--out", str(out))):
        result = run(*command, "soothing-rhythm-breathing", "--minutes", minutes)
        assert result.returncode == 2
        assert "1, 3, 5, 10, 15 or 20 minutes" in result.stderr
        assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("walking-on-the-moon",), "There is no exercise called 'walking-on-the-moon'"),
        (("calm-place", "--minutes", "0"), "Calm place can be practised for 3, 5, 10, 15 or 20"),
    ],
)
def test_practice_refuses_what_does_not_exist_before_opening_anything(tmp_path, args, message):
    data = tmp_path / "data"
    result = run("--data-dir", str(data), "practice", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not DataPaths(data).store.exists()  # no history opened, no window shown


def test_the_app_knows_the_exercises_in_its_data_folder_before_opening_anything(tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.exercises.mkdir(parents=True)
    (paths.exercises / "my-pause.toml").write_text(OWN_SCRIPT, encoding="utf-8")
    result = run("--data-dir", str(paths.root), "practice", "my-pause", "--minutes", "5")
    assert result.returncode == 2
    assert "My own pause can be practised for 3 minutes." in result.stderr
    assert not paths.store.exists()


def test_check_says_every_bundled_script_is_fine():
    from compassion_app.paths import resource_path

    files = sorted(str(path) for path in resource_path("scripts").glob("*.toml"))
    result = run("check", *files)
    assert result.returncode == 0, result.stdout
    assert f"All {len(files)} files are fine." in result.stdout


def test_check_names_the_file_line_and_field_and_fails(tmp_path):
    broken = tmp_path / "mine.toml"
    broken.write_text(
        'id = "mine"\ntitle = "Mine"\nkind = "breathing"\nsummary = "Mine."\n'
        '[breathing]\ninhale = "slow"\nexhale = 5\n',
        encoding="utf-8",
    )
    fine = tmp_path / "fine.toml"
    fine.write_text(broken.read_text().replace('"slow"', "4"), encoding="utf-8")
    result = run("check", str(broken), str(fine))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "mine.toml line 6: 'inhale' expects seconds between 1 and 15, got 'slow'",
        "fine.toml: fine (1, 3, 5, 10, 15, 20 minutes)",
        "1 of 2 files have something to fix.",
    ]


def test_check_of_a_file_that_is_not_there_fails_plainly(tmp_path):
    result = run("check", str(tmp_path / "nowhere.toml"))
    assert result.returncode == 1
    assert "nowhere.toml could not be opened" in result.stdout


def breath_seconds(result: subprocess.CompletedProcess[str]) -> dict[str, float]:
    timeline = json.loads(result.stdout)
    rate = timeline["sample_rate"]
    last = {}
    for event in timeline["events"]:
        if event["kind"] == "breath":
            last[event["name"]] = event["length_frames"] / rate
    return last  # the last breath of each phase: after the easing, at the target


def test_timeline_takes_a_pace_and_a_pattern():
    base = ("timeline", "soothing-rhythm-breathing", "--minutes", "5", "--json")
    paced = breath_seconds(run(*base, "--breaths-per-minute", "4"))
    assert sum(paced.values()) == pytest.approx(15.0, abs=0.01)  # one breath every 15 s
    shaped = breath_seconds(run(*base, "--pattern", "4,1,6,1"))
    assert shaped == pytest.approx({"in": 4.0, "hold_in": 1.0, "out": 6.0, "hold_out": 1.0})
    both = breath_seconds(run(*base, "--pattern", "4,0,6,0", "--breaths-per-minute", "5"))
    assert both == pytest.approx({"in": 4.8, "out": 7.2})


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--pattern", "4,1,6", "--pattern takes four numbers of seconds"),
        ("--pattern", "slow", "--pattern takes four numbers of seconds"),
        ("--pattern", "4,1,60,1", "--pattern takes four numbers of seconds"),
        ("--breaths-per-minute", "0", "--breaths-per-minute takes a number from 2 to 20"),
        ("--breaths-per-minute", "nan", "--breaths-per-minute takes a number from 2 to 20"),
    ],
)
def test_a_pace_that_cannot_be_breathed_is_refused_plainly(option, value, message):
    result = run("timeline", "soothing-rhythm-breathing", option, value)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    "argv", [[], ["--data-dir", "some folder"], ["--data-dir=some folder"], ["--data-dir", "list"]]
)
def test_the_everyday_start_reads_its_folder_as_the_full_parser_would(argv):
    from compassion_app.__main__ import _plain_start
    from compassion_app.cli import parse

    full = parse(argv)
    assert full.command is None
    assert _plain_start(argv) == (full.data_dir,)


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["list"], ["--data-dir"], ["--data-dir", "-x"], ["--data-dir="]],
)
def test_anything_else_goes_to_the_full_parser(argv):
    from compassion_app.__main__ import _plain_start

    assert _plain_start(argv) is None


def test_opening_the_app_does_not_pay_for_the_command_lines_parsers(tmp_path):
    probe = (
        "import sys\n"
        "import compassion_app.app as app\n"
        "app.run_app = lambda *args: print('compassion_app.cli' in sys.modules) or 0\n"
        "from compassion_app.__main__ import main\n"
        f"main(['--data-dir', {str(tmp_path)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_timeline_follows_the_pace_saved_in_the_apps_settings(tmp_path):
    from compassion_app.paths import DataPaths
    from compassion_app.store.db import Store

    paths = DataPaths(tmp_path / "data")
    paths.create()
    with Store.open(paths.store) as store:
        store.set_setting("preferences", {"breathing": [3.0, 0.0, 7.0, 0.0]})
    base = ("--data-dir", str(paths.root), "timeline", "soothing-rhythm-breathing")
    saved = breath_seconds(run(*base, "--minutes", "5", "--json"))
    assert saved == pytest.approx({"in": 3.0, "out": 7.0})
    # The options still have the last word.
    chosen = breath_seconds(run(*base, "--minutes", "5", "--json", "--pattern", "4,1,6,1"))
    assert chosen == pytest.approx({"in": 4.0, "hold_in": 1.0, "out": 6.0, "hold_out": 1.0})


def test_a_reader_that_goes_away_early_ends_the_command_quietly():
    # As `compassion-app list | head -1` does: the reading end of the pipe is already closed.
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "compassion_app", "list"],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writing)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
