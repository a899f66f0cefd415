"""Every value read from disk is checked: one bad value is skipped and logged, never fatal."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from compassion_app.core.records import PracticeRecord
from compassion_app.core.settings import DEFAULT_VOLUMES, Settings
from compassion_app.store.db import Store

from .samples import on_day, year_file

GOOD = on_day(1)


def broken(**changes: Any) -> dict[str, Any]:
    document = {**on_day(2).to_dict(), "record_id": "broken", **changes}
    return document


BAD_RECORDS = {
    "infinite-length": '"actual_seconds": 1e999',
    "nan-length": '"planned_seconds": NaN',
    "naive-start": '"started_utc": "2024-03-02T08:00:00"',
    "true-as-length": '"actual_seconds": true',
    "text-as-length": '"actual_seconds": "600"',
    "fractional-length": '"actual_seconds": 59.5',
    "rating-of-99": '"checkin_before": {"critic": 99, "warmth": 1, "settled": 1}',
    "check-in-as-list": '"checkin_after": [1, 2, 3]',
    "missing-date": '"local_date": null',
    "completed-as-text": '"completed": "yes"',
}


def write_year(store_path: Path, *raw_documents: str) -> None:
    Store.open(store_path).close()
    year = year_file(store_path)
    year.parent.mkdir(exist_ok=True)
    table = ",".join(f'"{n}": {doc}' for n, doc in enumerate(raw_documents, start=1))
    year.write_text('{"practices": {' + table + "}}", encoding="utf-8")


def with_field(raw_field: str) -> str:
    """A stored practice whose one field is replaced by `raw_field`, written as raw JSON."""
    name, raw_value = (part.strip() for part in raw_field.split(":", 1))
    document = json.dumps(broken(**{json.loads(name): "RAW"}))
    return document.replace('"RAW"', raw_value)


@pytest.mark.parametrize("raw_field", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_bad_record_is_skipped_and_saving_still_works(store_path: Path, raw_field: str) -> None:
    write_year(store_path, json.dumps(GOOD.to_dict()), with_field(raw_field))
    later = on_day(3)

    with Store.open(store_path) as store:
        assert store.practices() == [GOOD]  # Today and the stats never see the bad one
        store.add_practice(later)  # seen: one 1e999 made every later save fail
    with Store.open(store_path) as again:
        assert again.practices() == [GOOD, later]
    assert "broken" in year_file(store_path).read_text()  # still there, for a rescue


def test_a_naive_start_time_is_refused_by_the_record_itself() -> None:
    with pytest.raises(ValueError):
        PracticeRecord.from_dict(broken(started_utc="2024-03-02T08:00:00"))


def write_settings(store_path: Path, raw_settings: str) -> None:
    store_path.parent.mkdir(parents=True, exist_ok=True)
    meta = '"meta": {"1": {"schema_version": 2}}'
    store_path.write_text("{" + meta + ', "settings": ' + raw_settings + "}", encoding="utf-8")


@pytest.mark.parametrize(
    "raw_settings",
    [
        '{"1": {"key": "preferences"}}',  # no value
        '{"1": {"key": "preferences", "value": 5}}',  # a number where the settings belong
        '{"1": {"value": {"checkins": false}}}',  # no key
        '{"1": {"key": 7, "value": {}}}',
    ],
    ids=["no-value", "number-for-settings", "no-key", "number-as-key"],
)
def test_unreadable_settings_fall_back_to_defaults(store_path: Path, raw_settings: str) -> None:
    write_settings(store_path, raw_settings)
    with Store.open(store_path) as store:
        assert store.get_setting("preferences", {}) == {}
        store.set_setting("preferences", {"checkins": False})
    with Store.open(store_path) as again:
        assert again.get_setting("preferences", {}) == {"checkins": False}


def test_volumes_saved_as_a_list_fall_back_to_the_usual_mix(store_path: Path) -> None:
    write_settings(
        store_path, '{"1": {"key": "preferences", "value": {"volumes": [1, 2], "checkins": false}}}'
    )
    with Store.open(store_path) as store:
        settings = Settings.from_dict(store.get_setting("preferences", {}))
    assert settings.volumes == DEFAULT_VOLUMES
    assert settings.checkins is False  # the readable setting is kept


def test_a_settings_table_that_is_a_number_is_damage_not_a_crash(store_path: Path) -> None:
    write_settings(store_path, "5")
    with Store.open(store_path) as store:
        assert store.get_setting("preferences", {}) == {}
        assert store.notice is not None and "set aside" in store.notice


def test_deeply_nested_json_is_set_aside_not_a_crash(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b'{"settings": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    with Store.open(store_path) as store:
        assert store.notice is not None and "set aside" in store.notice
        store.set_setting("theme", "dusk")


def test_an_unreadable_rest_day_is_skipped(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    data = {
        "meta": {"1": {"schema_version": 2}},
        "rest_days": {"1": {"day": "2024-03-02"}, "2": {"day": "someday"}, "3": {"when": 1}},
    }
    store_path.write_text(json.dumps(data), encoding="utf-8")
    with Store.open(store_path) as store:
        assert store.rest_days() == {date(2024, 3, 2)}


def test_a_setting_json_cannot_write_back_is_refused(store: Store) -> None:
    with pytest.raises(TypeError):
        store.set_setting("volume", float("inf"))
    assert store.get_setting("volume", 1.0) == 1.0


def test_times_from_disk_come_back_in_utc(store_path: Path) -> None:
    write_year(
        store_path,
        json.dumps({**GOOD.to_dict(), "started_utc": "2024-03-01T10:00:00+02:00"}),
    )
    with Store.open(store_path) as store:
        (record,) = store.practices()
    assert record.started_utc == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert record.started_utc.utcoffset() is not None


@pytest.mark.parametrize(
    ("name", "raw_value", "kept_as"),
    [("actual_seconds", "1e999", "1e999"), ("planned_seconds", "NaN", "NaN")],
)
def test_an_impossible_number_is_kept_as_it_was_written_not_quietly_changed(
    store_path: Path, name: str, raw_value: str, kept_as: str
) -> None:
    write_year(store_path, json.dumps(GOOD.to_dict()), with_field(f'"{name}": {raw_value}'))
    with Store.open(store_path) as store:
        store.add_practice(on_day(3))  # rewrites the year's file, the bad record with it
    documents = json.loads(year_file(store_path).read_text())["practices"].values()
    (bad,) = [document for document in documents if document["record_id"] == "broken"]
    assert bad[name] == kept_as  # for a rescue to see what was there, not a silent null
