"""Rotating backups: the last good copy of each file, and one a day for the last seven days."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from compassion_app.paths import DataPaths
from compassion_app.store.backups import Backups
from compassion_app.store.db import Store
from compassion_app.store.storage import AtomicJSONStorage, read_tables

from .samples import on_day, year_file


class Calendar:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_the_first_write_of_each_day_keeps_that_days_copy(tmp_path: Path) -> None:
    calendar = Calendar(date(2024, 3, 1))
    backups = Backups(tmp_path, calendar)
    storage = AtomicJSONStorage(tmp_path / "main.json", before_replace=backups.keep)
    for n in range(1, 4):
        storage.write({"t": {"1": {"n": n}}})  # the 1st's copy is taken before write 2
    calendar.day = date(2024, 3, 2)
    storage.write({"t": {"1": {"n": 4}}})
    storage.write({"t": {"1": {"n": 5}}})

    first = read_tables(tmp_path / "backups" / "2024-03-01" / "main.json")
    second = read_tables(tmp_path / "backups" / "2024-03-02" / "main.json")
    assert first == {"t": {"1": {"n": 1}}}  # as the day began, not as it ended
    assert second == {"t": {"1": {"n": 3}}}
    assert read_tables(tmp_path / "main.json.bak") == {"t": {"1": {"n": 4}}}


def test_only_the_newest_seven_days_are_kept(tmp_path: Path) -> None:
    calendar = Calendar(date(2024, 3, 1))
    backups = Backups(tmp_path, calendar)
    storage = AtomicJSONStorage(tmp_path / "main.json", before_replace=backups.keep)
    storage.write({"t": {}})
    for day in range(10):
        calendar.day = date(2024, 3, 1) + timedelta(days=day * 3)  # now and then, with breaks
        storage.write({"t": {"1": {"day": day}}})
    backups.prune()

    kept = sorted(path.name for path in (tmp_path / "backups").iterdir())
    assert len(kept) == 7
    assert kept[-1] == "2024-03-28"  # the newest days of use survive a long break


def test_a_damaged_year_with_a_damaged_last_copy_comes_back_from_a_daily_one(
    store_path: Path,
) -> None:
    with Store.open(store_path) as store:
        store.add_practice(on_day(1))
        store.add_practice(on_day(2))
        store.add_practice(on_day(3))
    year = year_file(store_path)
    for damaged in (year, year.with_name("2024.json.bak")):
        damaged.unlink()
        damaged.write_bytes(b"\x00 torn")

    with Store.open(store_path) as store:
        assert [r.local_date.day for r in store.practices()] == [1]  # today's first copy
        notice = store.take_notice()
    assert notice is not None
    assert f"(from {date.today().isoformat()})" in notice
    assert "set aside" in notice


def test_a_copy_made_on_request_stays_as_it_was_and_never_replaces_a_daily_one(
    tmp_path: Path,
) -> None:
    calendar = Calendar(date(2024, 3, 1))
    backups = Backups(tmp_path, calendar)
    storage = AtomicJSONStorage(tmp_path / "main.json", before_replace=backups.keep)
    storage.write({"t": {"1": {"n": 1}}})
    storage.write({"t": {"1": {"n": 2}}})  # the day's copy now holds n=1
    copy = backups.snapshot([tmp_path / "main.json"], datetime(2024, 3, 1, 9, 30))
    storage.write({"t": {"1": {"n": 3}}})  # later writes replace the file, not the copy
    assert read_tables(copy / "main.json") == {"t": {"1": {"n": 2}}}
    assert read_tables(tmp_path / "backups" / "2024-03-01" / "main.json") == {"t": {"1": {"n": 1}}}
    assert [day for _path, day in backups.candidates(tmp_path / "main.json")] == [
        None,
        date(2024, 3, 1),
    ]


def test_the_newest_seven_copies_made_on_request_are_kept(tmp_path: Path) -> None:
    (tmp_path / "main.json").write_text("{}", encoding="utf-8")
    backups = Backups(tmp_path)
    made = [
        backups.snapshot([tmp_path / "main.json"], datetime(2024, 3, day, 12))
        for day in range(1, 11)
    ]
    kept = sorted((tmp_path / "backups").glob("copy-*"))
    assert kept == made[-7:]


def test_a_copy_made_on_request_leaves_out_the_exercise_catalogue(tmp_path: Path) -> None:
    # The catalogue (core/catalogue.py) is kept for a quick start, not the person's data.
    with Store.open(tmp_path / "compassion-companion.json") as store:
        DataPaths(tmp_path).catalogue.write_text("{}", encoding="utf-8")
        _count, copy = store.back_up_now()
    copied = {path.name for path in copy.rglob("*") if path.is_file()}
    assert "compassion-companion.json" in copied
    assert DataPaths(tmp_path).catalogue.name not in copied
