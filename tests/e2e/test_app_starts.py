"""The app as a person starts it: a real process, its own data folder, and a second launch."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def wait_for(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def app_env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_the_app_starts_in_its_data_folder_and_a_second_launch_defers_to_it(tmp_path, app_env):
    data = tmp_path / "data"
    command = [sys.executable, "-m", "compassion_app", "--data-dir", str(data)]
    first = subprocess.Popen(command, env=app_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        log = data / "logs" / "compassion-app.log"
        assert wait_for(lambda: (data / "compassion-companion.json").exists() and log.exists())
        assert first.poll() is None  # still running: the window is up
        second = subprocess.run(command, env=app_env, capture_output=True, text=True, timeout=30)
        assert second.returncode == 0
        assert "already open" in second.stdout
        assert first.poll() is None
        assert "starting; data in" in Path(log).read_text(encoding="utf-8")
    finally:
        first.terminate()
        first.communicate(timeout=10)
