"""A TinyDB storage that never leaves a half-written file behind, and keeps one backup.

TinyDB's own JSONStorage rewrites the file in place, so a crash or a full disk in the middle of a
write leaves a torn file: a person's whole practice history, gone. Here every write goes to a
temporary file first, is forced to disk, and only then takes the old file's place in one atomic
rename. At any moment the file on disk is either the complete old version or the complete new one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from compassion_app.store.errors import CorruptStoreError

Tables = dict[str, dict[str, Any]]

# Filesystems that cannot fsync a directory say so with these; the rename has still happened.
_DIRECTORY_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def backup_path(path: Path) -> Path:
    """Where the previous good version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def read_tables(path: Path) -> Tables:
    """Read and check a store file. A missing file is an empty store; anything unreadable raises.

    An empty file counts as damaged, not as new: our writer never produces one, so an empty file
    means something went wrong, and treating it as fresh would soon overwrite the backup.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptStoreError(f"{path} is not valid JSON: {error}") from error
    return _checked_shape(path, data)


def _checked_shape(path: Path, data: object) -> Tables:
    """TinyDB's shape: {table name: {numeric id: {document}}}. Checked now, not mid-session."""
    if not isinstance(data, dict):
        raise CorruptStoreError(f"{path} does not hold a table map")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptStoreError(f"{path}: table {name!r} is not a map")
        for doc_id, document in table.items():
            if not (doc_id.isdigit() and isinstance(document, dict)):
                raise CorruptStoreError(f"{path}: table {name!r} has a bad entry {doc_id!r}")
    return data


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new content."""
    temp = _write_temp_file(path, payload)
    try:
        os.replace(temp, path)
    except BaseException:
        _discard(temp)
        raise
    fsync_directory(path.parent)


def _write_temp_file(path: Path, payload: bytes) -> Path:
    """Write `payload` beside `path` and force it to disk, so the rename that follows is safe.

    The temporary file lives in the same directory because a rename is only atomic within one
    filesystem.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _discard(temp)
        raise
    return temp


def _discard(temp: Path) -> None:
    # A leftover temp file is only clutter, never data: the real file was not touched.
    with contextlib.suppress(OSError):
        temp.unlink()


def fsync_directory(directory: Path) -> None:
    """Make a rename inside `directory` survive a power cut (POSIX; Windows has no such call)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _DIRECTORY_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def keep_backup(path: Path) -> None:
    """Make `<name>.bak` the current content of `path`, before `path` is replaced.

    A hard link shares the current bytes without copying them, and stays valid because we never
    modify a file in place: the next write swaps in a new file, the link keeps the old one. Where
    hard links are not possible (FAT, some network drives) we fall back to a copy. Either way the
    backup appears in one rename, so it is never half-made.
    """
    if not path.exists():
        return
    backup = backup_path(path)
    staged = backup.with_name(backup.name + ".tmp")
    _discard(staged)  # left over from a crash; os.link refuses to overwrite
    try:
        os.link(path, staged)
    except OSError:
        staged = _write_temp_file(backup, path.read_bytes())
    try:
        os.replace(staged, backup)
    except BaseException:
        _discard(staged)
        raise


class AtomicJSONStorage(Storage):
    """JSON storage with atomic writes, one rolling backup, and a read cache.

    The cache is not TinyDB's CachingMiddleware, which holds writes back and can lose them: every
    write here still goes to disk before it returns. The cache only spares re-reading the whole file
    for each query, which matters with decades of practices. It is safe because a single app
    instance owns the file. If a write fails the cache is dropped, so the next read sees exactly
    what is on disk, and the in-memory view never claims something was saved when it was not.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._cache: Tables | None = None

    def read(self) -> Tables:
        if self._cache is None:
            self._cache = read_tables(self.path)
        return self._cache

    def write(self, data: Tables) -> None:
        try:
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            temp = _write_temp_file(self.path, payload)
            self._replace_keeping_backup(temp)
        except BaseException:
            # TinyDB has already changed `data` (which may be our cached dict) in memory.
            self._cache = None
            raise
        self._cache = data
        # After the rename the new file is in place; only its durability is left to secure.
        fsync_directory(self.path.parent)

    def _replace_keeping_backup(self, temp: Path) -> None:
        # The temp file is complete before the backup is touched, so a full disk fails early and
        # leaves both the file and its backup as they were.
        try:
            keep_backup(self.path)
            os.replace(temp, self.path)
        except BaseException:
            _discard(temp)
            raise
