"""The store's schema version, and the steps that bring an older folder up to date.

Version 1 kept everything in one file, rewritten whole on every save. Version 2 keeps that file
small (settings, rest days, the version) and moves practices into one file per year and letters
into a file each (see files.py). The version lives in the main file's `meta` table, so the folder
always says which shape it has. A folder from a newer app is refused rather than "migrated"
backwards: we cannot know what its new fields mean, and rewriting it would throw them away.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from compassion_app import messages
from compassion_app.store import practices as practice_files
from compassion_app.store.errors import CorruptStoreError, NewerSchemaError
from compassion_app.store.storage import (
    Tables,
    backup_path,
    encode,
    fsync_directory,
    link_or_copy,
    write_atomically,
)

SCHEMA_VERSION = 2
META_TABLE = "meta"
SETTINGS_TABLE = "settings"
REST_DAYS_TABLE = "rest_days"
_META_DOC_ID = "1"
_VERSION_FIELD = "schema_version"

log = logging.getLogger(__name__)


def stored_version(tables: Tables) -> int:
    """The schema version recorded in the main file's tables; 0 if none is recorded yet."""
    document = tables.get(META_TABLE, {}).get(_META_DOC_ID)
    if document is None:
        return 0
    version = document.get(_VERSION_FIELD)
    # bool is an int in Python, but `true` is not a version.
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise CorruptStoreError(f"unreadable schema version {version!r}")
    return version


def fresh_tables(settings: dict[str, Any] | None = None) -> Tables:
    return {
        META_TABLE: {_META_DOC_ID: {_VERSION_FIELD: SCHEMA_VERSION}},
        SETTINGS_TABLE: settings or {},
        REST_DAYS_TABLE: {},
    }


def kept_name(path: Path) -> Path:
    """Where the single file of version 1 is kept, unchanged, once its contents have moved."""
    return path.with_name(f"{path.stem}.v1{path.suffix}")


def upgrade(path: Path | None, tables: Tables) -> tuple[Tables, bool, str | None]:
    """Bring the main file's `tables` to SCHEMA_VERSION: (tables, must_write, notice).

    Raises NewerSchemaError for a newer folder, untouched.
    """
    version = stored_version(tables)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, found=version, known=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return tables, False, None
    if path is None or not holds_history(tables):
        return fresh_tables(tables.get(SETTINGS_TABLE)), True, None
    return split_version_1(path, tables), False, migration_notice(path)


def holds_history(tables: Tables) -> bool:
    """Whether a version-1 main file's `tables` hold practices or letters (to move to shards)."""
    return any(tables.get(name) for name in ("practices", "letters"))


def split_version_1(path: Path, tables: Tables) -> Tables:
    """Write the shards from a version-1 file, keep that file aside, stamp version 2 last.

    Until the stamp the main file is still version 1, so a run stopped at any point simply runs
    again from the start and writes the same shards: nothing is duplicated, nothing is lost.
    """
    _write_shards(path.parent, version_1_shards(tables))
    kept = kept_name(path)
    if not kept.exists():
        link_or_copy(path, kept)
    backup = backup_path(path)
    if backup.exists():  # a version-1 backup must never be "restored" over the shards
        os.replace(backup, backup_path(kept))
    upgraded = fresh_tables(tables.get(SETTINGS_TABLE))
    write_atomically(path, encode(upgraded))  # the stamp, last
    log.info("Moved the history into shards; the version-1 file is kept at %s", kept)
    return upgraded


def migration_notice(path: Path) -> str:
    return messages.STORE_MIGRATED.format(kept=kept_name(path))


def version_1_shards(tables: Tables) -> dict[str, Tables]:
    """The files a version-1 main file's history becomes, by name inside the folder.

    Shared by the migration, which writes them, and the read-only view, which only reads them.
    """
    shards = {f"{practice_files.FOLDER}/{year}.json": t for year, t in _years(tables).items()}
    shards.update(_letters(tables))
    return shards


def _years(tables: Tables) -> dict[int, Tables]:
    years: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    skipped = 0
    for document in tables.get("practices", {}).values():
        record = practice_files.readable(document)
        if record is None:
            skipped += 1  # it stays in the kept version-1 file
            continue
        years[record.local_date.year].setdefault(record.record_id, record.to_dict())
    if skipped:
        log.warning("%d unreadable practices were left in the version-1 file", skipped)
    return {
        year: {practice_files.TABLE: {str(n): doc for n, doc in enumerate(by_id.values(), 1)}}
        for year, by_id in years.items()
    }


def _letters(tables: Tables) -> dict[str, Tables]:
    # Here: only a version-1 folder needs them; opening a current one reads no letter (start-up).
    from compassion_app.core.letters import Letter
    from compassion_app.store import letters as letter_files

    versions: dict[str, dict[int, Letter]] = defaultdict(dict)
    for document in tables.get("letters", {}).values():
        try:
            letter = Letter.from_dict(document)
            letter_files.check_letter_id(letter.letter_id)
        except (KeyError, TypeError, ValueError, OverflowError):
            log.warning("A version-1 letter could not be read; it stays in the kept file")
            continue
        versions[letter.letter_id][letter.version] = letter
    if not versions:
        return {}
    shards: dict[str, Tables] = {}
    index = {}
    for n, (letter_id, by_version) in enumerate(sorted(versions.items()), start=1):
        table = {str(v): letter.to_dict() for v, letter in sorted(by_version.items())}
        shards[f"{letter_files.FOLDER}/{letter_id}.json"] = {letter_files.VERSIONS: table}
        latest = by_version[max(by_version)]
        index[str(n)] = letter_files.summary_dict(letter_files.summary_of(latest, len(by_version)))
    shards[letter_files.INDEX] = {letter_files.ENTRIES: index}  # last: written after the letters
    return shards


def _write_shards(root: Path, shards: dict[str, Tables]) -> None:
    """Write every shard, each folder synced once, all before the stamp."""
    folders: set[Path] = set()
    for name, tables in shards.items():
        path = root / name
        path.parent.mkdir(exist_ok=True, mode=0o700)
        write_atomically(path, encode(tables), sync_folder=False)
        folders.add(path.parent)
    for folder in sorted(folders):
        fsync_directory(folder)
