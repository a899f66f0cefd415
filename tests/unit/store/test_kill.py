"""Killed at any moment (SIGKILL, no goodbye), the store loses nothing whose save had returned.

A child process saves practices and letters through the real Store, printing each one after the
call returns; the parent kills it at a random moment, then opens the store and checks that every
printed practice and letter version is there, and that no temporary file is left. A few trials run
by default; the full set (with some on a store pre-filled with ten years) runs with -m slow.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from compassion_app.store.db import Store

from .samples import temp_files
from .ten_years import v1_letters, v1_practices, write_v1_file

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
CHILD = Path(__file__).with_name("kill_child.py")


def kill_at_random(path: Path, run: str, chance: random.Random, longest: float) -> list[str]:
    """Start the child, kill it after a random while; the lines it had printed."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), run],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready == "ready\n", child.stderr.read() if child.stderr else ""
    time.sleep(chance.uniform(0.0, longest))
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    lines = out.split("\n")
    return lines[:-1]  # the last piece may be a line cut short by the kill


def check_everything_returned_is_kept(path: Path, printed: list[str]) -> None:
    with Store.open(path) as store:
        ids = {record.record_id for record in store.practices()}
        for line in printed:
            kind, *fields = line.split()
            if kind == "P":
                assert fields[0] in ids, line
                continue
            letter_id, version, n = fields[0], int(fields[1]), int(fields[2])
            saved = {v.version: v for v in store.letter_versions(letter_id)}
            assert version in saved, line
            # A later save of the same version may have landed too; never an older one.
            assert int(saved[version].body.split()[1]) >= n, line
    assert temp_files(path.parent) == []


def trials(
    tmp_path: Path, count: int, seed: int, prefilled: Path | None = None, longest: float = 0.4
) -> int:
    """Run `count` folders of two kills each; how many kills came after at least one save."""
    chance = random.Random(seed)
    landed = 0
    for trial in range(count):
        folder = tmp_path / f"trial-{trial}"
        if prefilled is not None:
            shutil.copytree(prefilled, folder)
        path = folder / "store.json"
        printed: list[str] = []
        for run in range(2):  # a second life after the kill, on the same folder
            lines = kill_at_random(path, f"t{trial}r{run}", chance, longest)
            landed += bool(lines)
            printed += lines
            check_everything_returned_is_kept(path, printed)
        shutil.rmtree(folder)
    return landed


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("ten-years")
    path = folder / "store.json"
    first = date.today().replace(year=date.today().year - 10)
    write_v1_file(path, v1_practices(first, 3650, 10), v1_letters(first, 1000), {})
    Store.open(path).close()  # moved into shards once, as the app would
    yield folder


def test_a_few_kills_lose_nothing_that_was_saved(tmp_path: Path) -> None:
    # Some kills may come before the first save on a busy machine; most must come after.
    assert trials(tmp_path, count=3, seed=1) >= 3


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_two_hundred_kills_lose_nothing_that_was_saved(tmp_path: Path, ten_years: Path) -> None:
    # Two kills per folder: 2 x (90 + 20) = 220 kills, 40 of them on ten years of history.
    landed = trials(tmp_path, count=90, seed=2)
    landed += trials(tmp_path / "ten-years", count=20, seed=3, prefilled=ten_years, longest=0.8)
    assert landed >= 150  # kills that came after some saves had returned: the ones that test
