"""A real store for the letters tests, and a disk that can be made full for a while."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from compassion_app.store.db import Store


def open_store(folder: Path) -> Store:
    return Store.open(folder / "compassion-companion.json")


@contextmanager
def full_disk(code: int = errno.ENOSPC) -> Iterator[None]:
    """Every fsync fails with `code`: ENOSPC as on a full disk, EROFS as on a read-only one
    (made this way because root, which the tests may run as, may write to read-only folders)."""

    def no_space(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    with pytest.MonkeyPatch.context() as disk:
        disk.setattr(os, "fsync", no_space)
        yield


def body_on_disk(folder: Path, letter_id: str | None = None) -> str:
    """The latest version's words as a fresh store reads them from disk (close the test's store
    first: one store at a time holds the folder)."""
    store = open_store(folder)
    try:
        summaries = store.letters()
        wanted = letter_id or summaries[0].letter_id
        return store.letter(wanted).body
    finally:
        store.close()
