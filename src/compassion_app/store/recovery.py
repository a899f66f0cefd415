"""What to do when the practice history file cannot be read: keep it, restore, carry on.

A damaged file still holds someone's history, so it is never deleted or overwritten: it is renamed
aside where a helper could rescue it. Then the backup is restored if it reads, or a fresh history
starts. Either way the person is told plainly what happened and where their old file is.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB

from compassion_app.store.errors import CorruptStoreError
from compassion_app.store.migrations import stored_version
from compassion_app.store.storage import AtomicJSONStorage, backup_path, write_atomically


def recover_unreadable(path: Path, now: datetime | None = None) -> str:
    """Set the unreadable `path` aside, restore its backup if possible; return a notice to show."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    aside = set_aside(path, stamp)
    backup = backup_path(path)
    unreadable = f"Your practice history file could not be read, so it was set aside at {aside}"
    if is_usable(backup):
        # Copy rather than move: the backup stays a backup until the next successful save.
        write_atomically(path, backup.read_bytes())
        return (
            f"{unreadable} and your last good copy was restored. Only your most recent change "
            "may be missing. Nothing was deleted."
        )
    notice = (
        f"{unreadable}. There was no readable backup, so a new, empty history has been started. "
        "Nothing was deleted: the old file is still there if you would like help recovering it."
    )
    if backup.exists():
        # Moved aside too, or the next saves would replace it and lose what it holds.
        notice += f" Its damaged backup was set aside at {set_aside(backup, stamp)}."
    return notice


def set_aside(path: Path, stamp: str) -> Path:
    """Rename `path` to `<name>.corrupt-<stamp>`, never over an earlier set-aside file."""
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    os.replace(path, candidate)
    return candidate


def is_usable(path: Path) -> bool:
    """Whether `path` exists and reads as a store we could open (any schema version)."""
    if not path.exists():
        return False
    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        stored_version(db)
    except CorruptStoreError:
        return False
    finally:
        db.close()
    return True
