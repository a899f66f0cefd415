"""The store as the app uses it: practices and settings in, the same dataclasses back out."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from compassion_app.core.letters import Letter
from compassion_app.core.records import CheckIn
from compassion_app.store import recovery, storage
from compassion_app.store.db import JSONValue, Store
from compassion_app.store.errors import StoreBusyError
from compassion_app.store.storage import AtomicJSONStorage

from .samples import on_day, practice_at, year_file, zone


def test_practices_come_back_exactly_as_saved(store: Store) -> None:
    saved = [
        practice_at(datetime(2024, 3, 1, 7, 15, tzinfo=zone(5, 30))),  # India
        practice_at(datetime(2024, 3, 2, 21, 0, tzinfo=zone(-8)), completed=False),
        practice_at(datetime(2024, 3, 4, 6, 45, tzinfo=zone(12, 45)), checkins=False),  # Chatham
        practice_at(datetime(2024, 3, 5, 12, 0, tzinfo=UTC)),
    ]
    for record in saved:
        store.add_practice(record)

    assert store.practices() == saved
    back = store.practices()[0]
    assert back.utc_offset_minutes == 330
    assert back.checkin_before is not None and back.checkin_before.critic == 7
    assert store.practices()[2].checkin_after is None


def test_practices_are_in_the_order_they_happened_across_time_zones(store: Store) -> None:
    # 08:00 in Sydney on the 2nd is 21:00 UTC on the 1st: earlier than 22:00 in London that day.
    london_evening = practice_at(datetime(2024, 3, 1, 22, 0, tzinfo=UTC))
    sydney_morning = practice_at(datetime(2024, 3, 2, 8, 0, tzinfo=zone(11)))
    store.add_practice(london_evening)
    store.add_practice(sydney_morning)

    assert store.practices() == [sydney_morning, london_evening]


def test_recent_practices_are_newest_first_and_limited(store: Store) -> None:
    days = [on_day(day) for day in (3, 1, 5, 2, 4)]
    for record in days:
        store.add_practice(record)

    assert [r.local_date.day for r in store.recent_practices(3)] == [5, 4, 3]
    assert [r.local_date.day for r in store.recent_practices(10)] == [5, 4, 3, 2, 1]
    assert store.recent_practices(0) == []


def test_practices_on_a_day_follow_the_persons_own_calendar(store: Store) -> None:
    # 23:30 on 1 March in California is already 2 March in UTC; it still counts for the 1st.
    late_evening = practice_at(datetime(2024, 3, 1, 23, 30, tzinfo=zone(-8)))
    next_morning = practice_at(datetime(2024, 3, 2, 7, 0, tzinfo=zone(-8)))
    store.add_practice(next_morning)
    store.add_practice(late_evening)

    assert store.practices_on(date(2024, 3, 1)) == [late_evening]
    assert store.practices_on(date(2024, 3, 2)) == [next_morning]
    assert store.practices_on(date(2024, 3, 3)) == []


def test_the_same_practice_saved_twice_is_kept_once(store: Store) -> None:
    record = on_day(1)
    store.add_practice(record)
    store.add_practice(record)

    assert store.practices() == [record]


def test_a_setting_not_yet_chosen_gives_the_default(store: Store) -> None:
    assert store.get_setting("session_minutes", 10) == 10


@pytest.mark.parametrize(
    "value", [15, 0.5, "evening", True, None, ["bell", "rain"], {"hour": 20, "days": [1, 3]}]
)
def test_settings_come_back_as_saved(store: Store, value: JSONValue) -> None:
    store.set_setting("choice", value)
    assert store.get_setting("choice", None) == value


def test_changing_a_setting_replaces_the_old_value(store: Store) -> None:
    store.set_setting("voice", "warm")
    store.set_setting("voice", "quiet")
    store.set_setting("volume", 0.8)

    assert store.get_setting("voice", "") == "quiet"
    assert store.get_setting("volume", 1.0) == 0.8


def test_a_setting_json_cannot_hold_is_refused_and_the_old_one_kept(store: Store) -> None:
    store.set_setting("reminder", "20:00")
    not_json: Any = {datetime(2024, 1, 1)}
    with pytest.raises(TypeError):
        store.set_setting("reminder", not_json)
    assert store.get_setting("reminder", "") == "20:00"


def test_a_reopened_store_shows_the_same_history_and_settings(store_path: Path) -> None:
    records = [on_day(1), practice_at(datetime(2024, 3, 2, 9, 0, tzinfo=zone(-3, -30)))]
    with Store.open(store_path) as first:
        for record in records:
            first.add_practice(record)
        first.set_setting("theme", "dusk")

    with Store.open(store_path) as again:
        assert again.practices() == records
        assert again.get_setting("theme", "light") == "dusk"
        assert again.notice is None


def test_the_file_is_plain_json_a_person_could_read(store_path: Path) -> None:
    record = on_day(1)
    with Store.open(store_path) as store:
        store.add_practice(record)
        store.add_practice(record)  # saved twice, kept once

    data = json.loads(year_file(store_path).read_text(encoding="utf-8"))
    (document,) = data["practices"].values()
    assert document["exercise_id"] == "soothing-rhythm-breathing"


def test_adding_a_practice_writes_the_file_once(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # TinyDB rewrites the whole file on each write; with decades of practices, extra writes show.
    writes: list[object] = []
    real_write = AtomicJSONStorage.write

    def counting_write(storage: AtomicJSONStorage, data: dict[str, dict[str, object]]) -> None:
        writes.append(data)
        real_write(storage, data)

    with Store.open(store_path) as store:
        monkeypatch.setattr(AtomicJSONStorage, "write", counting_write)
        store.add_practice(on_day(1))
        store.add_practice(on_day(2))
        assert len(writes) == 2


def test_closing_twice_is_harmless(store_path: Path) -> None:
    record = on_day(1)
    store = Store.open(store_path)
    store.add_practice(record)
    store.close()
    store.close()

    with Store.open(store_path) as again:
        assert again.practices() == [record]


def test_the_store_loads_no_qt() -> None:
    # The command line and the tests use the store without a display.
    code = (
        "import sys, compassion_app.store.db; "
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_one_broken_record_does_not_hide_the_others(store_path: Path) -> None:
    good = on_day(1)
    Store.open(store_path).close()
    broken = {"record_id": "x", "exercise_id": "calm-place", "started_utc": "not a time"}
    year = year_file(store_path)
    year.parent.mkdir(exist_ok=True)
    year.write_text(json.dumps({"practices": {"1": good.to_dict(), "2": broken}}))
    before = year.read_bytes()

    with Store.open(store_path) as store:
        assert store.practices() == [good]
        assert store.notice is None
    assert year.read_bytes() == before  # kept, for a later fix to rescue


def test_a_practice_can_be_updated_with_its_after_check_in(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    with Store.open(path) as store:
        record = replace(on_day(3), checkin_after=None)
        store.add_practice(record)
        store.update_practice(replace(record, checkin_after=CheckIn(2, 7, 8)))
    with Store.open(path) as reopened:
        (saved,) = reopened.practices()
    assert saved.checkin_after == CheckIn(2, 7, 8)
    assert saved.record_id == record.record_id


def test_updating_a_practice_that_was_never_saved_does_not_pretend_it_was(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    with Store.open(path) as store:
        store.update_practice(on_day(4))
        assert store.practices() == []


def test_practices_since_a_day_leave_out_earlier_ones(store_path: Path) -> None:
    old = practice_at(datetime(2019, 6, 1, 8, 0, tzinfo=UTC))
    recent = [on_day(1), on_day(20)]
    with Store.open(store_path) as store:
        for record in [old, *recent]:
            store.add_practice(record)
    with Store.open(store_path) as store:
        assert store.practices(since=date(2024, 3, 2)) == [recent[1]]
        assert store.practices(since=date(2020, 1, 1)) == recent
        assert store.practices() == [old, *recent]
        assert store.recent_practices(1) == [recent[1]]


def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the store's files read from now on (by path, relative to the folder)."""
    read: list[str] = []
    real = storage.read_tables

    def recording(path: Path, cipher: object = None) -> storage.Tables:
        read.append(f"{path.parent.name}/{path.name}")
        return real(path, cipher)  # type: ignore[arg-type]

    monkeypatch.setattr(recovery, "read_tables", recording)
    return read


def test_opening_reads_only_the_main_file_and_asking_reads_only_the_years_needed(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_path) as store:
        store.add_practice(practice_at(datetime(2019, 6, 1, 8, 0, tzinfo=UTC)))
        store.add_practice(practice_at(datetime(2023, 6, 1, 8, 0, tzinfo=UTC)))
        store.add_practice(on_day(1))
        store.save_letter(
            Letter("t", "b", datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 3, 1, tzinfo=UTC))
        )
    read = files_read(monkeypatch)

    with Store.open(store_path) as store:
        assert read == [f"{store_path.parent.name}/{store_path.name}"]  # before the first paint
        assert [r.local_date.year for r in store.practices(since=date(2024, 1, 1))] == [2024]
        assert read[1:] == ["practices/2024.json"]
        assert [r.local_date.year for r in store.recent_practices(1)] == [2024]
        assert read[1:] == ["practices/2024.json", "practices/2023.json"]  # one year's margin
        store.practices()
        assert "practices/2019.json" in read
        assert not any(name.startswith("letters/") for name in read)


def test_whether_anything_was_practised_here_is_known(store: Store) -> None:
    assert not store.has_practices()
    assert store.practices_on(date(2024, 3, 1)) == []  # a year looked at is not a practice
    assert not store.has_practices()
    store.add_practice(on_day(1))
    assert store.has_practices()


def test_a_long_history_is_known_to_be_there_without_reading_a_year(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_path) as store:
        store.add_practice(practice_at(datetime(2019, 6, 1, 8, 0, tzinfo=UTC)))
        store.add_practice(on_day(1))
    read = files_read(monkeypatch)

    with Store.open(store_path) as store:
        assert store.has_practices()  # the welcome asks this before the first paint
        assert read == [f"{store_path.parent.name}/{store_path.name}"]


def test_opening_for_the_first_picture_loads_nothing_for_the_letters(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.add_practice(on_day(1))
        store.save_letter(
            Letter("t", "b", datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 3, 1, tzinfo=UTC))
        )
    code = (  # what app.py and the window ask before the first paint, in a fresh interpreter
        "import sys, pathlib; from compassion_app.store.db import Store; "
        f"store = Store.open(pathlib.Path({str(store_path)!r})); "
        "store.get_setting('theme', ''); store.has_practices(); store.take_notice(); "
        "loaded = [n for n in ('compassion_app.store.letters', 'compassion_app.core.letters') "
        "if n in sys.modules]; store.close(); sys.exit(str(loaded) if loaded else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_rest_days_are_kept_and_can_be_taken_back(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.set_rest_day(date(2024, 3, 2), True)
        store.set_rest_day(date(2024, 3, 9), True)  # marked ahead
        store.set_rest_day(date(2024, 3, 9), False)
        store.set_rest_day(date(2024, 3, 2), True)  # twice is once
    with Store.open(store_path) as again:
        assert again.rest_days() == {date(2024, 3, 2)}


def test_a_second_store_on_the_same_folder_is_refused_plainly(store_path: Path) -> None:
    with Store.open(store_path) as first:
        first.add_practice(on_day(1))
        with pytest.raises(StoreBusyError) as raised:
            Store.open(store_path.with_name("other.json"))
        assert "being used by another Compassion Companion" in str(raised.value)
        first.add_practice(on_day(2))
    with Store.open(store_path) as after:
        assert len(after.practices()) == 2
