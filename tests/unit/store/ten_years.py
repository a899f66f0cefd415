"""A version-1 store file as the app wrote it before shards: one JSON file holding everything."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord

EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]


def v1_practices(first: date, days: int, per_day: int) -> list[PracticeRecord]:
    records = []
    for day in range(days):
        start = datetime.combine(first + timedelta(days=day), datetime.min.time(), tzinfo=UTC)
        for n in range(per_day):
            when = start + timedelta(hours=7, minutes=90 * n)
            records.append(
                PracticeRecord(
                    exercise_id=EXERCISES[n % len(EXERCISES)],
                    started_utc=when,
                    local_date=when.date(),
                    utc_offset_minutes=0,
                    planned_seconds=600,
                    actual_seconds=600 - 7 * n,
                    completed=n % 3 != 0,
                    record_id=f"{day:05d}-{n:02d}",
                )
            )
    return records


def v1_letters(first: date, count: int) -> list[Letter]:
    letters = []
    for n in range(count):
        when = datetime.combine(first + timedelta(days=3 * n), datetime.min.time(), tzinfo=UTC)
        body = f"Dear me, number {n}. " * 40
        letters.append(Letter(f"Letter {n}", body, when, when, letter_id=f"letter{n:04d}"))
    return letters


def write_v1_file(
    path: Path, practices: list[PracticeRecord], letters: list[Letter], settings: dict[str, object]
) -> None:
    tables = {
        "meta": {"1": {"schema_version": 1}},
        "practices": {str(n): r.to_dict() for n, r in enumerate(practices, start=1)},
        "settings": {
            str(n): {"key": key, "value": value}
            for n, (key, value) in enumerate(settings.items(), start=1)
        },
        "letters": {str(n): letter.to_dict() for n, letter in enumerate(letters, start=1)},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tables, separators=(",", ":")), encoding="utf-8")
