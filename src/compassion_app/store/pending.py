"""Work that could not be saved when the store closed, kept in another place until the next start.

On a full disk or a read-only folder, closing the store must not drop the practice the person just
finished, or the letter they were writing. It goes into a small pending file: in the data folder's
`pending/` if that can still be written, otherwise in the user's runtime or temporary folder (often
another disk). The next `Store.open` looks in the same places, adds what it finds, and says so.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from compassion_app.store.files import PRIVATE
from compassion_app.store.storage import write_atomically

if TYPE_CHECKING:
    from compassion_app.core.letters import Letter
    from compassion_app.core.records import PracticeRecord
    from compassion_app.store.crypto import LetterCipher

log = logging.getLogger(__name__)

FOLDER = "pending"


class Pending(NamedTuple):  # not a dataclass: a third of the cost to define (start-up)
    path: Path
    practices: list[PracticeRecord]
    letters: list[Letter]
    sealed: bytes | None  # letters sealed with the letters' cipher, opened once it is set


def places(root: Path) -> list[Path]:
    """Where pending work for the store in `root` may be kept, in the order they are tried."""
    key = _key(root)
    return [root / FOLDER, *(mine / key for mine in _outside())]


def _outside() -> list[Path]:
    """This user's folders for pending work outside the data folder: runtime, then temporary."""
    bases = [Path(folder) for folder in (os.environ.get("XDG_RUNTIME_DIR"),) if folder]
    bases.append(Path(tempfile.gettempdir()))
    user = getattr(os, "getuid", lambda: 0)()
    return [base / f"compassion-companion-{user}" for base in bases]


def _key(root: Path) -> str:
    """Named after the data folder, so two data folders never pick up each other's work."""
    import hashlib  # here: most starts find no folder outside and need no key

    return hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]


def keep(
    root: Path,
    practices: list[PracticeRecord],
    letters: list[Letter],
    cipher: LetterCipher | None = None,
) -> Path:
    """Write the unsaved work to the first place that takes it; OSError if none does.

    With a `cipher` (the letters are protected) the letters are sealed with it, so no letter's
    words ever reach a disk, even a temporary one, in plain text.
    """
    plain_letters = [letter.to_dict() for letter in letters]
    document: dict[str, object] = {"practices": [record.to_dict() for record in practices]}
    if cipher is None:
        document["letters"] = plain_letters
    else:
        sealed = cipher.encrypt(json.dumps(plain_letters, ensure_ascii=False).encode("utf-8"))
        document["letters"] = []
        document["sealed_letters"] = base64.b64encode(sealed).decode("ascii")
    payload = json.dumps(document, ensure_ascii=False).encode("utf-8")
    name = f"pending-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}.json"
    last_error: OSError | None = None
    for folder in places(root):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
            os.chmod(folder, PRIVATE)
            write_atomically(folder / name, payload)
        except OSError as error:
            log.warning("Could not keep unsaved work in %s: %r", folder, error)
            last_error = error
            with contextlib.suppress(OSError):  # left empty, so that no start need look into it
                folder.rmdir()
            continue
        return folder / name
    assert last_error is not None
    raise last_error


def found(root: Path) -> list[Pending]:
    """Every pending file kept for `root`, read (an unreadable one is logged and left alone)."""
    kept = []
    outside = [mine for mine in _outside() if _holds_work(mine)]
    folders = [root / FOLDER, *(mine / _key(root) for mine in outside)]  # as `places` orders them
    for folder in folders:
        with contextlib.suppress(OSError):
            for path in sorted(folder.glob("pending-*.json")):
                pending = _read(path)
                if pending is not None:
                    kept.append(pending)
    return kept


def _holds_work(outside: Path) -> bool:
    """Whether a folder in `outside` (one per data folder) holds anything: if none does, no work
    waits there for any data folder, and no key is needed. An emptied one left behind (e.g. by a
    close that ended before it could tidy up) costs a look, not the key (hashlib's import)."""
    try:
        with os.scandir(outside) as entries:
            return any(_holds_any(entry.path) for entry in entries)
    except OSError:  # none there, or one we may not look into: nothing of ours can be kept there
        return False


def _holds_any(folder: str | Path) -> bool:
    """Whether `folder` holds anything: if not, no work waits there, and no key is needed."""
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is not None
    except OSError:  # none there, or one we may not look into: nothing of ours can be kept there
        return False


def _read(path: Path) -> Pending | None:
    # Here: most starts find no pending file, and need no letters or records to read one.
    from compassion_app.core.letters import Letter
    from compassion_app.core.records import PracticeRecord

    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict):  # a list or a number: not ours, left where it is
            raise TypeError("a pending file holds a map")
        sealed = data.get("sealed_letters")
        return Pending(
            path,
            [PracticeRecord.from_dict(item) for item in data["practices"]],
            [Letter.from_dict(item) for item in data["letters"]],
            base64.b64decode(sealed, validate=True) if sealed is not None else None,
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError, binascii.Error) as error:
        log.warning("Pending file %s could not be read: %r", path, error)
        return None


def unsealed(pending: Pending, cipher: LetterCipher) -> list[Letter] | None:
    """The sealed letters of `pending`, opened with `cipher`; None if it cannot open them."""
    if pending.sealed is None:
        return []
    from compassion_app.core.letters import Letter  # here: as in _read (start-up)

    try:
        items = json.loads(cipher.decrypt(pending.sealed))
        return [Letter.from_dict(item) for item in items]
    except Exception as error:  # a cipher's own error types are its business
        log.warning("Sealed letters in %s could not be opened: %r", pending.path, error)
        return None


def done_with(pending: Pending) -> None:
    with contextlib.suppress(FileNotFoundError):
        pending.path.unlink()
    if pending.path.parent.name != FOLDER:  # the data folder's own place stays; one outside goes
        with contextlib.suppress(OSError):  # once empty, so later starts need not look for it
            pending.path.parent.rmdir()
