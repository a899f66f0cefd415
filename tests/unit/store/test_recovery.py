"""A damaged history file is set aside (never deleted), the backup restored, the person told."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.recovery import recover_unreadable

from .samples import on_day

DAMAGE = {
    "cut-short": b'{"meta": {"1": {"schema_version": 1}}, "practices": {"1": {"exerc',
    "empty": b"",
    "wrong-shape": b'["not", "a", "store"]',
    "binary": b"\x00\x13\xff garbage",
}


def history_of_two(path: Path) -> tuple[PracticeRecord, PracticeRecord]:
    """Save two practices; the backup then holds the history as it was after the first."""
    first, second = on_day(1), on_day(2)
    with Store.open(path) as store:
        store.add_practice(first)
        store.add_practice(second)
    return first, second


def set_aside_files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_set_aside_and_the_last_good_copy_restored(
    store_path: Path, damage: bytes
) -> None:
    first, _second = history_of_two(store_path)
    store_path.write_bytes(damage)

    with Store.open(store_path) as store:
        assert store.practices() == [first]
        (aside,) = set_aside_files(store_path.parent, "practice.json")
        assert aside.read_bytes() == damage
        assert store.notice is not None
        assert str(aside) in store.notice
        assert "last good copy was restored" in store.notice


def test_without_a_backup_a_fresh_history_starts_and_keeps_working(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(DAMAGE["cut-short"])
    record = on_day(3)

    with Store.open(store_path) as store:
        assert store.practices() == []
        assert store.notice is not None
        assert "new, empty history" in store.notice
        (aside,) = set_aside_files(store_path.parent, "practice.json")
        assert str(aside) in store.notice
        store.add_practice(record)

    with Store.open(store_path) as again:
        assert again.practices() == [record]
        assert again.notice is None
    assert aside.read_bytes() == DAMAGE["cut-short"]


def test_a_damaged_backup_is_set_aside_too(store_path: Path) -> None:
    history_of_two(store_path)
    backup = store_path.with_name("practice.json.bak")
    store_path.write_bytes(DAMAGE["cut-short"])
    backup.write_bytes(DAMAGE["binary"])

    with Store.open(store_path) as store:
        assert store.practices() == []
        (backup_aside,) = set_aside_files(store_path.parent, "practice.json.bak")
        assert backup_aside.read_bytes() == DAMAGE["binary"]
        assert store.notice is not None and str(backup_aside) in store.notice
    (aside,) = set_aside_files(store_path.parent, "practice.json")
    assert aside.read_bytes() == DAMAGE["cut-short"]


def test_setting_aside_never_overwrites_an_earlier_damaged_file(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    same_second = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    for damage in (b"first damage", b"second damage"):
        store_path.write_bytes(damage)
        recover_unreadable(store_path, now=same_second)

    kept = {path.read_bytes() for path in set_aside_files(store_path.parent, "practice.json")}
    assert kept == {b"first damage", b"second damage"}


def test_a_healthy_file_opens_without_a_notice(store_path: Path) -> None:
    history_of_two(store_path)
    with Store.open(store_path) as store:
        assert store.notice is None
        assert len(store.practices()) == 2
    assert set_aside_files(store_path.parent, "practice.json") == []
