"""Sample practices and disk faults for the store tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.store.storage import read_tables


def practice_at(local: datetime, completed: bool = True, checkins: bool = True) -> PracticeRecord:
    """A practice started at the aware local time `local`, kept the way the app keeps it."""
    offset = local.utcoffset()
    assert offset is not None, "give an aware local time"
    return PracticeRecord(
        exercise_id="soothing-rhythm-breathing",
        started_utc=local.astimezone(UTC),
        local_date=local.date(),
        utc_offset_minutes=int(offset.total_seconds() // 60),
        planned_seconds=600,
        actual_seconds=600 if completed else 240,
        completed=completed,
        checkin_before=CheckIn(critic=7, warmth=2, settled=3) if checkins else None,
        checkin_after=CheckIn(critic=4, warmth=6, settled=7) if checkins else None,
    )


def zone(hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes))


def on_day(day: int, hour: int = 8) -> PracticeRecord:
    """A practice at `hour`:00 UTC on day `day` of March 2024."""
    return practice_at(datetime(2024, 3, day, hour, tzinfo=UTC))


def failing(code: int) -> Callable[..., None]:
    """A stand-in for an os function that fails the way a full or locked disk makes it fail."""

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def year_file(store_path: Path, year: int = 2024) -> Path:
    """The file that holds one local year of practices, beside the store's main file."""
    return store_path.parent / "practices" / f"{year}.json"


def saved_on_disk(store_path: Path) -> list[str]:
    """The local dates of the practices in the year files themselves, duplicates and all."""
    dates = []
    for path in sorted((store_path.parent / "practices").glob("*.json")):
        documents = read_tables(path).get("practices", {}).values()
        dates.extend(document["local_date"] for document in documents)
    return sorted(dates)


def temp_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.name.endswith(".tmp"))
