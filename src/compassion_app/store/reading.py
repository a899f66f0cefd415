"""A look at the store that only reads: for the command line while the app's window is open.

The window holds the folder's lock (lock.py) for as long as it is open, so a second writer must
wait. Reading needs no lock: every file of the store is replaced whole, by one atomic rename
(storage.py), so each file read is one complete version of it. Nothing here writes to the
folder - no migration, no sweeping of temp files, no mending from a backup, no backups, no pending
merge. Where the app would tidy something, this view reads what is there (a backup in place of a
damaged file, a version-1 file split in memory, work kept aside at a failed close) and says in
plain words that the app will tidy it the next time it opens.

Files are read one at a time, so a letter index and the letters' own files may be a moment apart
while the window writes; the letters code already reconciles the two, here in memory only.
(On Windows a file being read cannot be replaced: a save landing in that very moment fails like
any failed save - a practice or letter stays waiting and goes with the next save.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from compassion_app import messages
from compassion_app.core.letters import Letter, LetterSummary
from compassion_app.core.records import PracticeRecord
from compassion_app.reasons import plain_reason
from compassion_app.store import pending
from compassion_app.store.crypto import LetterCipher
from compassion_app.store.db import JSONValue, Store
from compassion_app.store.errors import CorruptStoreError, StoreError
from compassion_app.store.files import Folder, stems_of
from compassion_app.store.migrations import (
    SCHEMA_VERSION,
    holds_history,
    stored_version,
    upgrade,
    version_1_shards,
)
from compassion_app.store.storage import Tables, read_tables

T = TypeVar("T")


class ReadingFolder(Folder):
    """A Folder whose files are read from disk into memory; what the store changes stays there.

    (The letters' index is brought up to date in memory when a letter file is newer than it.)
    """

    def __init__(self, main: Path) -> None:
        super().__init__(main.parent)
        #: The main file: without it nothing can be read, so a failure to open it is raised.
        self.main_name = main.name
        #: Files already read in another form (a version-1 file's history), by name.
        self.preloaded: dict[str, Tables] = {}

    def open(
        self,
        name: str,
        label: str,
        cipher: LetterCipher | None = None,
        grows_only: bool = False,
    ) -> TinyDB:
        tables = self.preloaded.get(name)
        if tables is None:
            tables = self._read(name, label, cipher)
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(tables)
        return db

    def exists(self, name: str) -> bool:
        return name in self.preloaded or super().exists(name)

    def names(self, subfolder: str, suffix: str = ".json") -> list[str]:
        preloaded = stems_of(self.preloaded, subfolder, suffix)
        return sorted(preloaded.union(super().names(subfolder, suffix)))

    def _read(self, name: str, label: str, cipher: LetterCipher | None) -> Tables:
        """The file's tables; for a damaged or missing one, its newest readable copy."""
        assert self.root is not None and self.backups is not None
        path = self.root / name
        exists = path.exists()
        if exists:
            try:
                return read_tables(path, cipher)
            except CorruptStoreError:
                pass
            except OSError as error:  # not allowed, or not a file: the rest can still be read
                if name == self.main_name:
                    raise
                reason = plain_reason(error, path)
                self.notices.append(messages.READING_NOT_OPENED.format(file=label, reason=reason))
                return {}
        for copy, day in self.backups.candidates(path):
            try:
                tables = read_tables(copy, cipher) if copy.exists() else None
            except (OSError, CorruptStoreError):
                continue
            if tables is None:
                continue
            when = day.isoformat() if day else messages.STORE_WHEN_LAST_SAVE
            text = messages.READING_DAMAGED_COPY if exists else messages.READING_MISSING_COPY
            self.notices.append(text.format(file=label, when=when))
            return tables
        if exists:
            self.notices.append(messages.READING_DAMAGED_NOTHING.format(file=label))
        return {}


class ReadOnlyStore:
    """The person's history as it is on disk now, for reading only. Make one with `open`.

    It offers the reading half of Store (the same answers, from the same code); there is no way
    to change anything through it.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    @classmethod
    def open(cls, path: Path) -> ReadOnlyStore:
        """Read the store whose main file is `path`, taking no lock and writing nothing.

        A folder that does not exist reads as an empty history (and is not created). Raises
        NewerSchemaError for a folder from a newer app, StoreError if it cannot be read at all.
        """
        folder = ReadingFolder(path)
        try:
            main = folder.open(path.name, messages.STORE_FILE_SETTINGS)
            notices = _main_tables(path, folder, main)
            store = Store(folder, main)
            notices += _pending_work(store, path.parent)
        except OSError as error:
            reason = plain_reason(error, path)
            raise StoreError(messages.STORE_CANNOT_OPEN.format(path=path, reason=reason)) from error
        store.notice = " ".join([*folder.notices, *notices]) or None
        folder.notices.clear()
        return cls(store)

    @property
    def notice(self) -> str | None:
        """What the person should be told about what was read (a damaged file, say), if anything."""
        return self._store.notice

    def take_notice(self) -> str | None:
        return self._store.take_notice()

    @property
    def folder(self) -> Path | None:
        return self._store.folder

    def practices(self, since: date | None = None) -> list[PracticeRecord]:
        return self._store.practices(since)

    def recent_practices(self, limit: int) -> list[PracticeRecord]:
        return self._store.recent_practices(limit)

    def practices_on(self, local_date: date) -> list[PracticeRecord]:
        return self._store.practices_on(local_date)

    def rest_days(self) -> set[date]:
        return self._store.rest_days()

    def get_setting(self, key: str, default: T) -> T:
        return self._store.get_setting(key, default)

    def all_settings(self) -> dict[str, JSONValue]:
        return self._store.all_settings()

    def letters_locked(self) -> bool:
        return self._store.letters_locked()

    def letters(self) -> list[LetterSummary]:
        """Every letter (LettersLocked while they are protected: none is read in plain words)."""
        return self._store.letters()

    def letter(self, letter_id: str) -> Letter:
        return self._store.letter(letter_id)

    def letter_versions(self, letter_id: str) -> list[Letter]:
        return self._store.letter_versions(letter_id)

    def search_letters(self, text: str) -> list[LetterSummary]:
        return self._store.search_letters(text)

    def close(self) -> None:
        """Let go of what was read. Nothing is saved: nothing here was changed."""
        self._store.close()

    def __enter__(self) -> ReadOnlyStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _main_tables(path: Path, folder: ReadingFolder, main: TinyDB) -> list[str]:
    """Bring the main file's tables to this schema, in memory only; the notices that say so."""
    tables = main.storage.read() or {}
    history = stored_version(tables) < SCHEMA_VERSION and holds_history(tables)
    if history:
        # What the migration would write, read straight from the version-1 file instead.
        folder.preloaded.update(version_1_shards(tables))
    # With no path, `upgrade` only reshapes the tables (and refuses a newer folder) - no write.
    main.storage.write(upgrade(None if history else path, tables)[0])
    return [messages.READING_NOT_MIGRATED] if history else []


def _pending_work(store: Store, root: Path) -> list[str]:
    """Add work a failed close kept aside, in memory only; the notices that say so."""
    notices = []
    for found in pending.found(root):
        store.add_practices(found.practices)  # into the in-memory copy of the years' files
        if found.sealed is not None:
            notices.append(messages.READING_PENDING_SEALED)
            continue
        if not store.letters_locked():
            for letter in found.letters:
                if store._letters.newer_than_saved(letter):  # the store's own rule
                    store.save_letter(letter)
        notices.append(messages.READING_PENDING.format(place=found.path.parent))
    return notices


__all__ = ["ReadOnlyStore", "ReadingFolder"]
