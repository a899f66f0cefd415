"""The store the rest of the app talks to: practices and settings in, dataclasses out.

TinyDB stays behind this class (and its helpers in this package); nothing else imports it, so the
file format can change without touching a screen. No Qt here either: the command line and the tests
use the same store as the GUI.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import date
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import Any, TypeAlias, TypeVar, cast

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from compassion_app.core.records import PracticeRecord
from compassion_app.store.errors import (
    CorruptStoreError,
    StoreError,
    StoreWriteError,
    write_failure_message,
)
from compassion_app.store.migrations import migrate
from compassion_app.store.recovery import recover_unreadable
from compassion_app.store.storage import AtomicJSONStorage

PRACTICES_TABLE = "practices"
SETTINGS_TABLE = "settings"
LETTERS_TABLE = "letters"  # reserved for compassionate letters; no API yet

JSONValue: TypeAlias = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]
T = TypeVar("T")

log = logging.getLogger(__name__)


class Store:
    """A person's practice history and settings. Make one with `open(path)` or `in_memory()`.

    Every change is on disk before the method returns. If saving fails, `StoreWriteError` says why
    in plain words; a practice that could not be saved is kept in memory (`pending_count`), still
    shows in `practices()` - the person did practise - and is saved with the next successful write.
    """

    def __init__(self, db: TinyDB, notice: str | None = None) -> None:
        self._db = db
        self._practices = db.table(PRACTICES_TABLE)
        self._settings = db.table(SETTINGS_TABLE)
        self._pending: list[PracticeRecord] = []
        # The saved practices, parsed once: stats screens ask for all of them often, and parsing
        # decades of records each time would be slow. Rebuilt from the file if a write fails.
        self._saved: dict[str, PracticeRecord] | None = None
        self._closed = False
        storage = db.storage
        self._folder = storage.path.parent if isinstance(storage, AtomicJSONStorage) else None
        #: Something the person should be told once, e.g. that a damaged file was set aside.
        self.notice = notice

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the store at `path`. A damaged file is set aside, never fatal.

        Raises NewerSchemaError for a file from a newer app, and StoreError if the file or its
        folder cannot be reached at all.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return cls(_open_migrated(path))
            except CorruptStoreError:
                notice = recover_unreadable(path)
            return cls(_open_migrated(path), notice)
        except OSError as error:
            raise StoreError(
                f"Your practice history at {path} could not be opened "
                f"({error.strerror or error}). Please check that the folder is available."
            ) from error

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives only in memory, for tests of code that needs one."""
        db = TinyDB(storage=MemoryStorage)
        migrate(db)
        return cls(db)

    @property
    def pending_count(self) -> int:
        """Practices not yet saved because a write failed; they are retried on the next write."""
        return len(self._pending)

    def add_practice(self, record: PracticeRecord) -> None:
        """Save `record`, and any practice still waiting from an earlier failed save."""
        waiting = [*self._pending, record]
        try:
            self._insert_new(waiting)
        except OSError as error:
            self._pending = waiting
            message = write_failure_message(error, "Your practice", self._folder, kept=True)
            raise StoreWriteError(message) from error
        self._pending = []

    def update_practice(self, record: PracticeRecord) -> None:
        """Replace the saved practice with the same id (e.g. to add the after-practice check-in)."""
        try:
            self._flush_pending()
            updated = self._practices.update(
                record.to_dict(), Query().record_id == record.record_id
            )
        except OSError as error:
            self._saved = None
            message = write_failure_message(error, "Your check-in", self._folder, kept=False)
            raise StoreWriteError(message) from error
        if updated:  # only a practice that is on disk may be shown as saved
            self._saved_practices()[record.record_id] = record

    def save_pending(self) -> None:
        """Try again to save practices a failed write left waiting (the app may call this)."""
        self._flush_or_raise(kept=True)

    def practices(self) -> list[PracticeRecord]:
        """Every practice, oldest first."""
        return self._view(lambda record: True)

    def recent_practices(self, limit: int) -> list[PracticeRecord]:
        """The `limit` latest practices, newest first."""
        if limit <= 0:
            return []
        return self.practices()[-limit:][::-1]

    def practices_on(self, local_date: date) -> list[PracticeRecord]:
        """The practices begun on `local_date` in the person's own calendar, oldest first."""
        return self._view(lambda record: record.local_date == local_date)

    def get_setting(self, key: str, default: T) -> T:
        """The saved value for `key`, or `default` if none was saved."""
        document = self._settings.get(Query().key == key)
        if document is None:
            return default
        return cast(T, document["value"])

    def set_setting(self, key: str, value: JSONValue) -> None:
        """Save `value` for `key` (anything JSON can hold; TypeError otherwise, nothing saved)."""
        # Round-trip now: fails early on values JSON cannot hold, and makes what we keep in memory
        # exactly what a reload would give (a tuple comes back as a list either way).
        value = json.loads(json.dumps(value))
        try:
            self._flush_pending()
            self._write_setting(key, value)
        except OSError as error:
            message = write_failure_message(error, "Your setting", self._folder, kept=False)
            raise StoreWriteError(message) from error

    def close(self) -> None:
        """Save anything still waiting, then let go of the file. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            self._flush_or_raise(kept=False)
        finally:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _insert_new(self, records: Iterable[PracticeRecord]) -> None:
        """Insert the records not yet on disk, in exactly one write.

        Skipping records already stored makes a retry harmless even when the failed write did
        reach the disk (say the rename happened but the directory sync failed): no duplicates.
        TinyDB rewrites the whole file on each write, so one write per practice is the floor.
        """
        saved = self._saved_practices()
        new = {record.record_id: record for record in records if record.record_id not in saved}
        if not new:
            return
        try:
            self._practices.insert_multiple(record.to_dict() for record in new.values())
        except BaseException:
            # The write may or may not have reached the disk: trust only the file from now on.
            self._saved = None
            raise
        saved.update(new)

    def _flush_or_raise(self, kept: bool) -> None:
        """Save waiting practices, or say plainly why not (`kept`: whether they stay waiting)."""
        try:
            self._flush_pending()
        except OSError as error:
            what = _last_practices(len(self._pending))
            message = write_failure_message(error, what, self._folder, kept=kept)
            raise StoreWriteError(message) from error

    def _flush_pending(self) -> None:
        if self._pending:
            self._insert_new(self._pending)
            self._pending = []

    def _write_setting(self, key: str, value: Any) -> None:
        existing = self._settings.get(Query().key == key)
        # By hand rather than TinyDB's upsert, which writes the file twice for a new key.
        if existing is None:
            self._settings.insert({"key": key, "value": value})
        else:
            self._settings.update({"value": value}, doc_ids=[existing.doc_id])

    def _saved_practices(self) -> dict[str, PracticeRecord]:
        if self._saved is None:
            self._saved = {record.record_id: record for record in _readable(self._practices)}
        return self._saved

    def _view(self, wanted: Callable[[PracticeRecord], bool]) -> list[PracticeRecord]:
        """Saved and waiting practices that are `wanted`, oldest first."""
        saved = self._saved_practices()
        waiting = [record for record in self._pending if record.record_id not in saved]
        chosen = [record for record in chain(saved.values(), waiting) if wanted(record)]
        return sorted(chosen, key=lambda record: record.started_utc)


def _open_migrated(path: Path) -> TinyDB:
    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        migrate(db)  # reads, and so checks, the whole file before anything is written
    except BaseException:
        db.close()
        raise
    return db


def _readable(documents: Iterable[dict[str, Any]]) -> Iterable[PracticeRecord]:
    """Records from stored documents, skipping (and logging) any a bug or hand edit has broken.

    One broken record must not hide decades of good ones; it stays in the file untouched.
    """
    for document in documents:
        try:
            yield PracticeRecord.from_dict(document)
        except (KeyError, TypeError, ValueError) as error:
            # The id only: a log file is no place for someone's check-in ratings.
            log.warning("Skipping unreadable practice %r: %r", document.get("record_id"), error)


def _last_practices(count: int) -> str:
    return "Your last practice" if count == 1 else f"Your last {count} practices"
