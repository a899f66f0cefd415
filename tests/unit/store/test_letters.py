"""Letters: every version kept, a cheap autosave, a list and a search that stay quick."""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from compassion_app.core.letters import Letter
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreWriteError
from compassion_app.store.letters import LettersLocked
from compassion_app.store.passphrase import SealedCipher

from .samples import failing

BEGUN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def letter(title: str = "To the one who tries", body: str = "Dear you,", n: int = 0) -> Letter:
    when = BEGUN + timedelta(hours=n)
    return Letter(title, body, when, when, letter_id=f"letter{n:03d}")


class Reversing:
    """A stand-in cipher: enough to tell plain bytes on disk from sealed ones."""

    def encrypt(self, plain: bytes) -> bytes:
        return b"sealed:" + plain[::-1]

    def decrypt(self, sealed: bytes) -> bytes:
        if not sealed.startswith(b"sealed:"):
            raise ValueError("not sealed")
        return sealed[len(b"sealed:") :][::-1]


def test_an_autosaved_letter_comes_back_with_its_latest_words(store: Store) -> None:
    draft = letter()
    store.save_letter(draft)
    store.save_letter(draft.edited(draft.title, "Dear you, I see how hard", BEGUN))

    assert store.letter(draft.letter_id).body == "Dear you, I see how hard"
    assert [v.version for v in store.letter_versions(draft.letter_id)] == [1]


def test_revising_keeps_every_earlier_version_untouched(store_path: Path) -> None:
    first = letter(body="Version one")
    second = first.revised(BEGUN + timedelta(days=1)).edited(first.title, "Version two")
    with Store.open(store_path) as store:
        store.save_letter(first)
        store.save_letter(second)
        store.save_letter(second.edited(first.title, "Version two, kinder"))

    with Store.open(store_path) as again:
        versions = again.letter_versions(first.letter_id)
        assert [v.body for v in versions] == ["Version one", "Version two, kinder"]
        assert again.letter(first.letter_id).version == 2
        (summary,) = again.letters()
        assert summary.versions == 2


def test_the_list_is_newest_changed_first(store: Store) -> None:
    for n in range(3):
        store.save_letter(letter(f"Letter {n}", n=n))
    old = store.letter("letter000")
    store.save_letter(old.edited("Letter 0, again", old.body, BEGUN + timedelta(days=2)))

    assert [s.title for s in store.letters()] == ["Letter 0, again", "Letter 2", "Letter 1"]


def test_search_ignores_case_and_looks_in_titles_and_latest_words(store: Store) -> None:
    store.save_letter(letter("Morning", "I am learning to be GENTLE", n=0))
    store.save_letter(letter("Gentle evening", "It was a long day", n=1))
    store.save_letter(letter("Work", "Deadlines again", n=2))
    assert {s.title for s in store.search_letters("gentle")} == {"Morning", "Gentle evening"}

    changed = store.letter("letter000").edited("Morning", "Nothing soft here")
    store.save_letter(changed)
    assert [s.title for s in store.search_letters("GENTLE")] == ["Gentle evening"]
    assert store.search_letters("nowhere") == []


def test_a_letter_that_was_never_saved_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.letter("nosuchletter")
    assert store.letter_versions("nosuchletter") == []


def test_deleting_a_letter_removes_it_its_backups_and_its_folder(store_path: Path) -> None:
    with Store.open(store_path) as store:
        kept, gone = letter("Keep", n=1), letter("Let go", "private words", n=2)
        store.save_letter(kept)
        store.save_letter(gone)
        store.save_letter(gone.edited("Let go", "private words, again"))
        recording = store.letter_folder(gone.letter_id) / "voice.ogg"
        recording.write_bytes(b"a voice")
        store.delete_letter(gone.letter_id)
        assert [s.title for s in store.letters()] == ["Keep"]
        assert not recording.exists()

    with Store.open(store_path) as again:
        assert [s.title for s in again.letters()] == ["Keep"]
        assert again.search_letters("private") == []
    leftovers = [p for p in store_path.parent.rglob("*") if gone.letter_id in p.name]
    assert leftovers == []


def test_a_letters_folder_is_private_and_its_own(store_path: Path) -> None:
    with Store.open(store_path) as store:
        one, two = store.letter_folder("letter001"), store.letter_folder("letter002")
        assert one.is_dir() and one != two
        if os.name != "nt":
            assert one.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", "", "index", "keys", "x" * 65])
def test_an_id_that_is_not_a_plain_name_is_refused(store: Store, bad_id: str) -> None:
    with pytest.raises(ValueError):
        store.save_letter(Letter("t", "b", BEGUN, BEGUN, letter_id=bad_id))


def test_a_letter_that_could_not_be_saved_stays_and_is_saved_next_time(store_path: Path) -> None:
    with Store.open(store_path) as store:
        draft = letter(body="words worth keeping")
        with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError) as raised:
            disk.setattr(os, "fsync", failing(errno.ENOSPC))
            store.save_letter(draft)
        assert str(raised.value).startswith("Your letter could not be saved because the disk")
        assert store.pending_count == 1
        assert store.letter(draft.letter_id).body == "words worth keeping"  # still shown
        assert [s.title for s in store.letters()] == [draft.title]

        store.save_letter(letter("Another", n=5))
        assert store.pending_count == 0

    with Store.open(store_path) as again:
        assert again.letter(draft.letter_id).body == "words worth keeping"


def test_with_a_cipher_no_letter_words_are_on_disk_in_plain(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.save_letter(letter("Plain before", "written before the key", n=1))
        store.set_letter_cipher(Reversing())
        store.save_letter(letter("Sealed title", "a secret kindness", n=2))
        assert store.letter("letter001").body == "written before the key"

    files = list((store_path.parent / "letters").rglob("*"))
    everything = b"".join(path.read_bytes() for path in files if path.is_file())
    for words in (b"Sealed title", b"a secret kindness", b"Plain before", b"written before"):
        assert words not in everything
    for path in (store_path.parent / "backups").rglob("*"):
        assert not path.is_file() or b"written before" not in path.read_bytes()

    with Store.open(store_path) as again:
        again.set_letter_cipher(Reversing())
        assert again.letter("letter002").body == "a secret kindness"
        assert {s.title for s in again.search_letters("kind")} == {"Sealed title"}


def test_a_letter_whose_index_entry_was_never_written_is_still_listed(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.save_letter(letter("Listed", n=1))
    index = store_path.parent / "letters" / "index.json"
    before = index.read_bytes()
    with Store.open(store_path) as store:
        store.save_letter(letter("Stopped before the index", n=2))
    index.unlink()
    index.write_bytes(before)  # as if the app stopped between the letter's file and the index

    with Store.open(store_path) as again:
        assert {s.title for s in again.letters()} == {"Listed", "Stopped before the index"}


def test_a_letter_file_is_json_with_one_document_per_version(store_path: Path) -> None:
    with Store.open(store_path) as store:
        first = letter(body="one")
        store.save_letter(first)
        store.save_letter(first.revised().edited(first.title, "two"))
    data = json.loads((store_path.parent / "letters" / f"{first.letter_id}.json").read_text())
    assert sorted(data["versions"]) == ["1", "2"]
    assert data["versions"]["2"]["body"] == "two"


def test_an_autosave_is_one_write_and_the_list_still_shows_it_after_a_stop(
    store_path: Path,
) -> None:
    index = store_path.parent / "letters" / "index.json"
    with Store.open(store_path) as store:
        draft = letter("First title", n=1)
        store.save_letter(draft)
        store.save_letter(letter("Another", n=2))
    with Store.open(store_path) as store:
        before, written = index.read_bytes(), index.stat().st_mtime_ns
        store.save_letter(draft.edited("A kinder title", "new words", BEGUN + timedelta(days=3)))
        assert index.read_bytes() == before  # the autosave wrote only the letter's own file
        assert store.letters()[0].title == "A kinder title"
        store.close()
    index.unlink()  # as if the app had stopped before closing: the index as it was
    index.write_bytes(before)
    os.utime(index, ns=(written, written))

    with Store.open(store_path) as again:
        (first, second) = again.letters()
        assert (first.title, first.updated_utc) == ("A kinder title", BEGUN + timedelta(days=3))
        assert second.title == "Another"


def test_sealed_letters_read_without_their_key_are_refused_not_set_aside(
    store_path: Path,
) -> None:
    with Store.open(store_path) as store:
        store.set_letter_cipher(Reversing())
        store.save_letter(letter("Sealed", "kept safe", n=1))

    with Store.open(store_path) as forgetful, pytest.raises(LettersLocked) as raised:
        forgetful.letters()
    assert "protected with a passphrase" in str(raised.value)
    assert list(store_path.parent.rglob("*.corrupt-*")) == []
    with Store.open(store_path) as again:
        again.set_letter_cipher(Reversing())
        assert again.letter("letter001").body == "kept safe"


def test_the_passphrase_sides_cipher_seals_every_letter_file(store_path: Path) -> None:
    cipher = SealedCipher(os.urandom(32))
    with Store.open(store_path) as store:
        store.set_letter_cipher(cipher)
        store.save_letter(letter("Sealed title", "sealed words", n=1))
        assert store.search_letters("sealed")[0].title == "Sealed title"
    for name in ("letter001.json", "index.json"):
        sealed = (store_path.parent / "letters" / name).read_bytes()
        assert b"sealed" not in sealed and b"Sealed" not in sealed
        assert cipher.decrypt(sealed).startswith(b"{")


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "not allowed to write to the folder")],
)
def test_a_failed_letter_save_says_why_and_damages_nothing(
    store_path: Path, code: int, reason: str
) -> None:
    with Store.open(store_path) as store:
        first = letter(body="the first words")
        store.save_letter(first)
        file = store_path.parent / "letters" / f"{first.letter_id}.json"
        before = file.read_bytes()
        with pytest.MonkeyPatch.context() as disk, pytest.raises(StoreWriteError) as raised:
            disk.setattr(os, "replace", failing(code))
            store.save_letter(first.edited(first.title, "the second words"))
        assert reason in str(raised.value)
        assert "Everything saved earlier is safe" in str(raised.value)
        assert file.read_bytes() == before
        assert store.letter(first.letter_id).body == "the second words"  # kept in memory
        store.save_pending()
    with Store.open(store_path) as again:
        assert again.letter(first.letter_id).body == "the second words"
