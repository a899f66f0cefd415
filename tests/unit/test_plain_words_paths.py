"""Each way a file can fail from the command line, told in plain words, run as a person would.

The messages come from messages.py with the reason `plain_reason` gives; the system's own words
("[Errno 2] No such file or directory") never reach the person.
"""

import os
import subprocess
import sys

from compassion_app import messages
from compassion_app.paths import DataPaths

SYSTEM_WORDS = ("Errno", "No such file", "Traceback", "Not a directory", "File exists")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )


def plain(stderr: str) -> bool:
    return not any(words in stderr for words in SYSTEM_WORDS)


def test_rendering_into_a_folder_that_is_not_there_says_so(tmp_path):
    out = tmp_path / "no-such-folder" / "walk.wav"
    result = run("--data-dir", str(tmp_path / "data"), "render", "soothe-now", "--out", str(out))
    assert result.returncode == 1
    reason = messages.REASON_MISSING.format(place=out)
    assert result.stderr.strip() == messages.CLI_RENDER_FAILED.format(out=out, reason=reason)
    assert plain(result.stderr)


def test_a_data_folder_that_is_a_file_is_told_plainly_and_nothing_opens(tmp_path):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    result = run("--data-dir", str(not_a_folder))
    assert result.returncode == 1
    reason = messages.REASON_NOT_A_FOLDER.format(place=not_a_folder)
    assert result.stderr.strip() == messages.FOLDER_UNUSABLE.format(
        folder=not_a_folder, reason=reason
    )
    assert not_a_folder.read_text(encoding="utf-8") == "mine"  # left as it was
    assert plain(result.stderr)


def test_importing_a_file_that_is_not_there_says_so_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    missing = tmp_path / "export.json"
    result = run("--data-dir", str(data), "import", str(missing))
    assert result.returncode == 1
    reason = messages.REASON_MISSING.format(place=missing)
    assert messages.STORE_IMPORT_UNREADABLE.format(path=missing, reason=reason) in result.stderr
    assert plain(result.stderr)


def test_a_history_that_cannot_be_opened_says_why_in_plain_words(tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.create()
    paths.store.mkdir()  # where the history file should be, a folder
    result = run("--data-dir", str(paths.root), "export", str(tmp_path / "out.json"))
    assert result.returncode == 1
    reason = messages.REASON_IS_FOLDER.format(place=paths.store)
    assert messages.STORE_CANNOT_OPEN.format(path=paths.store, reason=reason) in result.stderr
    assert plain(result.stderr)
