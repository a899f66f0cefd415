"""The store's schema version, and the steps that bring an older file up to date.

The version lives in the `meta` table so a file always says which shape it has. A file from a newer
app is refused rather than "migrated" backwards: we cannot know what its new fields mean, and
rewriting it would throw them away.
"""

from __future__ import annotations

from collections.abc import Callable

from tinydb import TinyDB
from tinydb.table import Document

from compassion_app.store.errors import CorruptStoreError, NewerSchemaError
from compassion_app.store.storage import AtomicJSONStorage

SCHEMA_VERSION = 1
META_TABLE = "meta"
_META_DOC_ID = 1
_VERSION_FIELD = "schema_version"

Migration = Callable[[TinyDB], None]


def _from_v0_to_v1(db: TinyDB) -> None:
    """Version 0 is a new, empty file: there is nothing to reshape, only the version to stamp."""


# MIGRATIONS[n] turns a version-n store into version n + 1. Never remove one: someone may open a
# file they have not touched for years.
MIGRATIONS: list[Migration] = [_from_v0_to_v1]
assert len(MIGRATIONS) == SCHEMA_VERSION, "every version needs a migration that leads to it"


def stored_version(db: TinyDB) -> int:
    """The schema version recorded in `db`; 0 if none is recorded yet."""
    document = db.table(META_TABLE).get(doc_id=_META_DOC_ID)
    if document is None:
        return 0
    version = document.get(_VERSION_FIELD)
    # bool is an int in Python, but `true` is not a version.
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise CorruptStoreError(f"unreadable schema version {version!r}")
    return version


def migrate(db: TinyDB) -> None:
    """Bring `db` up to SCHEMA_VERSION, one step at a time; refuse a newer file untouched."""
    version = stored_version(db)
    if version > SCHEMA_VERSION:
        storage = db.storage
        path = storage.path if isinstance(storage, AtomicJSONStorage) else None
        raise NewerSchemaError(path, found=version, known=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        # Stamp after every step, so an interrupted upgrade resumes where it stopped.
        _stamp(db, version)


def _stamp(db: TinyDB, version: int) -> None:
    meta = db.table(META_TABLE)
    fields = {_VERSION_FIELD: version}
    # update-or-insert by hand: TinyDB's upsert writes the file twice when the document is new.
    if meta.contains(doc_id=_META_DOC_ID):
        meta.update(fields, doc_ids=[_META_DOC_ID])
    else:
        meta.insert(Document(fields, doc_id=_META_DOC_ID))
