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
def full_disk() -> Iterator[None]:
    """Every fsync fails with ENOSPC, as on a full disk (root ignores read-only folders)."""

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

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
