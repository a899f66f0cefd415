"""Rotating backups: the last good copy of each file, and one copy a day kept for a week.

Each file of the store keeps `<name>.bak`, the content it had before its latest write. Beside that,
the first write of each day links the old content into `backups/<YYYY-MM-DD>/<same path>`; the
newest seven days are kept. Hard links cost no space until the file changes, and a backup is
never modified in place, so each one stays exactly what it was.

"Back up now" (`snapshot`) puts a copy of every file, as it is at that moment, in a folder of its
own, `backups/copy-<YYYY-MM-DD-HHMMSS>/`; the newest seven such copies are kept. They stand beside
the daily copies and never replace one, so asking for a backup loses no older one.
"""

from __future__ import annotations

import contextlib
import shutil  # free at start-up: Qt's own start imports it already
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from compassion_app.store.storage import backup_path, fsync_directory, link_or_copy

BACKUPS_FOLDER = "backups"
DAYS_KEPT = 7
COPY_PREFIX = "copy-"  # a copy made when the person asked for one
COPIES_KEPT = 7


class Backups:
    def __init__(self, root: Path, today: Callable[[], date] = date.today) -> None:
        self.root = root
        self._today = today

    def keep(self, path: Path) -> None:
        """Before `path` is replaced: its content becomes `.bak`, and today's copy if none yet."""
        if not path.exists():
            return
        daily = self._daily_copy(path, self._today())
        if not daily.exists():
            daily.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            link_or_copy(path, daily)
        link_or_copy(path, backup_path(path))

    def candidates(self, path: Path) -> Iterator[tuple[Path, date | None]]:
        """Copies of `path` to restore from, newest first: `.bak` (no day), then the daily ones."""
        yield backup_path(path), None
        for day in self._days():
            copy = self._daily_copy(path, day)
            if copy.exists():
                yield copy, day

    def forget(self, path: Path) -> None:
        """Remove every backup of `path` (a letter the person deleted must really be gone)."""
        for copy, _day in list(self.candidates(path)):
            with contextlib.suppress(FileNotFoundError):
                copy.unlink()

    def prune(self) -> None:
        """Keep the newest DAYS_KEPT days of backups (days of use, so a break loses none)."""
        for day in self._days()[DAYS_KEPT:]:
            shutil.rmtree(self.root / BACKUPS_FOLDER / day.isoformat(), ignore_errors=True)

    def snapshot(self, files: list[Path], now: datetime) -> Path:
        """Copy each of `files` (inside the root) as it is now into a new folder; return it.

        Raises OSError if a copy could not be made (a full disk): the files themselves are
        untouched, and a copy cut short is removed rather than left looking whole.
        """
        folder = self.root / BACKUPS_FOLDER / f"{COPY_PREFIX}{now:%Y-%m-%d-%H%M%S}"
        folders: set[Path] = set()
        try:
            for path in files:
                copy = folder / path.relative_to(self.root)
                copy.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                link_or_copy(path, copy)
                folders.add(copy.parent)
            for each in sorted(folders):
                fsync_directory(each)  # the copies are really there before we say so
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        copies = sorted((self.root / BACKUPS_FOLDER).glob(f"{COPY_PREFIX}*"), reverse=True)
        for old in copies[COPIES_KEPT:]:
            shutil.rmtree(old, ignore_errors=True)
        return folder

    def _daily_copy(self, path: Path, day: date) -> Path:
        return self.root / BACKUPS_FOLDER / day.isoformat() / path.relative_to(self.root)

    def _days(self) -> list[date]:
        folder = self.root / BACKUPS_FOLDER
        days = []
        with contextlib.suppress(FileNotFoundError):
            for entry in folder.iterdir():
                with contextlib.suppress(ValueError):
                    days.append(date.fromisoformat(entry.name))
        return sorted(days, reverse=True)
