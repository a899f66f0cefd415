"""The app as a person starts it: a real process, its own data folder, and a second launch."""

import signal
import socket
import stat
from pathlib import Path

import pytest

from compassion_app.paths import DataPaths
from compassion_app.store.db import Store
from helpers.app_process import AppProcess, wait_for


def test_the_app_starts_in_its_data_folder_and_a_second_launch_defers_to_it(tmp_path):
    data = tmp_path / "data"
    with AppProcess(tmp_path, data) as first:
        assert first.wait_for_log("starting; data in")
        assert wait_for(first.listening)  # the show-window socket is up once the window painted
        second = first.launch_again()
        assert second.returncode == 0
        assert "brought forward" in second.stdout
        assert first.wait_for_log("Another launch asked for this window")
        assert first.running()


def test_the_data_folder_and_everything_in_it_are_private(tmp_path):
    data = tmp_path / "compassion-companion"  # the usual folder's own name
    data.mkdir(mode=0o755)  # as an older version, or a generous umask, left it
    old_log = data / "logs" / "compassion-app.log"
    old_log.parent.mkdir(mode=0o755)
    old_log.write_text("an older note\n")
    old_log.chmod(0o644)
    (data / "letters").mkdir(mode=0o775)
    (data / "letters" / "a-letter.json").write_text("{}")
    (data / "letters" / "a-letter.json").chmod(0o664)
    with AppProcess(tmp_path, data) as app:
        assert app.wait_for_log("starting; data in")
        assert wait_for(lambda: DataPaths(data).store.exists())
        assert wait_for(app.listening)
        folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
        files = [p for p in data.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {".running", "compassion-app.log", "a-letter.json"}
        assert {p.name: mode(p) for p in folders} == {p.name: 0o700 for p in folders}
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
        socket_file = Path(app.socket_name())
        assert socket_file.parent == app.runtime_dir  # not the shared temporary folder
        assert not mode(socket_file) & 0o077


def test_a_socket_left_by_a_crash_is_cleared_and_the_next_copy_answers(tmp_path):
    data = tmp_path / "data"
    with AppProcess(tmp_path, data) as crashed:
        assert wait_for(crashed.listening)
        stale = crashed.socket_name()
        crashed.kill()  # as a crash would: nothing is cleaned up
    assert stat.S_ISSOCK(Path(stale).lstat().st_mode)
    assert refuses_connection(stale)  # left behind, answering no one
    with AppProcess(tmp_path, data) as app:
        assert wait_for(app.listening)
        again = app.launch_again()
        assert "brought forward" in again.stdout


def refuses_connection(path: str) -> bool:
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(path)
        except ConnectionRefusedError:
            return True
    return False


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_stop_signal_during_a_practice_saves_it_and_quits(tmp_path, name):
    data = tmp_path / "data"
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})  # straight into the practice
    command = ["practice", "soothing-rhythm-breathing", "--minutes", "10"]
    with AppProcess(tmp_path, data, *command) as app:
        assert app.wait_for_log("Opened straight into soothing-rhythm-breathing")
        # On a busy machine the sound can take a while to open: count from the practice itself.
        assert app.wait_for_log("The practice began")
        app.let_time_pass(1.5)  # a practice of a second or two, cut short
        app.send(name)
        code = app.wait_to_exit()
    assert code == 128 + getattr(signal, name)
    with Store.open(DataPaths(data).store) as store:
        (practice,) = store.practices()
    assert practice.exercise_id == "soothing-rhythm-breathing"
    assert not practice.completed
    assert 1 <= practice.actual_seconds < 60


def test_a_history_that_breaks_the_reader_gets_a_plain_message_and_a_log_entry(tmp_path):
    data = tmp_path / "data"
    paths = DataPaths(data)
    paths.create()
    deep = 200_000  # deeper than Python's recursion limit: json raises RecursionError
    paths.store.write_text('{"practices": ' + "[" * deep + "]" * deep + "}", encoding="utf-8")
    with AppProcess(tmp_path, data) as app:
        app.wait_until_up_or_gone()
        if app.running():  # the store set the file aside and carried on: fine too
            return
        code = app.wait_to_exit()
        stderr = app.stderr()
    assert code == 1
    assert "Traceback" not in stderr
    assert "could not open" in stderr and str(paths.log) in stderr
    assert "RecursionError" in paths.log.read_text(encoding="utf-8")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


FULL_DISK_AFTER_FLAG = r"""
import errno, os, sys
flag, data, *arguments = sys.argv[1:]
real_replace = os.replace

def replace(source, target, *args, **kwargs):
    # Once the flag exists, nothing more fits in the data folder (a disk that has filled up).
    if os.path.exists(flag) and os.path.abspath(target).startswith(data):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))
    return real_replace(source, target, *args, **kwargs)

os.replace = replace
sys.argv = ["compassion-app", "--data-dir", data, *arguments]
from compassion_app.__main__ import main
raise SystemExit(main())
"""


def test_a_disk_that_fills_during_a_practice_loses_nothing_and_is_told_plainly(
    tmp_path, monkeypatch
):
    data = tmp_path / "data"
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})
    flag = tmp_path / "disk-is-full"
    app = AppProcess(tmp_path, data)
    app.command = [
        app.command[0],
        "-c",
        FULL_DISK_AFTER_FLAG,
        str(flag),
        str(data.resolve()),
        "practice",
        "calm-place",
    ]
    with app:
        assert app.wait_for_log("Opened straight into calm-place")
        app.let_time_pass(2.0)
        flag.touch()
        app.send("SIGTERM")
        code = app.wait_to_exit()
    stderr = app.stderr()
    assert code == 1
    assert "could not finish saving" in stderr and "the disk is full" in stderr
    assert "Traceback" not in stderr
    assert "Unexpected error" not in app.log_text()  # no crash note, no false comfort
    assert str(app.runtime_dir) in stderr  # where the practice is kept meanwhile
    flag.unlink()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(app.runtime_dir))  # as the app's own next start
    with Store.open(DataPaths(data).store) as store:  # the next start finds what was kept
        (practice,) = store.practices()
    assert practice.exercise_id == "calm-place" and not practice.completed
