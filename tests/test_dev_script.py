"""dev.py: the setup-and-run script behind the README's two commands."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEV_SCRIPT = Path(__file__).resolve().parents[1] / "dev.py"


@pytest.fixture
def dev(monkeypatch, tmp_path):
    """dev.py loaded as a module, pointed at a throwaway project and virtualenv."""
    spec = importlib.util.spec_from_file_location("dev", DEV_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", tmp_path / ".venv")
    (tmp_path / ".venv").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    return module


def test_non_root_gets_the_exact_sudo_command_and_a_failing_exit(dev, monkeypatch):
    monkeypatch.setattr(dev, "is_debian", lambda: True)
    monkeypatch.setattr(dev, "is_root", lambda: False)
    monkeypatch.setattr(dev, "missing_packages", lambda names: ["libportaudio2", "xvfb"])

    with pytest.raises(SystemExit) as exit_info:
        dev.ensure_system_packages(dev.RUN_PACKAGES + dev.TEST_PACKAGES)

    message = exit_info.value.code
    assert isinstance(message, str)  # a string exits with status 1 and prints the message
    assert "sudo apt-get install --no-install-recommends libportaudio2 xvfb\n" in message


def test_other_systems_get_a_note_and_setup_continues(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev, "is_debian", lambda: False)

    dev.ensure_system_packages(dev.RUN_PACKAGES)

    assert "not Debian or Ubuntu" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="needs dpkg")
def test_missing_packages_asks_dpkg(dev):
    assert dev.missing_packages(["libc6", "no-such-package-here"]) == ["no-such-package-here"]


def test_installs_only_when_pyproject_changes(dev, monkeypatch):
    installs = []
    monkeypatch.setattr(dev, "run_checked", lambda command, **options: installs.append(command))

    dev.ensure_installed("test")
    dev.ensure_installed("test")
    dev.ensure_installed("run")  # the test extra already holds everything the app needs
    assert [command[-1] for command in installs] == [".[test]"]

    (dev.ROOT / "pyproject.toml").write_text("[project]\nname = 'y'\n")
    dev.ensure_installed("run")
    dev.ensure_installed("test")
    assert [command[-1] for command in installs] == [".[test]", ".", ".[test]"]


def test_failed_install_is_tried_again_next_time(dev, monkeypatch):
    def fail(command, **options):
        raise SystemExit("setup failed")

    monkeypatch.setattr(dev, "run_checked", fail)
    with pytest.raises(SystemExit):
        dev.ensure_installed("run")
    assert not dev.stamp_path("run").exists()


def test_all_selects_slow_tests_too(dev):
    assert dev.pytest_arguments(["--all", "-x"]) == ["-m", "slow or not slow", "-x"]
    assert dev.pytest_arguments(["-m", "slow"]) == ["-m", "slow"]


def test_app_arguments_drop_the_separator(dev):
    assert dev.app_arguments(["--", "--data-dir", "d"]) == ["--data-dir", "d"]
    assert dev.app_arguments(["--version"]) == ["--version"]


def test_exit_codes_pass_through_like_a_shell(dev):
    assert dev.call([sys.executable, "-c", "raise SystemExit(3)"]) == 3
    killed = "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"
    assert dev.call([sys.executable, "-c", killed]) == 128 + 15


def run_script(*args):
    return subprocess.run([sys.executable, DEV_SCRIPT, *args], capture_output=True, text=True)


def test_usage_and_unknown_commands():
    help_run = run_script("--help")
    assert help_run.returncode == 0
    assert "python3 dev.py test" in help_run.stdout

    wrong_run = run_script("tset")
    assert wrong_run.returncode == 2
    assert "python3 dev.py run" in wrong_run.stderr
