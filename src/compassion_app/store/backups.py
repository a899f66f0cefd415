"""Rotating backups: the last good copy of each file, and one copy a day kept for a week.

Each file of the store keeps `<name>.bak`, the content it had before its latest write. Beside that,
the first write of each day links the old content into `backups/<YYYY-MM-DD>/<same path>`; the
newest seven days are kept. Hard links cost no space until the file changes, and a backup is
never modified in place, so each one stays exactly what it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from compassion_app.store.storage import backup_path, link_or_copy

BACKUPS_FOLDER = "backups"
DAYS_KEPT = 7


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
        old = self._days()[DAYS_KEPT:]
        if not old:
            return  # the usual start: nothing to remove, and no need to import shutil for it
        import shutil

        for day in old:
            shutil.rmtree(self.root / BACKUPS_FOLDER / day.isoformat(), ignore_errors=True)

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
