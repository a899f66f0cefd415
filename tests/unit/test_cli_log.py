"""The command line's "the details are in the app's log" is true: its notes go to that log."""

import contextlib
import logging
import os
import stat

import pytest

from compassion_app import messages
from compassion_app.__main__ import main
from compassion_app.paths import DataPaths, resource_path


@pytest.fixture(autouse=True)
def logging_restored():
    """main() sets up logging for the whole process, as a command does; put it back after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            with contextlib.suppress(OSError):  # as logging.shutdown does at exit: a full disk
                handler.close()
    root.handlers[:], root.level = handlers, level


def folder_bytes(folder):
    return {
        path.relative_to(folder): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def an_opened_app_folder(tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.create()  # as the app leaves it once it has been opened: the log folder is there
    return paths


def test_an_unexpected_problem_is_told_and_its_details_are_in_the_app_log(
    tmp_path, monkeypatch, capsys
):
    paths = an_opened_app_folder(tmp_path)

    def broken_reader(path):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr("compassion_app.core.scripts.load_script", broken_reader)
    script = resource_path("scripts", "calm-place.toml")

    code = main(["--data-dir", str(paths.root), "check", str(script)])

    told = capsys.readouterr().out
    assert code == 1
    assert messages.SCRIPT_UNEXPECTED.format(file=script.name) in told
    logged = paths.log.read_text(encoding="utf-8")
    assert "a bug of ours" in logged and "Traceback" in logged
    if os.name == "posix":
        assert stat.S_IMODE(paths.log.stat().st_mode) == 0o600


def test_a_command_that_goes_well_leaves_the_data_folder_as_it_was(tmp_path, capsys):
    paths = an_opened_app_folder(tmp_path)
    before = folder_bytes(paths.root)

    assert main(["--data-dir", str(paths.root), "list"]) == 0

    assert folder_bytes(paths.root) == before  # no log file made for nothing
    assert capsys.readouterr().out


def test_with_no_log_folder_yet_the_details_go_to_the_terminal(tmp_path, monkeypatch, capsys):
    never_opened = tmp_path / "never-opened"

    def broken_reader(path):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr("compassion_app.core.scripts.load_script", broken_reader)
    script = resource_path("scripts", "calm-place.toml")

    main(["--data-dir", str(never_opened), "check", str(script)])

    assert "a bug of ours" in capsys.readouterr().err
    assert not never_opened.exists()  # a command does not make the app's folder


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs a device that is always full")
def test_a_log_that_cannot_be_written_says_so_and_gives_the_details_in_the_terminal(
    tmp_path, monkeypatch, capsys
):
    paths = an_opened_app_folder(tmp_path)
    paths.log.symlink_to("/dev/full")  # every write fails as on a full disk

    def broken_reader(path):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr("compassion_app.core.scripts.load_script", broken_reader)
    script = resource_path("scripts", "calm-place.toml")

    main(["--data-dir", str(paths.root), "check", str(script)])

    told = capsys.readouterr().err
    assert told.count("cannot write its notes to") == 1
    assert "a bug of ours" in told
    assert "Logging error" not in told
