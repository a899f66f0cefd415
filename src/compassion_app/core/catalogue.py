"""The catalogue: what lists show of each exercise, kept from the last reading of the scripts.

Start-up needs only an exercise's id, title, kind, summary and lengths to fill Today; reading
every script for them (TOML, the line map, the checks) costs more than everything else the library
does before the first paint. So once the scripts have been read and laid out, the app keeps what
each file gave (its listing, or its problem in the words the person was told) in a small JSON
file, with each file's name, size and checksum. The next start lists from it when every script
file present is the one it describes; the window reads the scripts themselves a moment after it
first appears, and their reading is the truth (library.py).

Keyed by content rather than by change time and inode, so that the catalogue made from the bundled
scripts when they are written (SHIPPED, beside them) holds in every copy of the app: someone new,
with no catalogue of their own yet, starts from it too. Reading a dozen small files for their
checksum costs a fraction of a millisecond; parsing them costs over ten.

Only what the files gave is kept, never a conclusion: a catalogue that is missing, damaged, from
another version of the app, or that does not match the files exactly is set aside, and the
scripts are read as if there were none.
"""

from __future__ import annotations

import json
import logging
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from compassion_app import __version__

if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript

log = logging.getLogger(__name__)

FORMAT = 1  # of the file itself; a different one is set aside
SHIPPED = "catalogue.json"  # beside the bundled scripts: written with them (tools/catalogue.py)
FileKey = tuple[int, int]  # size and CRC-32 of the file's bytes: see content_key
T = TypeVar("T")


class Listing(NamedTuple):
    """What a list shows of one exercise: enough to choose it, not to play it."""

    exercise_id: str
    title: str
    kind: str
    summary: str
    minutes: tuple[int, ...]
    default_minutes: int


def listing_of(script: ExerciseScript) -> Listing:
    """What lists show of a script read: its fields of the same names, so that a list takes
    either (and a field added to Listing is one ExerciseScript must have)."""
    return Listing._make(getattr(script, name) for name in Listing._fields)


class Entry(NamedTuple):
    """One script file as last read: the exercise it gave, or its problem (in the words told)."""

    name: str  # the file's name in its folder: the bundled one, or the person's own
    key: FileKey
    own: bool  # in the person's own folder
    listing: Listing | None
    problem: str | None


def content_key(path: Path) -> FileKey:
    """What tells one version of a file from another (OSError if it cannot be read)."""
    raw = path.read_bytes()
    return len(raw), zlib.crc32(raw)


def catalogue_bytes(entries: list[Entry]) -> bytes:
    files = [
        {
            "name": entry.name,
            "key": list(entry.key),
            "own": entry.own,
            "listing": entry.listing._asdict() if entry.listing else None,
            "problem": entry.problem,
        }
        for entry in entries
    ]
    document = {"format": FORMAT, "app": __version__, "files": files}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def read_catalogue(path: Path) -> list[Entry] | None:
    """The entries kept in `path`; None if there is none, or it cannot be trusted whole."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.info("The exercise catalogue could not be read, so the scripts are: %s", error)
        return None
    try:
        return entries_of(json.loads(raw))
    except (ValueError, TypeError, KeyError) as error:
        log.info("The exercise catalogue was set aside, so the scripts are read: %r", error)
        return None


def entries_of(document: Any) -> list[Entry] | None:
    """The entries of a catalogue read from JSON (None: another format or version of the app);
    ValueError, TypeError or KeyError for anything not of the shape catalogue_bytes writes."""
    document = _exact(dict, document)
    if document.get("format") != FORMAT or document.get("app") != __version__:
        return None
    return [_entry(_exact(dict, found)) for found in _exact(list, document["files"])]


def _entry(found: dict[str, Any]) -> Entry:
    size, checksum = (_exact(int, number) for number in _exact(list, found["key"]))
    listed, problem = found["listing"], found["problem"]
    if (listed is None) == (problem is None):
        raise ValueError("an entry gives either a listing or a problem")
    listing = None if listed is None else _listing(_exact(dict, listed))
    return Entry(
        name=_exact(str, found["name"]),
        key=(size, checksum),
        own=_exact(bool, found["own"]),
        listing=listing,
        problem=None if problem is None else _exact(str, problem),
    )


def _listing(found: dict[str, Any]) -> Listing:
    minutes = tuple(_exact(int, number) for number in _exact(list, found["minutes"]))
    default = _exact(int, found["default_minutes"])
    if not minutes or default not in minutes:
        raise ValueError("a listing offers its default length")
    return Listing(
        exercise_id=_exact(str, found["exercise_id"]),
        title=_exact(str, found["title"]),
        kind=_exact(str, found["kind"]),
        summary=_exact(str, found["summary"]),
        minutes=minutes,
        default_minutes=default,
    )


def _exact(kind: type[T], value: object) -> T:
    # type() rather than isinstance(): True is not a length, nor 1 an answer to "own?".
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value
