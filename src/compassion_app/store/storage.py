"""A TinyDB storage that never leaves a half-written file behind, and keeps a backup.

TinyDB's own JSONStorage rewrites the file in place, so a crash or a full disk in the middle of a
write leaves a torn file: a person's whole practice history, gone. Here every write goes to a
temporary file first, is forced to disk, and only then takes the old file's place in one atomic
rename. At any moment the file on disk is either the complete old version or the complete new one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from compassion_app.store.crypto import LetterCipher
from compassion_app.store.errors import CorruptStoreError

Tables = dict[str, dict[str, Any]]
TEMP_SUFFIX = ".tmp"
SMALL_FILE_DOCUMENTS = 100  # fewer than this many documents: written with json (see encode)

# Filesystems that cannot fsync a directory say so with these; the rename has still happened.
_DIRECTORY_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def backup_path(path: Path) -> Path:
    """Where the previous good version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def _finite_or_text(text: str) -> float | str:
    # 1e999 parses to infinity, which no practice can hold and which strict JSON cannot write
    # back. Kept as the text it was, so the one record fails its own check instead of the file.
    number = float(text)
    return number if math.isfinite(number) else text


def decode(raw: bytes, path: Path) -> Tables:
    """Parse and check store bytes. Anything unreadable raises CorruptStoreError.

    An empty file counts as damaged, not as new: our writer never produces one, so an empty file
    means something went wrong, and treating it as fresh would soon overwrite the backup.
    """
    try:
        data = json.loads(
            raw.decode("utf-8"), parse_float=_finite_or_text, parse_constant=lambda name: name
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptStoreError(f"{path} is not valid JSON: {error}") from error
    except RecursionError as error:  # nested thousands deep: no store of ours looks like that
        raise CorruptStoreError(f"{path} is nested too deeply to be a store") from error
    return _checked_shape(path, data)


def encode(data: Tables) -> bytes:
    """The bytes the store writes: compact UTF-8 JSON, strict (no NaN or infinity).

    orjson for a big file (it is what keeps an append to years of practices cheap); json, loaded
    already, for a small one (the main file, a letter), where it is as quick, and for what orjson
    refuses, such as an integer wider than 64 bits read from a hand-edited file, so one odd value
    never stops saving. Reading stays with json, whose hooks set odd values aside (see decode).
    """
    if sum(len(table) for table in data.values()) < SMALL_FILE_DOCUMENTS:
        with contextlib.suppress(ValueError):  # a NaN: written as orjson always has, below
            return _json_bytes(data)
    # Here: a start that writes only small files (a new person's first) does not wait for orjson's
    # import, nor the uuid and platform modules it brings (2-3 ms of CPU in a start).
    import orjson

    try:
        return orjson.dumps(data)
    except TypeError:
        return _json_bytes(data)


def _json_bytes(data: Tables) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def read_tables(path: Path, cipher: LetterCipher | None = None) -> Tables:
    """Read and check a store file. A missing file is an empty store; anything unreadable raises."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    if cipher is not None:
        try:
            raw = cipher.decrypt(raw)
        except Exception as error:  # a cipher's own error types are its business
            raise CorruptStoreError(f"{path} could not be decrypted: {error!r}") from error
    return decode(raw, path)


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


def write_atomically(path: Path, payload: bytes, sync_folder: bool = True) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new content.

    `sync_folder=False` leaves the folder's fsync to the caller, who writes many files into one
    folder and syncs it once at the end (a migration).
    """
    temp = write_temp_file(path, payload)
    try:
        os.replace(temp, path)
    except BaseException:
        discard(temp)
        raise
    if sync_folder:
        fsync_directory(path.parent)


def write_temp_file(path: Path, payload: bytes) -> Path:
    """Write `payload` beside `path` and force it to disk, so the rename that follows is safe.

    The temporary file lives in the same directory because a rename is only atomic within one
    filesystem. mkstemp makes it readable by its owner only, as every file of the store is.
    """
    import tempfile  # here: opening a store that needs no write does not wait for it

    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        discard(temp)
        raise
    return temp


def discard(temp: Path) -> None:
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


def link_or_copy(source: Path, target: Path) -> None:
    """Make `target` hold the current bytes of `source`, appearing in one rename.

    A hard link shares the bytes without copying them, and stays valid because we never modify a
    file in place: the next write swaps in a new file, the link keeps the old one. Where hard
    links are not possible (FAT, some network drives) we fall back to a copy.
    """
    with contextlib.suppress(FileNotFoundError):
        # Already one file (a stop fell between linking and replacing): rename would do nothing
        # and leave the staged link behind as clutter.
        if os.path.samefile(source, target):
            return
    staged = target.with_name(target.name + TEMP_SUFFIX)
    discard(staged)  # left over from a crash; os.link refuses to overwrite
    try:
        os.link(source, staged)
    except OSError:
        staged = write_temp_file(target, source.read_bytes())
    try:
        os.replace(staged, target)
    except BaseException:
        discard(staged)
        raise


def keep_backup(path: Path) -> None:
    """Make `<name>.bak` the current content of `path`, before `path` is replaced."""
    if path.exists():
        link_or_copy(path, backup_path(path))


class AtomicJSONStorage(Storage):
    """JSON storage with atomic writes, a rolling backup, and a read cache.

    The cache is not TinyDB's CachingMiddleware, which holds writes back and can lose them: every
    write here still goes to disk before it returns. The cache only spares re-reading the whole file
    for each query. It is safe because the store holds a lock on its folder, so no one else writes.
    If a write fails the cache is dropped, so the next read sees exactly what is on disk, and the
    in-memory view never claims something was saved when it was not.

    `before_replace(path)` runs once the new content is safely in its temp file and before it
    takes the old file's place: the moment to keep backups of the old content.
    `cipher`, when set, turns the bytes on disk into ciphertext (letters may ask for it).
    """

    def __init__(
        self,
        path: Path,
        cipher: LetterCipher | None = None,
        before_replace: Callable[[Path], None] = keep_backup,
    ) -> None:
        super().__init__()
        self.path = path
        self.cipher = cipher
        self._before_replace = before_replace
        self._cache: Tables | None = None

    def adopt(self, tables: Tables) -> None:
        """Take `tables`, just read and checked from this file, as the cache (no second parse)."""
        self._cache = tables

    def read(self) -> Tables:
        if self._cache is None:
            self._cache = read_tables(self.path, self.cipher)
        return self._cache

    def write(self, data: Tables) -> None:
        try:
            payload = encode(data)
            if self.cipher is not None:
                payload = self.cipher.encrypt(payload)
            temp = write_temp_file(self.path, payload)
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
            self._before_replace(self.path)
            os.replace(temp, self.path)
        except BaseException:
            discard(temp)
            raise
