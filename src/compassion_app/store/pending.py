"""Work that could not be saved when the store closed, kept in another place until the next start.

On a full disk or a read-only folder, closing the store must not drop the practice the person just
finished, or the letter they were writing. It goes into a small pending file: in the data folder's
`pending/` if that can still be written, otherwise in the user's runtime or temporary folder (often
another disk). The next `Store.open` looks in the same places, adds what it finds, and says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.store.files import PRIVATE
from compassion_app.store.storage import write_atomically

log = logging.getLogger(__name__)

FOLDER = "pending"


@dataclass
class Pending:
    path: Path
    practices: list[PracticeRecord] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)


def places(root: Path) -> list[Path]:
    """Where pending work for the store in `root` may be kept, in the order they are tried."""
    outside = [Path(folder) for folder in (os.environ.get("XDG_RUNTIME_DIR"),) if folder]
    outside.append(Path(tempfile.gettempdir()))
    # Named after the data folder, so two data folders never pick up each other's work.
    key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    user = getattr(os, "getuid", lambda: 0)()
    return [root / FOLDER, *(base / f"compassion-companion-{user}" / key for base in outside)]


def keep(root: Path, practices: list[PracticeRecord], letters: list[Letter]) -> Path:
    """Write the unsaved work to the first place that takes it; OSError if none does."""
    payload = json.dumps(
        {
            "practices": [record.to_dict() for record in practices],
            "letters": [letter.to_dict() for letter in letters],
        },
        ensure_ascii=False,
    ).encode("utf-8")
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
            continue
        return folder / name
    assert last_error is not None
    raise last_error


def found(root: Path) -> list[Pending]:
    """Every pending file kept for `root`, read (an unreadable one is logged and left alone)."""
    kept = []
    for folder in places(root):
        with contextlib.suppress(OSError):
            for path in sorted(folder.glob("pending-*.json")):
                pending = _read(path)
                if pending is not None:
                    kept.append(pending)
    return kept


def _read(path: Path) -> Pending | None:
    try:
        data = json.loads(path.read_bytes())
        return Pending(
            path,
            [PracticeRecord.from_dict(item) for item in data["practices"]],
            [Letter.from_dict(item) for item in data["letters"]],
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        log.warning("Pending file %s could not be read: %r", path, error)
        return None


def done_with(pending: Pending) -> None:
    with contextlib.suppress(FileNotFoundError):
        pending.path.unlink()
