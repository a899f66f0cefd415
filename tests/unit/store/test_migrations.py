"""Schema versions: new files are stamped, old ones upgraded step by step, newer ones refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from compassion_app.store import migrations
from compassion_app.store.db import Store
from compassion_app.store.errors import NewerSchemaError, StoreError
from compassion_app.store.migrations import SCHEMA_VERSION, migrate, stored_version
from compassion_app.store.storage import read_tables

from .samples import files_in


def test_a_new_store_records_the_current_version(store_path: Path) -> None:
    Store.open(store_path).close()
    assert read_tables(store_path)["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}


def test_an_up_to_date_store_is_opened_without_rewriting_it(store_path: Path) -> None:
    Store.open(store_path).close()
    written = store_path.stat().st_mtime_ns, store_path.stat().st_ino
    Store.open(store_path).close()
    assert (store_path.stat().st_mtime_ns, store_path.stat().st_ino) == written


def test_steps_run_in_order_from_the_stored_version(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []
    steps = [lambda db, n=n: ran.append(n) for n in range(4)]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 4)
    db = TinyDB(storage=MemoryStorage)
    db.table("meta").insert({"schema_version": 2})

    migrate(db)

    assert ran == [2, 3]
    assert stored_version(db) == 4


def test_an_interrupted_upgrade_resumes_where_it_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_step(db: TinyDB) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", [lambda db: None, broken_step])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    db = TinyDB(storage=MemoryStorage)

    with pytest.raises(RuntimeError):
        migrate(db)
    assert stored_version(db) == 1


def test_a_file_from_a_newer_app_is_refused_and_left_untouched(store_path: Path) -> None:
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
    assert files_in(store_path.parent) == ["practice.json"]  # no backup, no set-aside copy


def test_an_unreadable_version_counts_as_damage_not_as_a_crash(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_text('{"meta": {"1": {"schema_version": "one"}}}', encoding="utf-8")

    with Store.open(store_path) as store:
        assert store.notice is not None
        assert store.practices() == []
