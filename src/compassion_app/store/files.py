"""The store's folder: many small TinyDB files, each opened with its own backup and recovery.

Damage stays inside one file: a torn letter never touches the practices, a damaged year never
touches the other years. A Folder with no root keeps every file in memory (for tests and for the
fallback when the real folder cannot be used).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from compassion_app import messages
from compassion_app.paths import CATALOGUE_NAME
from compassion_app.store.backups import BACKUPS_FOLDER, Backups
from compassion_app.store.crypto import LetterCipher
from compassion_app.store.lock import LOCK_NAME
from compassion_app.store.recovery import open_or_recover
from compassion_app.store.storage import TEMP_SUFFIX, AtomicJSONStorage, backup_path

log = logging.getLogger(__name__)

PRIVATE = 0o700
# Folders whose files belong to someone else (a letter's voice recording): never swept.
_NOT_OURS_SUFFIX = ".files"
# Beside the data at the top of the folder: copies, the log, the lock, the exercise catalogue
# (not data to back up).
_NOT_DATA = {BACKUPS_FOLDER, "logs", LOCK_NAME, CATALOGUE_NAME}
_NOT_DATA_SUFFIXES = (TEMP_SUFFIX, ".bak")


class Folder:
    def __init__(self, root: Path | None, today: Callable[[], date] = date.today) -> None:
        self.root = root
        self.backups = Backups(root, today) if root is not None else None
        #: Plain-words notices gathered while opening files, to tell the person once.
        self.notices: list[str] = []
        self._memory: dict[str, TinyDB] = {}

    def open(
        self,
        name: str,
        label: str,
        cipher: LetterCipher | None = None,
        grows_only: bool = False,
    ) -> TinyDB:
        """The TinyDB file `name` (relative to the root), recovered first if it needs it.

        `grows_only`: a file whose history only ever grows (a year of practices), so a backup
        bigger than the file it would be replaced by means something went wrong.
        """
        if self.root is None or self.backups is None:
            return self._memory.setdefault(name, TinyDB(storage=MemoryStorage))
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
        recovered = open_or_recover(path, self.backups, label, cipher)
        if recovered.notice:
            log.warning("%s", recovered.notice)
            self.notices.append(recovered.notice)
        keep = self._guarded_keeper(label) if grows_only else self.backups.keep
        db = TinyDB(path, storage=AtomicJSONStorage, cipher=cipher, before_replace=keep)
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)
        storage.adopt(recovered.tables)
        return db

    def exists(self, name: str) -> bool:
        if self.root is None:
            return name in self._memory
        path = self.root / name
        return path.exists() or backup_path(path).exists()

    def names(self, subfolder: str, suffix: str = ".json") -> list[str]:
        """Stems of the files in `subfolder` ending in `suffix` (or whose backup does)."""
        if self.root is None:
            return sorted(stems_of(self._memory, subfolder, suffix))
        stems: set[str] = set()
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(self.root / subfolder):
                name = entry.name.removesuffix(".bak")
                if name.endswith(suffix) and not name.startswith("."):
                    stems.add(name[: -len(suffix)])
        return sorted(stems)

    def delete(self, name: str) -> None:
        """Remove the file `name`, its backup and its daily copies (raises OSError)."""
        if self.root is None or self.backups is None:
            self._memory.pop(name, None)
            return
        path = self.root / name
        self.backups.forget(path)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def forget_backups(self, name: str) -> None:
        if self.backups is not None and self.root is not None:
            self.backups.forget(self.root / name)

    def kept_files(self) -> list[Path]:
        """Every file that holds the person's data (not backups, logs, locks or temp files)."""
        if self.root is None:
            return []
        found = []
        for directory, folders, files in os.walk(self.root):
            if Path(directory) == self.root:
                folders[:] = [name for name in folders if name not in _NOT_DATA]
            for name in files:
                if not (name.endswith(_NOT_DATA_SUFFIXES) or ".kept-" in name or name in _NOT_DATA):
                    found.append(Path(directory, name))
        return sorted(found)

    def sweep_temp_files(self) -> int:
        """Remove temp files a killed write left behind (safe: we hold the folder's lock)."""
        if self.root is None:
            return 0
        removed = 0
        for directory, folders, files in os.walk(self.root):
            folders[:] = [name for name in folders if not name.endswith(_NOT_OURS_SUFFIX)]
            for name in files:
                if name.endswith(TEMP_SUFFIX):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(directory, name))
                        removed += 1
        if removed:
            log.info("Removed %d temporary files left by an interrupted save", removed)
        return removed

    def _guarded_keeper(self, label: str) -> Callable[[Path], None]:
        assert self.backups is not None
        backups = self.backups

        def keep(path: Path) -> None:
            backup = backup_path(path)
            try:
                shrunk = backup.stat().st_size > path.stat().st_size
            except FileNotFoundError:
                shrunk = False
            if shrunk:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                kept = backup.with_name(f"{backup.name}.kept-{stamp}")
                os.replace(backup, kept)
                notice = messages.STORE_BIGGER_BACKUP_KEPT.format(file=label, kept=kept)
                log.warning("%s", notice)
                self.notices.append(notice)
            backups.keep(path)

        return keep


def stems_of(names: Iterable[str], subfolder: str, suffix: str) -> set[str]:
    """Stems of the `names` (relative to the root) in `subfolder` that end in `suffix`."""
    prefix = f"{subfolder}/"
    return {
        name[len(prefix) : -len(suffix)]
        for name in names
        if name.startswith(prefix) and name.endswith(suffix)
    }
