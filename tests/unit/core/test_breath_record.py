"""The two numbers breath-follow keeps with a practice: saved, read back, checked, exported."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.exchange import import_file, practices_csv


def practice(**breath: float | None) -> PracticeRecord:
    record = PracticeRecord.starting_now("soothing-rhythm-breathing", 600, 600, True)
    return replace(record, **breath)


def test_the_rates_go_out_and_come_back():
    record = practice(breath_rate_start=11.4, breath_rate_end=6.2)
    assert PracticeRecord.from_dict(record.to_dict()) == record


def test_a_record_from_before_breath_follow_has_none():
    data = practice().to_dict()
    del data["breath_rate_start"], data["breath_rate_end"]
    again = PracticeRecord.from_dict(data)
    assert (again.breath_rate_start, again.breath_rate_end) == (None, None)


@pytest.mark.parametrize("value", ["11", True, 0.0, 400.0, [6]])
def test_a_rate_that_is_not_a_breathing_rate_is_refused(value):
    data = practice().to_dict() | {"breath_rate_end": value}
    with pytest.raises((TypeError, ValueError)):
        PracticeRecord.from_dict(data)


def test_the_csv_export_carries_the_rates_and_reads_them_back(tmp_path):
    listened = practice(breath_rate_start=12.0, breath_rate_end=7.5)
    not_listened = practice()
    text = practices_csv([listened, not_listened])
    assert text.splitlines()[0].endswith("breath_rate_start,breath_rate_end")
    path = tmp_path / "practices.csv"
    path.write_text(text)
    with Store.open(tmp_path / "elsewhere" / "store.json") as store:
        import_file(store, path)
        back = {record.record_id: record for record in store.practices()}
    assert back == {r.record_id: r for r in (listened, not_listened)}
