"""The atomic JSON storage: a write either happens completely or not at all, with a backup."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from compassion_app.store.errors import CorruptStoreError
from compassion_app.store.storage import (
    SMALL_FILE_DOCUMENTS,
    AtomicJSONStorage,
    Tables,
    backup_path,
    encode,
    read_tables,
)

from .samples import failing, files_in

FIRST = {"practices": {"1": {"note": "first"}}}
SECOND = {"practices": {"1": {"note": "first"}, "2": {"note": "second"}}}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "practice.json"


def write_twice(path: Path) -> AtomicJSONStorage:
    storage = AtomicJSONStorage(path)
    storage.write(json.loads(json.dumps(FIRST)))
    storage.write(json.loads(json.dumps(SECOND)))
    return storage


def test_what_is_written_is_read_back_by_a_new_storage(path: Path) -> None:
    write_twice(path)
    assert AtomicJSONStorage(path).read() == SECOND


def test_a_missing_file_reads_as_an_empty_store(path: Path) -> None:
    assert AtomicJSONStorage(path).read() == {}
    assert not path.exists()  # reading alone creates nothing


def test_the_previous_version_is_kept_as_a_backup(path: Path) -> None:
    write_twice(path)
    assert read_tables(backup_path(path)) == FIRST
    assert files_in(path.parent) == ["practice.json", "practice.json.bak"]


def test_the_backup_is_still_made_where_hard_links_are_not_possible(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", failing(errno.EPERM))  # as on a FAT-formatted stick
    write_twice(path)
    assert read_tables(backup_path(path)) == FIRST
    assert files_in(path.parent) == ["practice.json", "practice.json.bak"]


@pytest.mark.parametrize("broken_call", ["fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EIO])
def test_a_failed_write_leaves_the_file_and_its_backup_as_they_were(
    path: Path, monkeypatch: pytest.MonkeyPatch, broken_call: str, code: int
) -> None:
    storage = write_twice(path)
    before = path.read_bytes()
    backup_before = backup_path(path).read_bytes()

    monkeypatch.setattr(os, broken_call, failing(code))
    with pytest.raises(OSError) as raised:
        storage.write({"practices": {}})
    monkeypatch.undo()

    assert raised.value.errno == code
    assert path.read_bytes() == before
    assert backup_path(path).read_bytes() == backup_before
    assert files_in(path.parent) == ["practice.json", "practice.json.bak"]  # no temp clutter


def test_after_a_failed_write_reads_show_what_is_on_disk(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = write_twice(path)
    data = storage.read()
    data["practices"]["3"] = {"note": "never saved"}  # TinyDB changes the data, then writes it

    monkeypatch.setattr(os, "fsync", failing(errno.ENOSPC))
    with pytest.raises(OSError):
        storage.write(data)
    monkeypatch.undo()

    assert storage.read() == SECOND


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot fsync a directory")
def test_the_rename_is_made_durable_by_syncing_the_folder(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced_folders: list[bool] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced_folders.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    AtomicJSONStorage(path).write(FIRST)

    # The file's bytes first, then the folder entry that points at them.
    assert synced_folders == [False, True]


@pytest.mark.parametrize(
    "contents",
    [
        b"",
        b'{"practices": {"1": {"note": "fir',
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"practices": [1, 2]}',
        b'{"practices": {"one": {}}}',
        b'{"practices": {"1": "not a document"}}',
    ],
    ids=["empty", "cut-short", "binary", "list", "table-list", "bad-id", "bad-document"],
)
def test_unreadable_contents_are_reported_as_damage(path: Path, contents: bytes) -> None:
    path.write_bytes(contents)
    with pytest.raises(CorruptStoreError):
        AtomicJSONStorage(path).read()


def test_a_backup_that_is_already_the_same_file_leaves_no_clutter(path: Path) -> None:
    # A stop between linking the backup and replacing the file leaves both names on one file;
    # the next write must not leave its staged link behind (rename between links does nothing).
    storage = write_twice(path)
    backup_path(path).unlink()
    os.link(path, backup_path(path))

    storage.write({"practices": {}})

    assert files_in(path.parent) == ["practice.json", "practice.json.bak"]
    assert read_tables(backup_path(path)) == SECOND


def test_a_huge_whole_number_from_a_hand_edit_never_stops_saving(path: Path) -> None:
    path.write_text('{"practices": {"1": {"note": ' + "9" * 30 + "}}}", encoding="utf-8")
    storage = AtomicJSONStorage(path)
    data = storage.read()
    data["practices"]["2"] = {"note": "saved"}

    storage.write(data)

    assert AtomicJSONStorage(path).read()["practices"]["2"] == {"note": "saved"}


def tables_of(documents: int) -> Tables:
    note = 'Ruhig atmen, 呼吸, \u2028\t\n\x01 "quoted"'  # non-ASCII, escapes, a control
    words = {"note": note, "rate": 5.5, "whole": 2**40, "no": None}
    return {"practices": {str(n): dict(words, n=n) for n in range(1, documents + 1)}}


@pytest.mark.parametrize("documents", [1, SMALL_FILE_DOCUMENTS - 1, SMALL_FILE_DOCUMENTS, 500])
def test_small_and_big_files_are_written_as_the_same_bytes(documents: int) -> None:
    import orjson

    data = tables_of(documents)
    assert encode(data) == orjson.dumps(data)  # json for the small, orjson for the big


def test_a_value_strict_json_cannot_hold_is_written_as_before_in_a_small_file() -> None:
    assert encode({"t": {"1": {"rate": float("nan")}}}) == b'{"t":{"1":{"rate":null}}}'


def test_a_start_that_writes_only_small_files_does_not_load_orjson(tmp_path: Path) -> None:
    code = (  # a new person's first start: the main file is written, then a setting
        "import sys, pathlib; from compassion_app.store.db import Store; "
        f"store = Store.open(pathlib.Path({str(tmp_path / 'new' / 'store.json')!r})); "
        "store.set_setting('welcomed', True); store.close(); "
        "sys.exit('orjson' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
