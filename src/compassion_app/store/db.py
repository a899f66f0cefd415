"""The store the rest of the app talks to: practices, letters and settings in, dataclasses out.

TinyDB stays behind this class (and its helpers in this package); nothing else imports it, so the
file format can change without touching a screen. No Qt here either: the command line and the tests
use the same store as the GUI.

On disk the store is a folder of small files (see files.py): the main file holds the settings, the
rest days and the schema version, and is the only file opening reads. Practices (one file per local
year) and letters (one file each, plus an index) are read the first time something asks for them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from tinydb import TinyDB

from compassion_app import messages
from compassion_app.reasons import plain_reason
from compassion_app.store.errors import (
    StoreError,
    StoreWriteError,
    failure_reason,
    write_failure_message,
)
from compassion_app.store.files import PRIVATE, Folder
from compassion_app.store.letter_shelf import LetterShelf
from compassion_app.store.lock import StoreLock
from compassion_app.store.main_file import RestDays, Settings
from compassion_app.store.migrations import upgrade
from compassion_app.store.practices import PracticeYears
from compassion_app.store.storage import AtomicJSONStorage
from compassion_app.store.unsaved import UnsavedWork

if TYPE_CHECKING:
    from compassion_app.core.letters import Letter, LetterSummary
    from compassion_app.core.records import PracticeRecord
    from compassion_app.store.crypto import LetterCipher

JSONValue: TypeAlias = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]
T = TypeVar("T")


class Store:
    """A person's practices, letters, rest days and settings. Make one with `open` or `in_memory`.

    Every change is on disk before the method returns. If saving fails, `StoreWriteError` says why
    in plain words; a practice or letter that could not be saved is kept in memory
    (`pending_count`), still shows - the person did practise, did write - and is saved with the
    next successful write. `close` keeps anything still unsaved in a pending file elsewhere.
    """

    def __init__(self, folder: Folder, main: TinyDB, lock: StoreLock | None = None) -> None:
        self._folder = folder
        self._main = main
        self._lock = lock
        self._settings = Settings(main)
        self._rest_days = RestDays(main)
        self._years = PracticeYears(folder)
        self._letters = LetterShelf(folder)
        self._unsaved = UnsavedWork(folder, self._years, self._letters)
        self._closed = False
        #: Something the person should be told once, e.g. that a damaged file was set aside.
        self.notice: str | None = None
        self._notice_taken = False

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the store whose main file is `path`. A damaged file is never fatal.

        Raises NewerSchemaError for a folder from a newer app, StoreBusyError while another Store
        holds the folder, and StoreError if the folder cannot be reached at all.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
            lock = StoreLock(path.parent)
            lock.acquire()
        except OSError as error:
            raise _cannot_open(path, error) from error
        try:
            return cls._opened(path, lock)
        except BaseException as error:
            lock.release()
            if isinstance(error, OSError):
                raise _cannot_open(path, error) from error
            raise

    @classmethod
    def _opened(cls, path: Path, lock: StoreLock) -> Store:
        folder = Folder(path.parent)
        main = folder.open(path.name, messages.STORE_FILE_SETTINGS)
        storage = main.storage
        assert isinstance(storage, AtomicJSONStorage)
        try:
            tables, must_write, migrated = upgrade(path, storage.read())
            storage.adopt(tables)
            if must_write:
                storage.write(tables)
        except BaseException:
            main.close()
            raise
        if folder.backups is not None:
            folder.backups.prune()
        store = cls(folder, main, lock)
        notices = [*folder.notices, *([migrated] if migrated else [])]
        notices += store._unsaved.take_pending_files(path.parent)
        store.notice = " ".join(notices) or None
        folder.notices.clear()
        return store

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives only in memory, for tests of code that needs one."""
        folder = Folder(None)
        main = folder.open("main.json", messages.STORE_FILE_SETTINGS)
        main.storage.write(upgrade(None, {})[0])
        return cls(folder, main)

    def take_notice(self) -> str | None:
        """What the person should be told since the last call (or since opening), then forget it.

        Opening fills `notice`; files read later (an older year, the letters) may add more, for
        a screen to show after it has loaded what it needs.
        """
        parts = [*([self.notice] if self.notice and not self._notice_taken else [])]
        parts += self._folder.notices
        self._notice_taken = True
        self._folder.notices.clear()
        return " ".join(parts) or None

    @property
    def folder(self) -> Path | None:
        return self._folder.root

    def back_up_now(self) -> tuple[int, Path]:
        """Copy every file as it is now (backups.py): how many, and where; StoreError if not."""
        if self._folder.root is None or self._folder.backups is None:
            raise StoreError(messages.DATA_IN_MEMORY)
        try:
            self._years.flush()
            files = self._folder.kept_files()
            return len(files), self._folder.backups.snapshot(files, datetime.now())
        except OSError as error:
            reason = failure_reason(error, self.folder)
            raise StoreWriteError(messages.DATA_BACKUP_FAILED.format(reason=reason)) from error

    @property
    def pending_count(self) -> int:
        """Practices and letter versions not yet saved because a write failed; retried later."""
        return self._unsaved.count

    # --- practices -------------------------------------------------------------------------

    def add_practice(self, record: PracticeRecord) -> None:
        """Save `record`, and any practice still waiting from an earlier failed save."""
        self._years.pending.append(record)
        try:
            self._years.flush()
        except OSError as error:
            message = write_failure_message(error, messages.STORE_WHAT_PRACTICE, self.folder, True)
            raise StoreWriteError(message) from error

    def add_practices(self, records: list[PracticeRecord]) -> None:
        """Save many practices at once (an import): one write per year they belong to."""
        self._years.pending.extend(records)
        try:
            self._years.flush()
        except OSError as error:
            what = self._unsaved.described()
            raise StoreWriteError(write_failure_message(error, what, self.folder, True)) from error

    def update_practice(self, record: PracticeRecord) -> None:
        """Replace the saved practice with the same id (e.g. to add the after-practice check-in)."""
        try:
            self._years.flush()
            self._years.update(record)
        except OSError as error:
            what = messages.STORE_WHAT_CHECKIN
            raise StoreWriteError(write_failure_message(error, what, self.folder, False)) from error

    def save_pending(self) -> None:
        """Try again to save practices and letters a failed write left waiting."""
        self._unsaved.save()

    def practices(self, since: date | None = None) -> list[PracticeRecord]:
        """Practices begun on or after the local date `since` (default: all), oldest first.

        Only the years from `since` on are read from disk.
        """
        return self._years.view(since)

    def recent_practices(self, limit: int) -> list[PracticeRecord]:
        """The `limit` latest practices, newest first (reading back only as far as needed)."""
        return self._years.recent(limit)

    def has_practices(self) -> bool:
        """Whether anything has been practised here (saved, or waiting to be). Reads no year.

        Cheap enough to ask before the first paint, whatever the length of the history.
        """
        return self._years.any_kept()

    def practices_on(self, local_date: date) -> list[PracticeRecord]:
        """The practices begun on `local_date` in the person's own calendar, oldest first."""
        return self._years.on(local_date)

    # --- rest days -------------------------------------------------------------------------

    def rest_days(self) -> set[date]:
        """The days the person marked as rest; they keep a practice run alive."""
        return set(self._rest_days.days)

    def set_rest_day(self, day: date, rest: bool) -> None:
        try:
            self._rest_days.set(day, rest)
        except OSError as error:
            what = messages.STORE_WHAT_REST_DAY
            raise StoreWriteError(write_failure_message(error, what, self.folder, False)) from error

    # --- settings --------------------------------------------------------------------------

    def get_setting(self, key: str, default: T) -> T:
        """The saved value for `key`, or `default` if none was saved or it has the wrong kind.

        A value of the wrong kind (a number where a map belongs) can only come from a damaged or
        hand-edited file; the app carries on with the default instead of failing to start.
        """
        return self._settings.get(key, default)

    def all_settings(self) -> dict[str, JSONValue]:
        """Every saved setting, by key (for export)."""
        return self._settings.everything()

    def set_setting(self, key: str, value: JSONValue) -> None:
        """Save `value` for `key` (anything JSON can hold; TypeError otherwise, nothing saved)."""
        # Round-trip now: fails early on values JSON cannot hold, and makes what we keep in memory
        # exactly what a reload would give (a tuple comes back as a list either way).
        try:
            value = json.loads(json.dumps(value, allow_nan=False))
        except ValueError as error:
            raise TypeError(f"{key}: {error}") from error
        try:
            self._years.flush()
            self._settings.set(key, value)
        except OSError as error:
            what = messages.STORE_WHAT_SETTING
            raise StoreWriteError(write_failure_message(error, what, self.folder, False)) from error

    # --- letters ---------------------------------------------------------------------------

    def save_letter(self, letter: Letter) -> None:
        """Keep `letter` as its (letter_id, version): autosave of the version being written.

        Earlier versions are never touched. On failure the letter stays in memory (it is what
        the screens show) and is saved with the next save; StoreWriteError says why.
        """
        try:
            self._letters.save(letter)
        except OSError as error:
            message = write_failure_message(error, messages.STORE_WHAT_LETTER, self.folder, True)
            raise StoreWriteError(message) from error

    def letters_locked(self) -> bool:
        """The letters are behind a passphrase not yet given this time: reading them is refused."""
        return self._letters.files.locked

    def letters(self) -> list[LetterSummary]:
        """Every letter, the most recently changed first (from the index: no bodies are read)."""
        return self._letters.summaries()

    def letter(self, letter_id: str) -> Letter:
        """The latest version of the letter; KeyError if there is none."""
        versions = self.letter_versions(letter_id)
        if not versions:
            raise KeyError(letter_id)
        return versions[-1]

    def letter_versions(self, letter_id: str) -> list[Letter]:
        """Every version of the letter, oldest first, the latest last."""
        return self._letters.versions(letter_id)

    def search_letters(self, text: str) -> list[LetterSummary]:
        """Letters whose title or latest words hold `text`, ignoring case; newest changed first."""
        return self._letters.search(text)

    def delete_letter(self, letter_id: str) -> None:
        """Remove the letter, every version, its backups and its folder."""
        try:
            self._letters.delete(letter_id)
        except OSError as error:
            message = write_failure_message(error, messages.STORE_WHAT_DELETION, self.folder, False)
            raise StoreWriteError(message) from error

    def letter_folder(self, letter_id: str) -> Path:
        """A private folder that belongs to the letter (say, its voice recording)."""
        return self._letters.folder_of(letter_id)

    def set_letter_cipher(self, cipher: LetterCipher | None) -> None:
        """Encrypt every letter file on disk with `cipher` from now on (None: plain JSON)."""
        try:
            self._letters.set_cipher(cipher)
            if cipher is not None:
                self._unsaved.take_sealed_pending(cipher)
        except OSError as error:
            what = messages.STORE_WHAT_LETTER
            raise StoreWriteError(write_failure_message(error, what, self.folder, False)) from error

    # --- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Save anything still waiting, then let go of the files and the lock. Safe to call twice.

        If something still cannot be saved it is kept in a pending file in another place, found
        by the next open; the StoreWriteError raised then says where.
        """
        if self._closed:
            return
        self._closed = True
        try:
            self.save_pending()
        except StoreWriteError as error:
            raise StoreWriteError(self._unsaved.keep_elsewhere(error)) from error
        else:
            self._unsaved.done_with_pending_files()
        finally:
            self._years.close()
            self._letters.close()
            self._main.close()
            if self._lock is not None:
                # At close rather than at opening: the walk grows with the folder, and a killed
                # write's leftover is only clutter that nothing reads (start-up). Only with the
                # lock: a reader without it must not touch a writer's file mid-save.
                self._folder.sweep_temp_files()
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _cannot_open(path: Path, error: OSError) -> StoreError:
    return StoreError(
        messages.STORE_CANNOT_OPEN.format(path=path, reason=plain_reason(error, path))
    )


__all__ = ["JSONValue", "Store"]
