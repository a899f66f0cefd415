"""What can go wrong in the store, told in words the person can read as they are (str(error))."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """A store problem. Its text is written for the person using the app, not for a developer."""


class StoreWriteError(StoreError):
    """Saving failed. Whatever was saved before is still intact on disk."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Compassion Companion; we refuse to touch it."""

    def __init__(self, path: Path | None, found: int, known: int) -> None:
        where = f" ({path})" if path else ""
        super().__init__(
            "This practice history was written by a newer version of Compassion Companion"
            f"{where}, so this version cannot open it safely. Nothing in it has been changed. "
            "Please update Compassion Companion to carry on with your history."
            f" (History format {found}; this version understands up to {known}.)"
        )
        self.found = found
        self.known = known


class CorruptStoreError(StoreError):
    """The file cannot be understood. Store.open handles this; the app never sees it."""


# Errors that mean "there is no room", "not allowed" - worth saying plainly, because the person
# can do something about them (free some space, check the folder).
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_failure_message(error: OSError, what: str, folder: Path | None, kept: bool) -> str:
    """Explain a failed save: `what` names the thing ("Your practice"), `kept` whether we retry."""
    if error.errno in _NO_SPACE:
        reason = "the disk is full"
    elif error.errno in _NOT_ALLOWED:
        place = f"the folder {folder}" if folder else "its folder"
        reason = f"Compassion Companion is not allowed to write to {place}"
    else:
        reason = f"of a problem writing to the disk ({error.strerror or error})"
    message = f"{what} could not be saved because {reason}. Everything saved earlier is safe."
    if kept:
        message += " It is being kept, and will be saved as soon as saving works again."
    return message
