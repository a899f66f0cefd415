"""`export` and `import` on a folder whose letters are protected: they ask for the passphrase."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from compassion_app import messages

SEALED_V1 = Path(__file__).parents[1] / "data" / "sealed-v1"  # see tests/unit/store/
PASSPHRASE = "a quiet harbour at dawn"


def run(*args: object, given: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "compassion_app", *map(str, args)]
    return subprocess.run(command, input=given, capture_output=True, text=True, timeout=60)


def protected_folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEALED_V1, tmp_path / "data"))


def test_export_opens_protected_letters_with_the_passphrase_given(tmp_path: Path) -> None:
    data, out = protected_folder(tmp_path), tmp_path / "all.json"
    exported = run("--data-dir", data, "export", out, given=PASSPHRASE + "\n")
    assert exported.returncode == 0, exported.stderr
    assert "1 letters" in exported.stdout
    [letter] = json.loads(out.read_text(encoding="utf-8"))["letters"]
    assert letter["title"] == "To the part of me that worries"
    assert [version["body"] for version in letter["versions"]][0].startswith("Dear one")


def test_a_wrong_passphrase_writes_nothing_and_says_so_kindly(tmp_path: Path) -> None:
    data, out = protected_folder(tmp_path), tmp_path / "all.json"
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    exported = run("--data-dir", data, "export", out, given="a loud harbour\n")
    assert exported.returncode == 1
    assert messages.LETTER_WRONG_PASSPHRASE in exported.stderr
    assert not out.exists()
    after = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    assert {path: after[path] for path in before} == before  # no letter, no key touched


def test_letters_imported_into_a_protected_folder_are_sealed_on_disk(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    letter = {
        "id": "brought-in",
        "title": "From a friend",
        "body": "You are doing better than you think.",
        "created_utc": "2026-11-01T08:00:00+00:00",
        "updated_utc": "2026-11-01T08:00:00+00:00",
        "version": 1,
    }
    document = {"format": "compassion-companion", "version": 1, "letters": [letter]}
    plain.write_text(json.dumps(document), encoding="utf-8")
    data = protected_folder(tmp_path)
    imported = run("--data-dir", data, "import", plain, given=PASSPHRASE + "\n")
    assert imported.returncode == 0, imported.stderr
    on_disk = (data / "letters" / "brought-in.json").read_bytes()
    assert b"better than you think" not in on_disk
    exported = run("--data-dir", data, "export", tmp_path / "all.json", given=PASSPHRASE + "\n")
    assert exported.returncode == 0, exported.stderr
    titles = {item["title"] for item in json.loads((tmp_path / "all.json").read_text())["letters"]}
    assert titles == {"From a friend", "To the part of me that worries"}
