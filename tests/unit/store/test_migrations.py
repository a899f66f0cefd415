"""Schema versions: new folders are stamped, a version-1 file split into shards, newer refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from compassion_app.store import migrations, storage
from compassion_app.store.db import Store
from compassion_app.store.errors import NewerSchemaError, StoreError
from compassion_app.store.migrations import SCHEMA_VERSION, kept_name
from compassion_app.store.storage import read_tables

from .samples import files_in
from .ten_years import v1_letters, v1_practices, write_v1_file


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` except the lock, by relative path."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "store.lock"
    }


def test_a_new_store_records_the_current_version(store_path: Path) -> None:
    Store.open(store_path).close()
    assert read_tables(store_path)["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}


def test_an_up_to_date_store_is_opened_without_rewriting_it(store_path: Path) -> None:
    Store.open(store_path).close()
    written = store_path.stat().st_mtime_ns, store_path.stat().st_ino
    Store.open(store_path).close()
    assert (store_path.stat().st_mtime_ns, store_path.stat().st_ino) == written


def test_a_folder_from_a_newer_app_is_refused_and_left_untouched(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    newer = {
        "meta": {"1": {"schema_version": SCHEMA_VERSION + 1}},
        "practices": {"1": {"a field we do not know": True}},
    }
    store_path.write_text(json.dumps(newer), encoding="utf-8")
    before = store_path.read_bytes()

    with pytest.raises(NewerSchemaError) as raised:
        Store.open(store_path)

    assert isinstance(raised.value, StoreError)
    message = str(raised.value)
    assert "written by a newer version of Compassion Companion" in message
    assert "Nothing in it has been changed" in message
    assert str(store_path) in message
    assert store_path.read_bytes() == before
    assert files_in(store_path.parent) == ["practice.json", "store.lock"]  # nothing else made


def test_an_unreadable_version_counts_as_damage_not_as_a_crash(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_text('{"meta": {"1": {"schema_version": "one"}}}', encoding="utf-8")

    with pytest.raises(StoreError):
        Store.open(store_path).close()


def small_v1(store_path: Path) -> None:
    practices = v1_practices(date(2023, 12, 25), days=14, per_day=2)
    write_v1_file(store_path, practices, v1_letters(date(2023, 12, 1), 3), {"theme": "dusk"})


def test_a_version_1_file_moves_into_shards_and_is_kept_unchanged(store_path: Path) -> None:
    small_v1(store_path)
    original = store_path.read_bytes()
    expected = v1_practices(date(2023, 12, 25), days=14, per_day=2)

    with Store.open(store_path) as store:
        assert store.practices() == expected
        assert store.get_setting("theme", "") == "dusk"
        assert [s.title for s in store.letters()] == ["Letter 2", "Letter 1", "Letter 0"]
        assert store.letter(store.letters()[0].letter_id).body.startswith("Dear me, number 2.")
        assert store.notice is not None and str(kept_name(store_path)) in store.notice

    assert kept_name(store_path).read_bytes() == original
    folder = store_path.parent
    assert sorted(p.name for p in (folder / "practices").glob("*.json")) == [
        "2023.json",
        "2024.json",
    ]
    assert "practices" not in read_tables(store_path)  # the main file is small now
    with Store.open(store_path) as again:
        assert again.notice is None
        assert again.practices() == expected


def test_a_migration_stopped_at_any_write_ends_in_the_same_state_when_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "whole" / "store.json"
    small_v1(whole)
    Store.open(whole).close()
    finished = snapshot(whole.parent)

    writes = 0
    real_write = storage.write_atomically

    def counting(path: Path, payload: bytes, sync_folder: bool = True) -> None:
        nonlocal writes
        writes += 1
        real_write(path, payload, sync_folder)

    counter = tmp_path / "count" / "store.json"
    small_v1(counter)
    monkeypatch.setattr(migrations, "write_atomically", counting)
    Store.open(counter).close()
    assert writes >= 5  # two years, three letters, an index, the stamp

    for stop_at in range(1, writes + 1):
        path = tmp_path / f"stopped-{stop_at}" / "store.json"
        small_v1(path)
        calls = 0

        def stopping(
            target: Path, payload: bytes, sync_folder: bool = True, stop_at: int = stop_at
        ) -> None:
            nonlocal calls
            calls += 1
            if calls == stop_at:
                raise KeyboardInterrupt("the power went")
            real_write(target, payload, sync_folder)

        monkeypatch.setattr(migrations, "write_atomically", stopping)
        with pytest.raises(KeyboardInterrupt):
            Store.open(path)
        monkeypatch.setattr(migrations, "write_atomically", real_write)
        Store.open(path).close()
        assert snapshot(path.parent).keys() == finished.keys(), stop_at
        for name, content in finished.items():
            if "backups" not in name:
                assert snapshot(path.parent)[name] == content, (stop_at, name)


@pytest.mark.slow
def test_a_ten_year_version_1_file_migrates_completely(store_path: Path) -> None:
    practices = v1_practices(date(2015, 1, 1), days=3650, per_day=10)
    letters = v1_letters(date(2015, 1, 1), 1000)
    write_v1_file(store_path, practices, letters, {"theme": "dusk"})
    original = store_path.read_bytes()

    with Store.open(store_path) as store:
        assert len(store.practices()) == 36_500
        assert store.practices() == practices
        assert len(store.letters()) == 1000
        assert store.letter(letters[500].letter_id) == letters[500]
    assert kept_name(store_path).read_bytes() == original
    assert len(list((store_path.parent / "practices").glob("*.json"))) == 10
