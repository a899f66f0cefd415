"""What can go wrong in the store, told in words the person can read as they are (str(error)).

The words themselves live in compassion_app.messages ("The store" section).
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from compassion_app import messages

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A store problem. Its text is written for the person using the app, not for a developer."""


class StoreWriteError(StoreError):
    """Saving failed. Whatever was saved before is still intact on disk."""


class StoreBusyError(StoreError):
    """Another Store (another window, or the command line) holds this folder just now."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Compassion Companion; we refuse to touch it."""

    def __init__(self, path: Path | None, found: int, known: int) -> None:
        where = f" ({path})" if path else ""
        super().__init__(messages.STORE_NEWER_SCHEMA.format(where=where, found=found, known=known))
        self.found = found
        self.known = known


class CorruptStoreError(StoreError):
    """The file cannot be understood. Store.open handles this; the app never sees it."""


# Errors that mean "there is no room", "not allowed" - worth saying plainly, because the person
# can do something about them (free some space, check the folder).
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


def failure_reason(error: OSError, folder: Path | None) -> str:
    """Why a write failed, in words that finish "... because "."""
    if error.errno in _NO_SPACE:
        return messages.STORE_REASON_FULL
    if error.errno in _NOT_ALLOWED:
        place = f"the folder {folder}" if folder else "its folder"
        return messages.STORE_REASON_NOT_ALLOWED.format(place=place)
    # The detail, for us. Info, not warning: the app's log keeps it, and the command line (which
    # has no log) does not print the system's own words beside the plain ones.
    log.info("Writing to %s failed: %r", folder or "the store", error)
    return messages.STORE_REASON_OTHER


def write_failure_message(error: OSError, what: str, folder: Path | None, kept: bool) -> str:
    """Explain a failed save: `what` names the thing ("Your practice"), `kept` whether we retry."""
    message = messages.STORE_NOT_SAVED.format(what=what, reason=failure_reason(error, folder))
    if kept:
        message += messages.STORE_KEPT_FOR_RETRY
    return message
