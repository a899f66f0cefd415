"""A full or locked disk: the person is told plainly, nothing saved is lost, nothing is dropped.

Faults are injected by making os.fsync or os.replace fail inside the store, as a full disk would.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from compassion_app.store import storage
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError

from .samples import failing, on_day, saved_on_disk, year_file


@pytest.fixture
def file_store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path) as store:
        yield store


@pytest.mark.parametrize("broken_call", ["fsync", "replace"])
def test_a_failed_save_keeps_everything_saved_before(
    file_store: Store, store_path: Path, broken_call: str
) -> None:
    file_store.add_practice(on_day(1))
    before = year_file(store_path).read_bytes()

    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(os, broken_call, failing(errno.ENOSPC))
        file_store.add_practice(on_day(2))

    assert year_file(store_path).read_bytes() == before
    assert saved_on_disk(store_path) == ["2024-03-01"]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "because the disk is full"),
        (errno.EACCES, "not allowed to write to the folder"),
        (errno.EIO, "a problem writing to the disk"),
    ],
)
def test_the_person_is_told_why_in_plain_words(file_store: Store, code: int, reason: str) -> None:
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError) as raised:
        disk.setattr(os, "fsync", failing(code))
        file_store.add_practice(on_day(1))

    message = str(raised.value)
    assert message.startswith("Your practice could not be saved")
    assert reason in message
    assert "Everything saved earlier is safe" in message
    assert "will be saved as soon as saving works again" in message


def test_a_practice_that_could_not_be_saved_is_kept_and_saved_next_time(
    file_store: Store, store_path: Path
) -> None:
    file_store.add_practice(on_day(1))
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(os, "fsync", failing(errno.ENOSPC))
        file_store.add_practice(on_day(2))

    # Still shown (the person did practise), but honestly counted as waiting.
    assert file_store.pending_count == 1
    assert [r.local_date.day for r in file_store.practices()] == [1, 2]
    assert [r.local_date.day for r in file_store.recent_practices(1)] == [2]
    assert saved_on_disk(store_path) == ["2024-03-01"]

    file_store.add_practice(on_day(3))

    assert file_store.pending_count == 0
    assert saved_on_disk(store_path) == ["2024-03-01", "2024-03-02", "2024-03-03"]


def test_several_failed_saves_all_wait_and_are_saved_together(
    file_store: Store, store_path: Path
) -> None:
    with pytest.MonkeyPatch.context() as disk:
        disk.setattr(os, "replace", failing(errno.ENOSPC))
        for day in (1, 2):
            with pytest.raises(StoreWriteError):
                file_store.add_practice(on_day(day))
        assert file_store.pending_count == 2
        with pytest.raises(StoreWriteError, match="Your last 2 practices could not be saved"):
            file_store.save_pending()

    file_store.save_pending()

    assert file_store.pending_count == 0
    assert saved_on_disk(store_path) == ["2024-03-01", "2024-03-02"]


def test_a_retry_after_a_half_finished_save_makes_no_duplicates(
    file_store: Store, store_path: Path
) -> None:
    # The new file was renamed into place, then syncing its folder failed: the practice is on
    # disk, but the store cannot be sure, so it keeps it waiting. The retry must not add it twice.
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(storage, "fsync_directory", failing(errno.EIO))
        file_store.add_practice(on_day(1))
    assert [r.local_date.day for r in file_store.practices()] == [1]

    file_store.add_practice(on_day(2))

    assert saved_on_disk(store_path) == ["2024-03-01", "2024-03-02"]


def test_a_waiting_practice_is_saved_when_the_store_closes(store_path: Path) -> None:
    store = Store.open(store_path)
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(os, "fsync", failing(errno.ENOSPC))
        store.add_practice(on_day(1))

    store.close()

    assert saved_on_disk(store_path) == ["2024-03-01"]


def test_closing_says_so_when_a_waiting_practice_still_cannot_be_saved(store_path: Path) -> None:
    store = Store.open(store_path)
    with pytest.MonkeyPatch.context() as disk:
        disk.setattr(os, "fsync", failing(errno.ENOSPC))
        with pytest.raises(StoreWriteError):
            store.add_practice(on_day(1))
        with pytest.raises(StoreWriteError) as raised:
            store.close()

    message = str(raised.value)
    assert message.startswith("Your last practice could not be saved because the disk is full")
    assert "will be saved" not in message  # no promise we cannot keep after closing
    assert saved_on_disk(store_path) == []


def test_a_setting_that_could_not_be_saved_keeps_its_old_value(
    file_store: Store, store_path: Path
) -> None:
    file_store.set_setting("theme", "light")
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError) as raised:
        disk.setattr(os, "replace", failing(errno.EACCES))
        file_store.set_setting("theme", "dusk")

    assert str(raised.value).startswith("Your setting could not be saved")
    assert file_store.get_setting("theme", "") == "light"
    file_store.close()
    with Store.open(store_path) as fresh:
        assert fresh.get_setting("theme", "") == "light"


def test_saving_a_setting_also_saves_a_waiting_practice(
    file_store: Store, store_path: Path
) -> None:
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(os, "fsync", failing(errno.ENOSPC))
        file_store.add_practice(on_day(1))

    file_store.set_setting("theme", "dusk")

    assert file_store.pending_count == 0
    assert saved_on_disk(store_path) == ["2024-03-01"]


def test_a_first_practice_that_could_not_be_saved_still_counts_as_practised(
    file_store: Store,
) -> None:
    with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError):
        disk.setattr(os, "fsync", failing(errno.ENOSPC))
        file_store.add_practice(on_day(1))

    assert file_store.has_practices()  # so the welcome does not greet them as someone new
