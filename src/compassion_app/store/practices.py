"""Practices kept in one small file per local year, each loaded only when something asks for it.

Today's screen needs this year (and last year only for a run that reaches back); the progress
screen and export ask for more. Appending a practice rewrites one year's file, never the decades
before it. Each year keeps an id -> document-id map, so an update touches its document directly.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from tinydb import TinyDB

from compassion_app import messages
from compassion_app.core.records import PracticeRecord
from compassion_app.store.files import Folder

log = logging.getLogger(__name__)

FOLDER = "practices"
TABLE = "practices"


class Year:
    """One local year's practices: its file, and its records parsed once."""

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        self.table = db.table(TABLE)
        self.records: dict[str, PracticeRecord] = {}
        self.doc_ids: dict[str, int] = {}
        for document in self.table.all():
            record = readable(document)
            if record is not None and record.record_id not in self.records:
                self.records[record.record_id] = record
                self.doc_ids[record.record_id] = document.doc_id

    def insert(self, records: list[PracticeRecord]) -> None:
        """Write `records` in one write; they count as saved only once it has returned."""
        try:
            ids = self.table.insert_multiple(record.to_dict() for record in records)
        except BaseException:
            self.reload()  # the write may or may not have reached the disk: trust only the file
            raise
        for record, doc_id in zip(records, ids, strict=True):
            self.records[record.record_id] = record
            self.doc_ids[record.record_id] = doc_id

    def update(self, record: PracticeRecord) -> bool:
        """Replace the saved practice with `record`'s id; False if there is none."""
        doc_id = self.doc_ids.get(record.record_id)
        if doc_id is None:
            return False
        try:
            self.table.update(record.to_dict(), doc_ids=[doc_id])
        except BaseException:
            self.reload()
            raise
        self.records[record.record_id] = record
        return True

    def reload(self) -> None:
        self.table.clear_cache()
        fresh = Year(self.db)
        self.records, self.doc_ids = fresh.records, fresh.doc_ids


class PracticeYears:
    """Every year's practices, and those waiting because a save failed (still shown: the person
    did practise)."""

    def __init__(self, folder: Folder) -> None:
        self._folder = folder
        self._years: dict[int, Year] = {}
        self.pending: list[PracticeRecord] = []

    def flush(self) -> None:
        """Save the waiting practices, one write per year they belong to; OSError if one fails.

        Records already stored are skipped, which makes a retry harmless even when the failed
        write did reach the disk (the rename happened but the folder sync failed): no duplicates.
        """
        by_year: dict[int, list[PracticeRecord]] = {}
        for record in self.pending:
            by_year.setdefault(record.local_date.year, []).append(record)
        for number, records in by_year.items():
            year = self.year(number)
            new = {r.record_id: r for r in records if r.record_id not in year.records}
            if new:
                year.insert(list(new.values()))
            self.pending = [r for r in self.pending if r.local_date.year != number]

    def update(self, record: PracticeRecord) -> bool:
        self.flush()
        return self.year(record.local_date.year).update(record)

    def view(self, since: date | None) -> list[PracticeRecord]:
        chosen: list[PracticeRecord] = []
        for year in self.loaded(since):
            chosen.extend(year.records.values())
        chosen.extend(self._unsaved(since))
        if since is not None:
            chosen = [record for record in chosen if record.local_date >= since]
        return sorted(chosen, key=_started)

    def recent(self, limit: int) -> list[PracticeRecord]:
        if limit <= 0:
            return []
        chosen = list(self._unsaved(None))
        # One year more than the count needs: a late practice abroad can cross a year's edge.
        for position, number in enumerate(reversed(self.known_years())):
            chosen.extend(self.year(number).records.values())
            if len(chosen) >= limit and position >= 1:
                break
        return sorted(chosen, key=_started, reverse=True)[:limit]

    def on(self, local_date: date) -> list[PracticeRecord]:
        saved = self.year(local_date.year).records.values()
        chosen = [r for r in [*saved, *self._unsaved(None)] if r.local_date == local_date]
        return sorted(chosen, key=_started)

    def _unsaved(self, since: date | None) -> Iterable[PracticeRecord]:
        for record in self.pending:
            wanted = since is None or record.local_date >= since
            if wanted and not self.saved(record.record_id, record.local_date):
                yield record

    def any_kept(self) -> bool:
        """Whether a practice was ever saved here or is waiting: reads no year's file.

        A year's file is written only to save a practice in it, so its being there is enough
        (a year read already is asked for its records).
        """
        if self.pending:
            return True
        return any(
            number not in self._years or self._years[number].records
            for number in self.known_years()
        )

    def known_years(self) -> list[int]:
        """The years that have a file (or a backup of one), oldest first. Reads no file."""
        on_disk = {int(stem) for stem in self._folder.names(FOLDER) if stem.isdigit()}
        return sorted(on_disk | set(self._years))

    def year(self, number: int) -> Year:
        year = self._years.get(number)
        if year is None:
            label = messages.STORE_FILE_YEAR.format(year=number)
            db = self._folder.open(f"{FOLDER}/{number}.json", label, grows_only=True)
            year = self._years[number] = Year(db)
        return year

    def loaded(self, since: date | None) -> Iterable[Year]:
        first = since.year if since is not None else None
        for number in self.known_years():
            if first is None or number >= first:
                yield self.year(number)

    def saved(self, record_id: str, local_date: date) -> bool:
        return record_id in self.year(local_date.year).records

    def close(self) -> None:
        for year in self._years.values():
            year.db.close()


def _started(record: PracticeRecord) -> datetime:
    return record.started_utc


def readable(document: dict[str, Any]) -> PracticeRecord | None:
    """The record in a stored document, or None (logged) if a bug or hand edit has broken it.

    One broken record must not hide decades of good ones; it stays in the file untouched, for a
    later fix to rescue, and is left out of everything the person sees.
    """
    try:
        return PracticeRecord.from_dict(document)
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        # The id only: a log file is no place for someone's check-in ratings.
        log.warning("Skipping unreadable practice %r: %r", document.get("record_id"), error)
        return None
