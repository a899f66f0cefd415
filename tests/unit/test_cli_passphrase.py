"""`import` into a folder whose letters are protected asks for the passphrase; `export` never
writes protected letters out in plain words (see ui/widgets/data_card.py for the same rule)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from compassion_app import messages
from compassion_app.store.passphrase import unlock
from helpers.letter_disk import open_store
from unit.store.samples import on_day

SEALED_V1 = Path(__file__).parents[1] / "data" / "sealed-v1"  # see tests/unit/store/
PASSPHRASE = "a quiet harbour at dawn"
BROUGHT = {
    "id": "brought-in",
    "title": "From a friend",
    "body": "You are doing better than you think.",
    "created_utc": "2026-11-01T08:00:00+00:00",
    "updated_utc": "2026-11-01T08:00:00+00:00",
    "version": 1,
}


def run(*args: object, given: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "compassion_app", *map(str, args)]
    return subprocess.run(command, input=given, capture_output=True, text=True, timeout=60)


def protected_folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEALED_V1, tmp_path / "data"))


def exported_file(tmp_path: Path, **lists: list[object]) -> Path:
    path = tmp_path / "brought.json"
    path.write_text(json.dumps({"format": "compassion-companion", "version": 1, **lists}))
    return path


def files(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_letters_imported_with_the_passphrase_are_sealed_beside_the_others(tmp_path: Path) -> None:
    data = protected_folder(tmp_path)
    imported = run(
        "--data-dir", data, "import", exported_file(tmp_path, letters=[BROUGHT]), given=PASSPHRASE
    )
    assert imported.returncode == 0, imported.stderr
    assert "1 letter version and" in imported.stdout
    assert b"better than you think" not in (data / "letters" / "brought-in.json").read_bytes()
    store = open_store(data)
    try:
        store.set_letter_cipher(unlock(data, PASSPHRASE))
        titles = {summary.title for summary in store.letters()}
        assert store.letter("brought-in").body == BROUGHT["body"]
    finally:
        store.close()
    assert titles == {"From a friend", "To the part of me that worries"}


def test_a_wrong_passphrase_imports_nothing_and_says_so_kindly(tmp_path: Path) -> None:
    data = protected_folder(tmp_path)
    before = files(data)
    brought = exported_file(tmp_path, letters=[BROUGHT])
    imported = run("--data-dir", data, "import", brought, given="a loud harbour\n")
    assert imported.returncode == 1
    assert messages.LETTER_WRONG_PASSPHRASE in imported.stderr
    after = files(data)
    assert {path: after.get(path) for path in before} == before  # no letter, no key touched
    assert not (data / "letters" / "brought-in.json").exists()


def test_enter_alone_leaves_the_letters_closed_and_practices_still_come_in(tmp_path: Path) -> None:
    practice = on_day(1).to_dict()
    data = protected_folder(tmp_path)
    imported = run(
        "--data-dir", data, "import", exported_file(tmp_path, practices=[practice]), given="\n"
    )
    assert imported.returncode == 0, imported.stderr
    assert "Added 1 practice," in imported.stdout


def test_export_never_writes_protected_letters_in_plain_words(tmp_path: Path) -> None:
    data, out = protected_folder(tmp_path), tmp_path / "all.json"
    exported = run("--data-dir", data, "export", out, given=PASSPHRASE + "\n")
    assert exported.returncode == 1
    assert not out.exists()
