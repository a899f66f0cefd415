"""The real app in a child process, offscreen, with its own data folder and runtime folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from compassion_app.paths import DataPaths

EXIT_WAIT_S = 10.0  # a hang guard only: a stopped app is gone long before


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


class AppProcess:
    """`compassion-app --data-dir DATA ARGS...` as a person would start it."""

    def __init__(self, tmp_path: Path, data: Path, *args: str) -> None:
        self.runtime_dir = tmp_path / "run"
        self.runtime_dir.mkdir(mode=0o700, exist_ok=True)
        self.data = data
        self.log = DataPaths(data).log
        self.environment = os.environ | {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(self.runtime_dir),
        }
        self.command = [sys.executable, "-m", "compassion_app", "--data-dir", str(data), *args]
        self._err_file = tmp_path / f"stderr-{time.monotonic_ns()}.txt"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> AppProcess:
        with self._err_file.open("wb") as err:
            self.process = subprocess.Popen(
                self.command, env=self.environment, stdout=subprocess.DEVNULL, stderr=err
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.running():
            self.send("SIGTERM")
            try:
                self.wait_to_exit()
            except subprocess.TimeoutExpired:
                self.kill()

    # -- what the test looks at ---------------------------------------------------------------

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stderr(self) -> str:
        return self._err_file.read_text(encoding="utf-8", errors="replace")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""

    def wait_for_log(self, text: str, seconds: float = 20.0) -> bool:
        return wait_for(lambda: text in self.log_text(), seconds)

    def socket_name(self) -> str:
        """Where the app's show-window socket is, computed as the app does, in its environment."""
        from compassion_app.ui.single_instance import server_name

        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("XDG_RUNTIME_DIR", str(self.runtime_dir))
            name = server_name(self.data)
        assert name is not None
        return name

    def listening(self) -> bool:
        """The show-window socket answers (a file left by a crash would refuse)."""
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(self.socket_name())
            except OSError:
                return False
        return True

    # -- what the test does -------------------------------------------------------------------

    def launch_again(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command, env=self.environment, capture_output=True, text=True, timeout=30
        )

    def send(self, name: str) -> None:
        assert self.process is not None
        self.process.send_signal(getattr(signal, name))

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(EXIT_WAIT_S)

    def wait_to_exit(self, seconds: float = EXIT_WAIT_S) -> int:
        assert self.process is not None
        return self.process.wait(seconds)

    def wait_until_up_or_gone(self, seconds: float = 30.0) -> None:
        """Until the window has painted (its socket is up) or the process has ended."""
        wait_for(lambda: not self.running() or self.listening(), seconds)

    @staticmethod
    def let_time_pass(seconds: float) -> None:
        time.sleep(seconds)
