"""Whatever practices and letters a person has, an export imported into a new store is the same."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compassion_app.core.letters import Letter
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.exchange import export_everything, import_file

ratings = st.integers(0, 10)
checkins = st.none() | st.builds(CheckIn, ratings, ratings, ratings)
offsets = st.integers(-12 * 60, 14 * 60)
moments = st.datetimes(datetime(2000, 1, 1), datetime(2040, 1, 1))
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def practices(draw: st.DrawFn) -> PracticeRecord:
    offset = draw(offsets)
    local = draw(moments).replace(tzinfo=timezone(timedelta(minutes=offset)))
    return PracticeRecord(
        exercise_id=draw(st.sampled_from(["calm-place", "soothing-rhythm-breathing"])),
        started_utc=local.astimezone(UTC),
        local_date=local.date(),
        utc_offset_minutes=offset,
        planned_seconds=draw(st.integers(0, 3600)),
        actual_seconds=draw(st.integers(0, 3600)),
        completed=draw(st.booleans()),
        checkin_before=draw(checkins),
        checkin_after=draw(checkins),
        record_id=draw(st.text("0123456789abcdef", min_size=8, max_size=32)),
    )


@st.composite
def letters(draw: st.DrawFn) -> Letter:
    begun = draw(moments).replace(tzinfo=UTC)
    return Letter(
        draw(text),
        draw(text),
        begun,
        begun + timedelta(minutes=draw(st.integers(0, 10_000))),
        finished=draw(st.booleans()),
        letter_id=draw(st.text("abcdefghij0123456789", min_size=6, max_size=20)),
    )


@settings(max_examples=25, deadline=None)
@given(
    # Ids are 128 random bits in the app, so two practices or letters never share one.
    st.lists(practices(), max_size=12, unique_by=lambda record: record.record_id),
    st.lists(letters(), max_size=4, unique_by=lambda letter: letter.letter_id),
)
def test_an_export_comes_back_whole(records: list[PracticeRecord], written: list[Letter]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "everything.json"
        with Store.in_memory() as source:
            source.add_practices(records)
            for letter in written:
                source.save_letter(letter)
            export_everything(source, out)
            expected = (source.practices(), [source.letter(s.letter_id) for s in source.letters()])
        with Store.in_memory() as copy:
            import_file(copy, out)
            got = (copy.practices(), [copy.letter(s.letter_id) for s in copy.letters()])
    assert got == expected
