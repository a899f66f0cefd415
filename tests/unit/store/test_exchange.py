"""Export and import: everything out to one documented file, and merged back without duplicates."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from compassion_app.core.letters import Letter
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError
from compassion_app.store.exchange import ImportProblem, export_everything, import_file

from .samples import on_day, practice_at, zone

BEGUN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def filled(store: Store) -> None:
    store.add_practice(on_day(1))
    store.add_practice(practice_at(datetime(2023, 12, 31, 23, 30, tzinfo=zone(-8))))
    first = Letter("To me", "Dear me,", BEGUN, BEGUN, letter_id="letterone")
    store.save_letter(first)
    store.save_letter(first.revised(BEGUN + timedelta(days=1)).edited("To me", "Dear me, again"))
    store.set_rest_day(date(2024, 3, 2), True)
    store.set_setting("preferences", {"checkins": False})


def exported(tmp_path: Path, name: str = "export.json") -> Path:
    with Store.open(tmp_path / "source" / "store.json") as source:
        filled(source)
        export_everything(source, tmp_path / name)
    return tmp_path / name


def test_the_export_follows_the_documented_format(tmp_path: Path) -> None:
    data = json.loads(exported(tmp_path).read_text(encoding="utf-8"))

    assert (data["format"], data["version"]) == ("compassion-companion", 1)
    assert set(data["practices"][0]) >= {
        "record_id", "exercise_id", "started_utc", "local_date", "utc_offset_minutes",
        "planned_seconds", "actual_seconds", "completed", "checkin_before", "checkin_after",
    }  # fmt: skip
    (letter,) = data["letters"]
    assert {"id", "title", "body", "created_utc", "updated_utc"} <= set(letter)
    assert letter["body"] == "Dear me, again"
    assert [v["body"] for v in letter["versions"]] == ["Dear me,", "Dear me, again"]
    assert data["rest_days"] == ["2024-03-02"]
    assert data["settings"] == {"preferences": {"checkins": False}}


def test_an_import_into_a_new_folder_brings_everything_back(tmp_path: Path) -> None:
    path = exported(tmp_path)
    with Store.open(tmp_path / "source" / "store.json") as source:
        expected = (source.practices(), source.letter_versions("letterone"))

    with Store.open(tmp_path / "new" / "store.json") as fresh:
        added = import_file(fresh, path)
        assert (fresh.practices(), fresh.letter_versions("letterone")) == expected
        assert fresh.rest_days() == {date(2024, 3, 2)}
        assert fresh.get_setting("preferences", {}) == {"checkins": False}
    assert (added.practices, added.versions, added.rest_days) == (2, 2, 1)


def test_importing_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    path = exported(tmp_path)
    with Store.open(tmp_path / "new" / "store.json") as fresh:
        import_file(fresh, path)
        again = import_file(fresh, path)
        assert len(fresh.practices()) == 2
        assert len(fresh.letter_versions("letterone")) == 2
    assert (again.practices, again.versions, again.rest_days) == (0, 0, 0)
    assert again.skipped == 4


def test_import_keeps_what_is_here_and_adds_what_is_new(tmp_path: Path) -> None:
    path = exported(tmp_path)
    mine = on_day(20)
    with Store.open(tmp_path / "mine" / "store.json") as store:
        store.add_practice(mine)
        store.set_setting("preferences", {"checkins": True})
        import_file(store, path)
        assert len(store.practices()) == 3 and mine in store.practices()
        assert store.get_setting("preferences", {}) == {"checkins": True}  # chosen here: kept


def test_a_newer_edit_of_a_letter_version_replaces_an_older_one(tmp_path: Path) -> None:
    path = exported(tmp_path)
    with Store.open(tmp_path / "mine" / "store.json") as store:
        old = Letter("To me", "Dear me,", BEGUN, BEGUN - timedelta(days=9), letter_id="letterone")
        earlier = BEGUN - timedelta(days=5)
        store.save_letter(old.revised(earlier).edited("To me", "older words", earlier))
        import_file(store, path)
        assert store.letter("letterone").body == "Dear me, again"


BAD: dict[str, tuple[Any, str]] = {
    "not-ours": ({"format": "something-else"}, '"format": "compassion-companion"'),
    "newer": ({"format": "compassion-companion", "version": 7}, "newer Compassion Companion"),
    "bad-length": (
        {"practices": [None, {"actual_seconds": "600"}]},
        "practices[0] is not a map",
    ),
    "bad-field": ({"practices": ["PRACTICE"]}, "practices[0] holds a value"),
    "missing-field": ({"practices": ["NO-DATE"]}, "practices[0] has no 'local_date'"),
    "bad-letter": ({"letters": [{"id": "x", "title": 3}]}, "letters[0].versions[0]"),
    "escaping-id": ({"letters": ["ESCAPE"]}, "letters[0].versions[0] holds a value"),
    "version-zero": ({"letters": ["VERSION-0"]}, "versions start at 1"),
    "bad-rest-day": ({"rest_days": ["2024-03-02", "someday"]}, "rest_days[1]"),
    "infinite-setting": ({"settings": {"volume": "INF"}}, 'settings["volume"]'),
}


def malformed(shape: dict[str, Any]) -> str:
    practice = on_day(3).to_dict()
    document = {"format": "compassion-companion", "version": 1, **shape}
    text = json.dumps(document)
    text = text.replace('"PRACTICE"', json.dumps({**practice, "actual_seconds": "600"}))
    text = text.replace(
        '"NO-DATE"', json.dumps({k: v for k, v in practice.items() if k != "local_date"})
    )
    escape = Letter("t", "b", BEGUN, BEGUN, letter_id="x").to_dict() | {"id": "../../x"}
    zero = Letter("t", "b", BEGUN, BEGUN, version=0, letter_id="x").to_dict()
    text = text.replace('"VERSION-0"', json.dumps(zero))
    return text.replace('"ESCAPE"', json.dumps(escape)).replace('"INF"', "1e999")


@pytest.mark.parametrize(("shape", "named"), BAD.values(), ids=BAD.keys())
def test_a_malformed_file_changes_nothing_and_names_what_and_where(
    tmp_path: Path, shape: dict[str, Any], named: str
) -> None:
    path = tmp_path / "bad.json"
    good = on_day(1).to_dict()
    # Something valid first: it must not be imported either when a later part is wrong.
    text = malformed(shape)
    if '"practices"' not in text:
        text = text.replace('"version": 1', '"version": 1, "practices": [' + json.dumps(good) + "]")
    path.write_text(text, encoding="utf-8")
    store_path = tmp_path / "mine" / "store.json"
    Store.open(store_path).close()
    before = {p: p.read_bytes() for p in store_path.parent.rglob("*") if p.is_file()}

    with Store.open(store_path) as store, pytest.raises(ImportProblem) as raised:
        import_file(store, path)

    message = str(raised.value)
    assert named in message
    assert str(path) in message and "nothing was changed" in message
    after = {p: p.read_bytes() for p in store_path.parent.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    "contents", [b"{not json", b"\xff\xfe", b"[" * 100_000], ids=["torn", "binary", "nested"]
)
def test_a_file_that_is_not_json_is_named_plainly(tmp_path: Path, contents: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(contents)
    with Store.in_memory() as store, pytest.raises(ImportProblem) as raised:
        import_file(store, path)
    assert "is not a Compassion Companion export" in str(raised.value)
    assert store.practices() == []


def test_practices_go_out_and_back_as_csv(tmp_path: Path) -> None:
    path = exported(tmp_path, "practices.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("record_id,exercise_id,started_utc,local_date")
    assert len(lines) == 3
    with Store.open(tmp_path / "source" / "store.json") as source:
        expected = source.practices()
    with Store.open(tmp_path / "new" / "store.json") as fresh:
        import_file(fresh, path)
        assert fresh.practices() == expected


def test_a_csv_with_a_bad_row_names_its_line(tmp_path: Path) -> None:
    path = exported(tmp_path, "practices.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1].replace(",600,", ",six hundred,", 1))
    path.write_text("\n".join(lines), encoding="utf-8")
    with Store.in_memory() as store, pytest.raises(ImportProblem, match="line 4"):
        import_file(store, path)
    assert store.practices() == []


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "compassion_app", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_command_line_exports_and_imports_with_a_data_folder(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one" / "compassion-companion.json") as store:
        filled(store)
    out = tmp_path / "all.json"

    exporting = run("--data-dir", tmp_path / "one", "export", out)
    assert exporting.returncode == 0, exporting.stderr
    assert "Wrote 2 practices and 1 letter to" in exporting.stdout
    importing = run("--data-dir", tmp_path / "two", "import", out)
    assert importing.returncode == 0, importing.stderr
    assert "Added 2 practices, 2 letter versions and 1 rest day from" in importing.stdout

    with Store.open(tmp_path / "two" / "compassion-companion.json") as copy:
        assert len(copy.practices()) == 2


def test_the_command_line_counts_in_plain_words_and_a_table_names_no_letters(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "one" / "compassion-companion.json") as store:
        filled(store)  # two practices and a letter
        store.add_practice(on_day(2))
    table = tmp_path / "practices.csv"
    exporting = run("--data-dir", tmp_path / "one", "export", table)
    assert exporting.returncode == 0, exporting.stderr
    # A table holds practices only: "and 0 letters" would read as if the letter were lost.
    assert exporting.stdout.strip() == f"Wrote 3 practices to {table}."
    importing = run("--data-dir", tmp_path / "one", "import", table)
    assert importing.returncode == 0, importing.stderr
    assert "Added 0 practices, 0 letter versions and 0 rest days" in importing.stdout
    assert "3 were already here" in importing.stdout


def test_the_command_line_says_plainly_why_a_file_cannot_be_used_and_nothing_more(
    tmp_path: Path,
) -> None:
    nowhere = tmp_path / "no such folder" / "all.json"
    exporting = run("--data-dir", tmp_path / "one", "export", nowhere)
    assert exporting.returncode == 1
    said = exporting.stderr.strip()
    assert said.startswith(f"Your history could not be written to {nowhere}.")
    assert "could not be found" in said  # the folder is not there, not "a problem with the disk"
    assert "Error" not in said and "\n" not in said  # no FileNotFoundError(2, ...) line before it

    not_json = tmp_path / "notes.txt"
    not_json.write_text("title = 3\n", encoding="utf-8")
    importing = run("--data-dir", tmp_path / "one", "import", not_json)
    assert importing.returncode == 1
    said = importing.stderr.strip()
    assert "is not a Compassion Companion export" in said
    assert "JSONDecodeError" not in said and "\n" not in said


def test_an_import_waits_for_an_open_window_then_says_how_to_go_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data / "compassion-companion.json") as store:
        filled(store)
        out = tmp_path / "all.json"
        exported = run("--data-dir", data, "export", out)  # reading needs no lock
        assert exported.returncode == 0, exported.stderr
        before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
        result = run("--data-dir", data, "import", out)
        after = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert result.returncode == 1
    assert "Compassion Companion is open just now" in result.stderr
    assert "Settings › Your data › Import" in result.stderr
    assert after == before


def test_the_command_line_names_a_bad_file_and_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "compassion-companion", "version": 1, "practices": [3]}')
    result = run("--data-dir", tmp_path / "data", "import", bad)
    assert result.returncode == 1
    assert "practices[0] is not a map" in result.stderr


def test_an_import_cut_short_by_a_full_disk_completes_when_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = exported(tmp_path)
    real_fsync, calls = os.fsync, 0

    def fills_up(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    with Store.open(tmp_path / "new" / "store.json") as fresh:
        monkeypatch.setattr(os, "fsync", fills_up)
        with pytest.raises(StoreWriteError, match="the disk is full"):
            import_file(fresh, path)
        monkeypatch.setattr(os, "fsync", real_fsync)
        import_file(fresh, path)
        assert len(fresh.practices()) == 2
        assert len(fresh.letter_versions("letterone")) == 2
    with Store.open(tmp_path / "new" / "store.json") as again:
        assert len(again.practices()) == 2  # no duplicates from the first, cut-short run


def test_an_import_with_letters_waits_for_protected_letters_to_be_opened_changing_nothing(
    tmp_path: Path,
) -> None:
    from compassion_app.store.letters import LettersLocked
    from compassion_app.store.passphrase import KdfCost, protect

    path = exported(tmp_path)
    folder = tmp_path / "sealed"
    with Store.open(folder / "store.json") as store:
        store.set_letter_cipher(protect(folder, "warm tea", KdfCost(8 * 1024, 1, 1)))
        store.save_letter(Letter("Mine", "Only for me.", BEGUN, BEGUN, letter_id="mine"))
    with Store.open(folder / "store.json") as closed:  # a new start: the letters not yet opened
        with pytest.raises(LettersLocked):
            import_file(closed, path)
        assert closed.practices() == []  # not half of the file: none of it
        assert closed.rest_days() == set()
        practices_only = tmp_path / "practices.csv"
        with Store.open(tmp_path / "source" / "store.json") as source:
            export_everything(source, practices_only)
        assert import_file(closed, practices_only).practices == 2  # no letters: no need to wait
