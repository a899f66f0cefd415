"""Closing on a full disk or a read-only folder never drops a practice or a letter.

What cannot be saved goes to a pending file in another writable place; the next open adds it.
The faults are injected only for files inside chosen folders (by the path of the file being
synced), so the other places really can be written, as on a real machine.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compassion_app.core.letters import Letter
from compassion_app.store import pending
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError
from compassion_app.store.passphrase import SealedCipher

from .samples import on_day, saved_on_disk

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")

WRITTEN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
REAL_FSYNC = os.fsync


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's temporary folder, on its own (as if on another disk)."""
    folder = tmp_path / "temporary"
    folder.mkdir()
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def full_disk_under(*folders: Path, code: int = errno.ENOSPC) -> Callable[[int], None]:
    """os.fsync that fails for files (and folders) inside `folders`, as a full disk would."""
    roots = [str(folder) for folder in folders]

    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if any(target == root or target.startswith(root + os.sep) for root in roots):
            raise OSError(code, os.strerror(code))
        REAL_FSYNC(fd)

    return fsync


def unsaved(store: Store, monkeypatch: pytest.MonkeyPatch, *broken: Path) -> Letter:
    """Fail one practice and one letter save, then leave the disk broken."""
    letter = Letter("To me", "words I do not want to lose", WRITTEN, WRITTEN, letter_id="l1")
    monkeypatch.setattr(os, "fsync", full_disk_under(*broken))
    with pytest.raises(StoreWriteError):
        store.add_practice(on_day(1))
    with pytest.raises(StoreWriteError):
        store.save_letter(letter)
    return letter


def test_closing_on_a_full_disk_keeps_the_work_in_the_folders_pending_place(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    root = store_path.parent
    store = Store.open(store_path)
    letter = unsaved(store, monkeypatch, root / "practices", root / "letters")

    with pytest.raises(StoreWriteError) as raised:
        store.close()
    message = str(raised.value)
    assert "could not be saved because the disk is full" in message
    assert str(root / "pending") in message
    assert "next time Compassion Companion opens" in message

    monkeypatch.setattr(os, "fsync", REAL_FSYNC)  # the disk has room again
    with Store.open(store_path) as again:
        assert [r.local_date.day for r in again.practices()] == [1]
        assert again.letter("l1") == letter
        assert again.notice is not None and "have now been added" in again.notice
        assert again.pending_count == 0
    assert saved_on_disk(store_path) == ["2024-03-01"]
    assert list((root / "pending").iterdir()) == []


def test_when_the_whole_folder_is_full_the_work_waits_in_the_temporary_folder(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    store = Store.open(store_path)
    letter = unsaved(store, monkeypatch, store_path.parent)

    with pytest.raises(StoreWriteError) as raised:
        store.close()
    (kept,) = elsewhere.rglob("pending-*.json")
    assert str(kept.parent) in str(raised.value)
    assert b"words I do not want to lose" in kept.read_bytes()

    monkeypatch.setattr(os, "fsync", REAL_FSYNC)  # the disk has room again
    with Store.open(store_path) as again:
        assert len(again.practices()) == 1
        assert again.letter("l1") == letter
    assert not kept.exists()
    assert not kept.parent.exists()  # its emptied folder too: nothing to look for next time


def no_key(root: Path) -> str:
    raise AssertionError("the folder's key was worked out with nothing to find")


def test_a_start_with_nothing_kept_outside_does_not_work_out_where_it_would_be(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    (elsewhere / f"compassion-companion-{os.getuid()}").mkdir()  # left empty by an earlier start
    monkeypatch.setattr(pending, "_key", no_key)
    with Store.open(store_path) as store:
        assert store.notice is None


def test_a_start_with_only_emptied_folders_outside_does_not_work_out_where_it_would_be(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    ours = elsewhere / f"compassion-companion-{os.getuid()}"
    (ours / "0123456789abcdef").mkdir(parents=True)  # emptied, for some other data folder
    (ours / "fedcba9876543210").mkdir()
    monkeypatch.setattr(pending, "_key", no_key)
    with Store.open(store_path) as store:
        assert store.notice is None


def test_when_no_place_can_keep_the_work_none_is_left_to_look_into(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    store = Store.open(store_path)
    unsaved(store, monkeypatch, store_path.parent, elsewhere)
    with pytest.raises(StoreWriteError) as raised:
        store.close()
    assert "could not be kept anywhere else" in str(raised.value)

    monkeypatch.setattr(os, "fsync", REAL_FSYNC)  # the disk has room again
    monkeypatch.setattr(pending, "_key", no_key)  # the folders tried were not left behind
    with Store.open(store_path) as again:
        assert again.notice is None


def test_work_kept_aside_is_not_given_to_another_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    first = tmp_path / "first" / "store.json"
    store = Store.open(first)
    unsaved(store, monkeypatch, first.parent)
    with pytest.raises(StoreWriteError):
        store.close()
    monkeypatch.setattr(os, "fsync", REAL_FSYNC)  # the disk has room again

    with Store.open(tmp_path / "second" / "store.json") as other:
        assert other.practices() == []
        assert other.notice is None


def test_if_the_next_start_still_cannot_save_the_pending_work_stays_kept(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    root = store_path.parent
    store = Store.open(store_path)
    unsaved(store, monkeypatch, root / "practices", root / "letters")
    with pytest.raises(StoreWriteError):
        store.close()

    still_full = Store.open(store_path)  # the disk is still full
    assert still_full.notice is not None and "still kept safely" in still_full.notice
    assert len(still_full.practices()) == 1  # shown, as waiting
    with pytest.raises(StoreWriteError):
        still_full.close()
    monkeypatch.setattr(os, "fsync", REAL_FSYNC)  # the disk has room again
    (kept,) = (root / "pending").glob("pending-*.json")  # one file, not one per start
    with Store.open(store_path) as again:
        assert len(again.practices()) == 1
        assert again.letter("l1").body == "words I do not want to lose"
    assert not kept.exists()


def test_pending_places_are_private_and_keyed_to_the_folder(tmp_path: Path) -> None:
    one = pending.places(tmp_path / "one")
    two = pending.places(tmp_path / "two")
    assert one[0] == tmp_path / "one" / "pending"
    assert one[1:] != two[1:]


def test_protected_letters_are_kept_sealed_until_their_key_is_given(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: Path
) -> None:
    root = store_path.parent
    cipher = SealedCipher(os.urandom(32))
    store = Store.open(store_path)
    store.set_letter_cipher(cipher)
    letter = unsaved(store, monkeypatch, root / "practices", root / "letters")
    with pytest.raises(StoreWriteError):
        store.close()
    (kept,) = (root / "pending").glob("pending-*.json")
    assert b"words I do not want to lose" not in kept.read_bytes()
    monkeypatch.setattr(os, "fsync", REAL_FSYNC)

    with Store.open(store_path) as locked:
        assert locked.notice is not None and "sealed with your letters' passphrase" in locked.notice
        assert len(locked.practices()) == 1  # practices hold no secret: added at once
        assert kept.exists()
    with Store.open(store_path) as unlocked:
        unlocked.set_letter_cipher(cipher)
        assert unlocked.letter("l1") == letter
    assert not kept.exists()
    with Store.open(store_path) as again:
        again.set_letter_cipher(cipher)
        assert again.letter("l1") == letter
        assert len(again.practices()) == 1


@pytest.mark.parametrize("content", ["[]", "7", "null"])
def test_a_pending_file_that_is_not_ours_is_left_alone_and_the_store_opens(
    store_path: Path, elsewhere: Path, content: str
) -> None:
    folder = store_path.parent / "pending"
    folder.mkdir(parents=True)
    (folder / "pending-odd.json").write_text(content, encoding="utf-8")
    with Store.open(store_path) as store:
        assert store.practices() == []
    assert (folder / "pending-odd.json").read_text(encoding="utf-8") == content
