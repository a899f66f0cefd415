"""A damaged or missing file is set aside (never deleted), a backup restored, the person told."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.recovery import recover_unreadable

from .samples import on_day, temp_files, year_file

DAMAGE = {
    "cut-short": b'{"practices": {"1": {"exerc',
    "empty": b"",
    "wrong-shape": b'["not", "a", "store"]',
    "binary": b"\x00\x13\xff garbage",
    "deeply-nested": b"[" * 100_000 + b"]" * 100_000,
}


def history_of_two(path: Path) -> tuple[PracticeRecord, PracticeRecord]:
    """Save two practices; the year's backup then holds the history as it was after the first."""
    first, second = on_day(1), on_day(2)
    with Store.open(path) as store:
        store.add_practice(first)
        store.add_practice(second)
    return first, second


def set_aside_files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_year_is_set_aside_and_the_last_good_copy_restored(
    store_path: Path, damage: bytes
) -> None:
    first, _second = history_of_two(store_path)
    year = year_file(store_path)
    year.unlink()  # written anew, as a torn write would: the backups are links to old bytes
    year.write_bytes(damage)

    with Store.open(store_path) as store:
        assert store.practices() == [first]
        (aside,) = set_aside_files(year.parent, "2024.json")
        assert aside.read_bytes() == damage
        # Told at once: the store looks at its files when it opens, not when a screen asks.
        assert store.notice is None or str(aside) in store.notice


def test_the_person_is_told_what_was_recovered(store_path: Path) -> None:
    history_of_two(store_path)
    year_file(store_path).unlink()
    year_file(store_path).write_bytes(DAMAGE["cut-short"])

    with Store.open(store_path) as store:
        store.practices()
        notice = store.take_notice()
    assert notice is not None
    assert "your practices from 2024" in notice
    assert "last good copy" in notice and "was restored" in notice
    assert "Nothing was deleted" in notice


def test_a_damaged_settings_file_is_restored_from_its_backup(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.set_setting("theme", "dusk")
        store.set_setting("voice", "warm")
    store_path.unlink()
    store_path.write_bytes(DAMAGE["binary"])

    with Store.open(store_path) as store:
        assert store.get_setting("theme", "") == "dusk"
        assert store.notice is not None and "your settings" in store.notice
    (aside,) = set_aside_files(store_path.parent, store_path.name)
    assert aside.read_bytes() == DAMAGE["binary"]


def test_without_a_backup_a_fresh_year_starts_and_keeps_working(store_path: Path) -> None:
    Store.open(store_path).close()
    year = year_file(store_path)
    year.parent.mkdir(exist_ok=True)
    year.write_bytes(DAMAGE["cut-short"])
    record = on_day(3)

    with Store.open(store_path) as store:
        assert store.practices() == []
        notice = store.take_notice()
        assert notice is not None and "starts afresh" in notice
        (aside,) = set_aside_files(year.parent, "2024.json")
        assert str(aside) in notice
        store.add_practice(record)

    with Store.open(store_path) as again:
        assert again.practices() == [record]
        assert again.take_notice() is None
    assert aside.read_bytes() == DAMAGE["cut-short"]


def test_a_damaged_backup_is_set_aside_too(store_path: Path) -> None:
    history_of_two(store_path)
    year = year_file(store_path)
    backup = year.with_name("2024.json.bak")
    for daily in (store_path.parent / "backups").rglob("2024.json"):
        daily.unlink()  # a hard link to the same bytes as the file or its backup
        daily.write_bytes(DAMAGE["empty"])
    year.unlink()
    year.write_bytes(DAMAGE["cut-short"])
    backup.unlink()
    backup.write_bytes(DAMAGE["binary"])

    with Store.open(store_path) as store:
        assert store.practices() == []
        (backup_aside,) = set_aside_files(year.parent, "2024.json.bak")
        assert backup_aside.read_bytes() == DAMAGE["binary"]
        notice = store.take_notice()
        assert notice is not None and str(backup_aside) in notice
    (aside,) = set_aside_files(year.parent, "2024.json")
    assert aside.read_bytes() == DAMAGE["cut-short"]


def test_a_missing_file_beside_its_backup_is_restored_and_the_person_told(
    store_path: Path,
) -> None:
    # Seen: recovery killed between setting the damaged file aside and restoring the backup
    # left no file; the next start read that as a new, empty history, and two saves later the
    # good backup was overwritten.
    first, _second = history_of_two(store_path)
    year_file(store_path).unlink()

    with Store.open(store_path) as store:
        assert store.practices() == [first]
        notice = store.take_notice()
        assert notice is not None and "was missing" in notice
        store.add_practice(on_day(5))
        store.add_practice(on_day(6))
    with Store.open(store_path) as again:
        assert [r.local_date.day for r in again.practices()] == [1, 5, 6]


def test_a_missing_settings_file_beside_its_backup_is_restored(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.set_setting("theme", "dusk")
        store.set_setting("voice", "warm")
    store_path.unlink()

    with Store.open(store_path) as store:
        assert store.get_setting("theme", "") == "dusk"
        assert store.notice is not None and "was missing" in store.notice


def test_a_backup_bigger_than_its_file_is_kept_not_replaced(store_path: Path) -> None:
    history_of_two(store_path)
    year = year_file(store_path)
    backup = year.with_name("2024.json.bak")
    bigger = backup.read_bytes()
    # The file lost its history some other way (a sync tool, a hand edit): smaller, still valid.
    year.unlink()
    year.write_bytes(b'{"practices": {}}')

    with Store.open(store_path) as store:
        store.add_practice(on_day(9))
        notice = store.take_notice()
    assert notice is not None and "smaller than its backup" in notice
    (kept,) = year.parent.glob("2024.json.bak.kept-*")
    assert kept.read_bytes() == bigger


def test_setting_aside_never_overwrites_an_earlier_damaged_file(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    same_second = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    for damage in (b"first damage", b"second damage"):
        store_path.write_bytes(damage)
        recover_unreadable(store_path, now=same_second)

    kept = {path.read_bytes() for path in set_aside_files(store_path.parent, "practice.json")}
    assert kept == {b"first damage", b"second damage"}


def test_a_healthy_store_opens_without_a_notice(store_path: Path) -> None:
    history_of_two(store_path)
    with Store.open(store_path) as store:
        assert len(store.practices()) == 2
        assert store.take_notice() is None
    assert set_aside_files(year_file(store_path).parent, "2024.json") == []


def test_temp_files_left_by_a_killed_write_are_cleaned_by_the_next_session(
    store_path: Path,
) -> None:
    history_of_two(store_path)
    year = year_file(store_path)
    leftovers = [
        year.with_name(".2024.json.k3j9.tmp"),
        store_path.with_name(f".{store_path.name}.x1y2.tmp"),
        year.with_name("2024.json.bak.tmp"),
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"a half-written copy of the history")
    recording = store_path.parent / "letters" / "abc.files" / "voice.tmp"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"not ours to clean")

    with Store.open(store_path) as store:
        assert len(store.practices()) == 2  # the leftovers are never read as the history
    assert temp_files(store_path.parent) == [recording]
    assert os.path.exists(recording)
