"""What to do when a file of the store is damaged or missing: keep it, restore, carry on.

A damaged file still holds someone's history, so it is never deleted or overwritten: it is renamed
aside where a helper could rescue it. Then the newest backup that reads is restored, or the file
starts afresh. A file that is simply missing while a backup exists is restored too: reading it as
new would soon overwrite the good backup. Either way the person is told plainly what happened.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from compassion_app import messages
from compassion_app.store.backups import Backups
from compassion_app.store.crypto import LetterCipher
from compassion_app.store.errors import CorruptStoreError
from compassion_app.store.storage import Tables, backup_path, read_tables, write_atomically


class Recovered(NamedTuple):  # not a dataclass: a third of the cost to define (start-up)
    tables: Tables  # what the file now holds (empty for a new file)
    notice: str | None  # what to tell the person, if anything happened


def open_or_recover(
    path: Path,
    backups: Backups,
    label: str,
    cipher: LetterCipher | None = None,
    now: datetime | None = None,
) -> Recovered:
    """Read `path`; if it is damaged, or missing beside a backup, restore the newest good copy.

    `label` says what the file holds ("your settings") in the words the person reads.
    """
    exists = path.exists()
    if exists:
        try:
            return Recovered(read_tables(path, cipher), None)
        except CorruptStoreError:
            pass
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    aside = set_aside(path, stamp) if exists else None
    restored = _restore_newest(path, backups, cipher)
    if aside is None:
        if restored is None:
            return Recovered({}, None)  # a new file, nothing to tell
        tables, when = restored
        return Recovered(tables, messages.STORE_MISSING_RESTORED.format(file=label, when=when))
    if restored is not None:
        tables, when = restored
        notice = messages.STORE_DAMAGED_RESTORED.format(file=label, aside=aside, when=when)
        return Recovered(tables, notice)
    notice = messages.STORE_DAMAGED_FRESH.format(file=label, aside=aside)
    backup = backup_path(path)
    if backup.exists():
        # Moved aside too, or the next saves would replace it and lose what it holds.
        notice += messages.STORE_BACKUP_SET_ASIDE.format(aside=set_aside(backup, stamp))
    return Recovered({}, notice)


def _restore_newest(
    path: Path, backups: Backups, cipher: LetterCipher | None
) -> tuple[Tables, str] | None:
    for copy, day in backups.candidates(path):
        try:
            payload = copy.read_bytes()
            tables = read_tables(copy, cipher)
        except (OSError, CorruptStoreError):
            continue
        # Copy rather than move: the backup stays a backup until the next successful save.
        write_atomically(path, payload)
        return tables, _when(day)
    return None


def _when(day: date | None) -> str:
    if day is None:
        return messages.STORE_WHEN_LAST_SAVE
    return messages.STORE_WHEN_DAY.format(day=day.isoformat())


def set_aside(path: Path, stamp: str) -> Path:
    """Rename `path` to `<name>.corrupt-<stamp>`, never over an earlier set-aside file."""
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    os.replace(path, candidate)
    return candidate


def recover_unreadable(path: Path, now: datetime | None = None) -> str | None:
    """Set the unreadable `path` aside and restore its backup if possible; the notice to show."""
    return open_or_recover(path, Backups(path.parent), messages.STORE_FILE_SETTINGS, now=now).notice
