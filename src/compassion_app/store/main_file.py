"""The main file's own tables: the settings and the rest days, read once and kept in memory.

Both are small, and they are what start-up needs before the first paint. Each value read from disk
is checked; a document that is not what it should be is skipped (and logged), never fatal.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, TypeVar, cast

from tinydb import TinyDB

from compassion_app.store.migrations import REST_DAYS_TABLE, SETTINGS_TABLE

T = TypeVar("T")

log = logging.getLogger(__name__)


class Settings:
    """The settings table, read once: a key -> (document id, value) map, validated."""

    def __init__(self, db: TinyDB) -> None:
        self._table = db.table(SETTINGS_TABLE)
        self._values: dict[str, tuple[int, Any]] = {}
        for document in self._table.all():
            key, value = document.get("key"), document.get("value", MISSING)
            if not isinstance(key, str) or value is MISSING:
                log.warning("Skipping an unreadable setting (document %s)", document.doc_id)
                continue
            self._values[key] = (document.doc_id, value)

    def get(self, key: str, default: T) -> T:
        found = self._values.get(key)
        if found is None:
            return default
        value = found[1]
        if not same_kind(value, default):
            log.warning("Setting %r holds a %s; using its default", key, type(value).__name__)
            return default
        return cast(T, value)

    def everything(self) -> dict[str, Any]:
        return {key: value for key, (_doc_id, value) in self._values.items()}

    def set(self, key: str, value: Any) -> None:
        found = self._values.get(key)
        try:
            if found is None:
                doc_id = self._table.insert({"key": key, "value": value})
            else:
                doc_id = found[0]
                self._table.update({"value": value}, doc_ids=[doc_id])
        except BaseException:
            self._table.clear_cache()
            raise
        self._values[key] = (doc_id, value)


class RestDays:
    def __init__(self, db: TinyDB) -> None:
        self._table = db.table(REST_DAYS_TABLE)
        self.days: dict[date, int] = {}
        for document in self._table.all():
            try:
                self.days[date.fromisoformat(str(document["day"]))] = document.doc_id
            except (KeyError, ValueError):
                log.warning("Skipping an unreadable rest day (document %s)", document.doc_id)

    def set(self, day: date, rest: bool) -> None:
        doc_id = self.days.get(day)
        if rest and doc_id is None:
            self.days[day] = self._table.insert({"day": day.isoformat()})
        elif not rest and doc_id is not None:
            self._table.remove(doc_ids=[doc_id])
            del self.days[day]


MISSING = object()


def same_kind(value: object, default: object) -> bool:
    """Whether a stored value can stand where `default` does (None as default accepts all)."""
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))
