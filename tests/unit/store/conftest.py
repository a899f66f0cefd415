"""Fixtures for the store tests: where the file lives, and a store on disk or in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compassion_app.store.db import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    # A folder that does not exist yet, as on a first start.
    return tmp_path / "Compassion Companion" / "practice.json"


@pytest.fixture(params=["file", "memory"])
def store(request: pytest.FixtureRequest, store_path: Path) -> Iterator[Store]:
    """The same behaviour is expected on disk and in the in-memory store other tests use."""
    opened = Store.open(store_path) if request.param == "file" else Store.in_memory()
    with opened:
        yield opened
