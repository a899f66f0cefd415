"""Export everything to one documented JSON file (or practices to CSV), and import it back.

The format is described in docs/data-format.md. Import checks the whole file before it writes
anything: a malformed file changes nothing, and the message names what is wrong and where. Then it
merges by id: a practice already here is left as it is, a letter version is added or, if the file
holds a newer edit of it, updated; rest days are added; settings fill in only what was not chosen
here. Running the same import twice adds nothing the second time.

Each direction comes in two halves, so a window can do the slow half in a worker thread while
only its own thread touches the store: an export is taken from the store (`taken_for_export`),
then encoded and written (`write_export`); an import is read and checked (`read_export`), then
merged into the store (`merge`).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from compassion_app import messages
from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.reasons import plain_reason
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.store.letters import check_letter_id
from compassion_app.store.reading import ReadOnlyStore
from compassion_app.store.storage import write_atomically

log = logging.getLogger(__name__)

FORMAT = "compassion-companion"
FORMAT_VERSION = 1
CSV_FIELDS = [
    "record_id",
    "exercise_id",
    "started_utc",
    "local_date",
    "utc_offset_minutes",
    "planned_seconds",
    "actual_seconds",
    "completed",
    *(
        f"checkin_{when}_{rating}"
        for when in ("before", "after")
        for rating in ("critic", "warmth", "settled")
    ),
    "breath_rate_start",  # breath-follow: empty unless the person let the app listen
    "breath_rate_end",
]


class ImportProblem(StoreError):
    """The file cannot be imported; nothing was changed. The text says what and where."""


Problem = Callable[[str], ImportProblem]  # the error for "<what> <is wrong>" in this file
# Export only reads, so it works as well from a look that holds no lock (reading.py).
Readable = Store | ReadOnlyStore


@dataclass(frozen=True)
class Exported:
    practices: int
    letters: int | None  # None: the file is a table of practices, which holds no letters


@dataclass(frozen=True)
class Imported:
    practices: int
    versions: int
    rest_days: int
    skipped: int  # entries that were already here


@dataclass
class Contents:
    """What an export file holds, read and checked; nothing of it is in the store yet."""

    practices: list[PracticeRecord]
    letters: list[Letter]  # every version of every letter
    rest_days: set[date]
    settings: dict[str, Any]


# --- export ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    """Everything an export to `path` writes, taken from the store at one moment."""

    path: Path
    practices: list[PracticeRecord]
    document: dict[str, Any] | None  # the JSON export; None for a table of practices (.csv)

    @property
    def counts(self) -> Exported:
        letters = None if self.document is None else len(self.document["letters"])
        return Exported(len(self.practices), letters)


def export_everything(store: Readable, path: Path) -> Exported:
    """Write every practice, letter version, rest day and setting to `path` (.json or .csv)."""
    return write_export(taken_for_export(store, path))


def taken_for_export(store: Readable, path: Path) -> Export:
    """What an export to `path` will hold, read from the store now (the quick half)."""
    practices = store.practices()
    if path.suffix.lower() == ".csv":
        return Export(path, practices, None)
    return Export(path, practices, export_document(store, practices))


def write_export(export: Export) -> Exported:
    """Encode and write `export` (the slow half: it needs no store); StoreError if it fails."""
    if export.document is None:
        payload = practices_csv(export.practices).encode("utf-8")
    else:
        payload = json.dumps(export.document, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        write_atomically(export.path, payload)
    except OSError as error:
        # The place is one the person chose, so the words say what is wrong with it (a folder
        # that is not there, a full disk, ...), as a save elsewhere does.
        reason = plain_reason(error, export.path.parent)
        message = messages.STORE_EXPORT_FAILED.format(path=export.path, reason=reason)
        raise StoreError(message) from error
    return export.counts


def export_document(store: Readable, practices: list[PracticeRecord]) -> dict[str, Any]:
    letters = []
    for summary in sorted(store.letters(), key=lambda s: s.created_utc):
        versions = store.letter_versions(summary.letter_id)
        if versions:
            letters.append({**versions[-1].to_dict(), "versions": [v.to_dict() for v in versions]})
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_utc": datetime.now(UTC).isoformat(),
        "practices": [record.to_dict() for record in practices],
        "letters": letters,
        "rest_days": sorted(day.isoformat() for day in store.rest_days()),
        "settings": store.all_settings(),
    }


def practices_csv(practices: list[PracticeRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in practices:
        row = {k: v for k, v in record.to_dict().items() if not k.startswith("checkin")}
        for when, checkin in (("before", record.checkin_before), ("after", record.checkin_after)):
            for rating, value in (checkin.to_dict() if checkin else {}).items():
                row[f"checkin_{when}_{rating}"] = value
        row["completed"] = "true" if record.completed else "false"
        writer.writerow(row)
    return out.getvalue()


# --- import ------------------------------------------------------------------------------------


def import_file(store: Store, path: Path) -> Imported:
    """Merge the export at `path` into `store`; ImportProblem (nothing changed) if it is bad."""
    return merge(store, read_export(path))


def read_export(path: Path) -> Contents:
    """The export at `path`, read and checked (the slow half: it needs no store); ImportProblem
    if it is not a whole, readable export."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = plain_reason(error, path)
        message = messages.STORE_IMPORT_UNREADABLE.format(path=path, reason=reason)
        raise ImportProblem(message) from error
    if path.suffix.lower() == ".csv":
        return Contents(_csv_practices(path, raw), [], set(), {})
    return _checked(path, _parsed(path, raw))


def _parsed(path: Path, raw: bytes) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not a number JSON allows")

    try:
        return json.loads(raw.decode("utf-8"), parse_constant=refuse)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        # Info, not warning: the app's log keeps it, and the command line's words stay plain.
        log.info("%s is not JSON: %r", path, error)
        line = getattr(error, "lineno", None)  # json.JSONDecodeError knows where it stopped
        where = messages.STORE_IMPORT_NOT_JSON_WHERE.format(line=line) if line else ""
        message = messages.STORE_IMPORT_NOT_JSON.format(path=path, where=where)
        raise ImportProblem(message) from error


def _checked(path: Path, data: Any) -> Contents:
    def problem(text: str) -> ImportProblem:
        return ImportProblem(messages.STORE_IMPORT_INVALID.format(path=path, problem=text))

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise problem(messages.STORE_IMPORT_WRONG_FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise problem('"version" is not a whole number')
    if version > FORMAT_VERSION:
        raise problem(messages.STORE_IMPORT_NEWER.format(found=version, known=FORMAT_VERSION))
    contents = Contents([], [], set(), {})
    for n, item in enumerate(_list(data, "practices", problem)):
        contents.practices.append(_item(PracticeRecord.from_dict, item, f"practices[{n}]", problem))
    for n, item in enumerate(_list(data, "letters", problem)):
        contents.letters += _letter_versions(item, f"letters[{n}]", problem)
    for n, item in enumerate(_list(data, "rest_days", problem)):
        where = f"rest_days[{n}]"
        contents.rest_days.add(_item(date.fromisoformat, item, where, problem, expect=str))
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise problem(
            messages.STORE_IMPORT_BAD_FIELD.format(
                where='"settings"', problem=messages.STORE_IMPORT_NOT_MAP
            )
        )
    for key, value in settings.items():
        _item(_json_value, value, f'settings["{key}"]', problem, expect=object)
    contents.settings = settings
    return contents


def _json_value(value: Any) -> None:
    json.dumps(value, allow_nan=False)  # ValueError for 1e999, which no setting can hold


def _list(data: dict[str, Any], name: str, problem: Problem) -> list[Any]:
    items = data.get(name, [])
    if not isinstance(items, list):
        raise problem(
            messages.STORE_IMPORT_BAD_FIELD.format(
                where=f'"{name}"', problem=messages.STORE_IMPORT_NOT_LIST
            )
        )
    return items


def _item(parse: Any, item: Any, where: str, problem: Problem, expect: type = dict) -> Any:
    """`parse(item)`, or the ImportProblem that names `where` and what is wrong."""
    if not isinstance(item, expect):
        text = messages.STORE_IMPORT_NOT_MAP if expect is dict else messages.STORE_IMPORT_NOT_TEXT
        raise problem(messages.STORE_IMPORT_BAD_FIELD.format(where=where, problem=text))
    try:
        return parse(item)
    except KeyError as missing:  # its one argument is the name of the missing field
        text = messages.STORE_IMPORT_MISSING.format(field=missing.args[0])
    except (TypeError, ValueError, OverflowError) as error:
        log.info("Import: %s cannot be read: %r", where, error)  # which value, and why
        text = messages.STORE_IMPORT_BAD_VALUE
    raise problem(messages.STORE_IMPORT_BAD_FIELD.format(where=where, problem=text))


def _letter_versions(item: Any, where: str, problem: Problem) -> list[Letter]:
    if not isinstance(item, dict):
        raise problem(
            messages.STORE_IMPORT_BAD_FIELD.format(
                where=where, problem=messages.STORE_IMPORT_NOT_MAP
            )
        )
    versions = item.get("versions", [item])
    if not isinstance(versions, list) or not versions:
        text = messages.STORE_IMPORT_NO_VERSIONS
        raise problem(messages.STORE_IMPORT_BAD_FIELD.format(where=where, problem=text))
    letters = []
    for n, version in enumerate(versions):
        place = f"{where}.versions[{n}]"
        letter = _item(Letter.from_dict, version, place, problem)
        _item(check_letter_id, letter.letter_id, place, problem, expect=str)
        if letter.version < 1:
            text = messages.STORE_IMPORT_VERSION_BELOW_1.format(version=letter.version)
            raise problem(messages.STORE_IMPORT_BAD_FIELD.format(where=place, problem=text))
        if letter.letter_id != str(item.get("id", letter.letter_id)):
            text = messages.STORE_IMPORT_OTHER_LETTER
            raise problem(messages.STORE_IMPORT_BAD_FIELD.format(where=place, problem=text))
        letters.append(letter)
    return letters


def _csv_practices(path: Path, raw: bytes) -> list[PracticeRecord]:
    def problem(text: str) -> ImportProblem:
        return ImportProblem(messages.STORE_IMPORT_INVALID.format(path=path, problem=text))

    try:
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    except (UnicodeDecodeError, csv.Error) as error:
        log.info("Import: %s is not a readable table: %r", path, error)
        raise problem(messages.STORE_IMPORT_NOT_TABLE) from error
    records = []
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        records.append(_item(_from_row, row, f"line {n}", problem))
    return records


def _from_row(row: dict[str, str]) -> PracticeRecord:
    document: dict[str, Any] = {
        name: row[name] for name in ("record_id", "exercise_id", "started_utc", "local_date")
    }
    for name in ("utc_offset_minutes", "planned_seconds", "actual_seconds"):
        document[name] = int(row[name])
    document["completed"] = {"true": True, "false": False}[row["completed"]]
    for when in ("before", "after"):
        ratings = {r: row.get(f"checkin_{when}_{r}") or "" for r in ("critic", "warmth", "settled")}
        filled = [value for value in ratings.values() if value != ""]
        document[f"checkin_{when}"] = {k: int(v) for k, v in ratings.items()} if filled else None
    for name in ("breath_rate_start", "breath_rate_end"):  # absent from older exports
        document[name] = float(row[name]) if row.get(name) else None
    return PracticeRecord.from_dict(document)


def merge(store: Store, contents: Contents) -> Imported:
    """Write what is new; everything was checked before this point (`read_export`)."""
    if contents.letters:
        store.letters()  # LettersLocked while protected letters are closed: before any write
    here = {record.record_id for record in store.practices()}
    new: dict[str, PracticeRecord] = {}
    for record in contents.practices:  # the first of any repeated id, as the file lists them
        if record.record_id not in here:
            new.setdefault(record.record_id, record)
    skipped = len(contents.practices) - len(new)
    store.add_practices(list(new.values()))
    versions = 0
    for letter in contents.letters:
        saved = {v.version: v for v in store.letter_versions(letter.letter_id)}.get(letter.version)
        if saved is not None and saved.updated_utc >= letter.updated_utc:
            skipped += 1
            continue
        store.save_letter(letter)
        versions += 1
    rest_days = contents.rest_days - store.rest_days()
    for day in sorted(rest_days):
        store.set_rest_day(day, True)
    chosen = store.all_settings()
    for key, value in contents.settings.items():
        if key not in chosen:
            store.set_setting(key, value)
    return Imported(len(new), versions, len(rest_days), skipped)
