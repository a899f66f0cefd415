"""Nothing leaves the computer: the app and its commands run with internet sockets forbidden.

Each run is a child process whose first act is to replace `socket.socket` with one that refuses
AF_INET and AF_INET6 (and notes the attempt in a report file), before any of the app is imported.
At exit it also looks for internet sockets that code outside Python (Qt, PortAudio) may hold
open: every socket among its file descriptors is checked against the kernel's tables of TCP and
UDP sockets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compassion_app.paths import DataPaths
from compassion_app.store.db import Store
from helpers.app_process import wait_for

GUARDED = r"""
import atexit, json, os, socket, sys

report_file, *arguments = sys.argv[1:]
attempts = []
Original = socket.socket
INTERNET = {socket.AF_INET, socket.AF_INET6}

class NoInternet(Original):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        internet = family in INTERNET or (family == -1 and fileno is None)  # -1 means AF_INET
        if internet:
            attempts.append(f"socket(family={family}, type={type})")
            raise OSError("internet sockets are forbidden in this test")
        super().__init__(family, type, proto, fileno)

socket.socket = NoInternet

def open_internet_sockets():
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = open(f"/proc/self/net/{table}").read().splitlines()[1:]
        except OSError:
            continue
        inodes |= {line.split()[9] for line in lines}
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            held.append(target)
    return held

def report():
    with open(report_file, "w") as out:
        json.dump({"attempts": attempts, "held": open_internet_sockets()}, out)

atexit.register(report)
sys.argv = ["compassion-app", *arguments]
from compassion_app.__main__ import main
raise SystemExit(main())
"""


def guarded(report: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-c", GUARDED, str(report), *arguments]


def no_network_used(report: Path) -> dict[str, list[str]]:
    return json.loads(report.read_text())


def test_a_day_with_the_app_opens_no_internet_socket(alsa_file_sink: Any, tmp_path):
    data = tmp_path / "data"
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})
    report = tmp_path / "report.json"
    environment = alsa_file_sink.environment() | {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(data),
    }
    command = guarded(report, "--data-dir", str(data), "practice", "soothing-rhythm-breathing")
    child = subprocess.Popen(
        [*command, "--minutes", "1"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = DataPaths(data).log
    try:
        # The unpaced sound plays the minute in seconds; its stream closes after the end bell.
        assert wait_for(lambda: log.exists() and "Practice sound closed" in log.read_text(), 60)
    finally:
        child.terminate()
        _, err = child.communicate(timeout=30)
    assert child.returncode == 143, err  # saved and quit on SIGTERM
    assert no_network_used(report) == {"attempts": [], "held": []}
    with Store.open(DataPaths(data).store) as store:
        (practice,) = store.practices()
    assert practice.completed


@pytest.mark.parametrize(
    "arguments",
    [
        ["list"],
        ["timeline", "calm-place", "--minutes", "3", "--json"],
        ["render", "soothing-rhythm-breathing", "--minutes", "1", "--out", "{tmp}/walk.ogg"],
        ["stats", "--json"],
    ],
)
def test_the_command_line_opens_no_internet_socket(tmp_path, arguments):
    report = tmp_path / "report.json"
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    done = subprocess.run(
        guarded(report, "--data-dir", str(tmp_path / "data"), *arguments),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert no_network_used(report) == {"attempts": [], "held": []}


def test_export_and_import_open_no_internet_socket(tmp_path):
    data = tmp_path / "data"
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})
    everything = tmp_path / "everything.json"
    for command in (["export", str(everything)], ["import", str(everything)]):
        report = tmp_path / f"report-{command[0]}.json"
        done = subprocess.run(
            guarded(report, "--data-dir", str(data), *command),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert no_network_used(report) == {"attempts": [], "held": []}
    assert everything.is_file()


def test_the_guard_would_notice_an_internet_socket(tmp_path):
    """Both ways: a Python socket is refused, and one opened beneath Python is found held."""
    report = tmp_path / "report.json"
    probe = GUARDED.replace(
        "from compassion_app.__main__ import main",
        "import _socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 9), timeout=0.01)\n"
        "except OSError:\n"
        "    pass\n"
        "beneath = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)\n"
        "beneath.bind(('127.0.0.1', 0))\n"
        "from compassion_app.__main__ import main",
    )
    subprocess.run([sys.executable, "-c", probe, str(report), "list"], timeout=60, check=True)
    found = no_network_used(report)
    assert len(found["attempts"]) == 1 and len(found["held"]) == 1
