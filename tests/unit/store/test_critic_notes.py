"""A critic note is kept beside the letters: the same files, the same passphrase, the same list."""

import pytest

from compassion_app.core.critic_notes import critic_note, is_critic_note
from compassion_app.store.letters import LettersLocked
from compassion_app.store.passphrase import KdfCost, protect, unlock
from helpers.letter_disk import full_disk, open_store

QUICK = KdfCost(memory_kib=8 * 1024, iterations=1, lanes=1)
SAID = "You always get it wrong"
REPLY = "You are learning, and that takes time"


def test_a_note_comes_back_after_a_restart_listed_and_marked_with_the_letters(tmp_path):
    with open_store(tmp_path) as store:
        assert not store.letters_locked()  # no passphrase: nothing to open first
        store.save_letter(critic_note(SAID, REPLY))
    with open_store(tmp_path) as store:
        (summary,) = store.letters()
        assert is_critic_note(summary)
        note = store.letter(summary.letter_id)
    assert is_critic_note(note) and note.finished
    assert note.body.split("\n\n") == [
        f"What the critic said: {SAID}",
        f"What my compassionate self says back: {REPLY}",
    ]


def test_a_note_changed_again_stays_one_note(tmp_path):
    with open_store(tmp_path) as store:
        first = critic_note(SAID, "")
        store.save_letter(first)
        store.save_letter(critic_note(SAID, REPLY, kept=first))
    with open_store(tmp_path) as store:
        (summary,) = store.letters()
        assert REPLY in store.letter(summary.letter_id).body


def test_behind_the_passphrase_a_note_is_sealed_on_disk_and_opens_with_it(tmp_path):
    with open_store(tmp_path) as store:
        store.set_letter_cipher(protect(tmp_path, "warm tea at dawn", QUICK))
        store.save_letter(critic_note(SAID, REPLY))
    on_disk = b"".join(path.read_bytes() for path in (tmp_path / "letters").rglob("*.json"))
    assert SAID.encode() not in on_disk and REPLY.encode() not in on_disk
    with open_store(tmp_path) as store:
        assert store.letters_locked()
        with pytest.raises(LettersLocked):
            store.letters()  # no key yet: nothing is read
        store.set_letter_cipher(unlock(tmp_path, "warm tea at dawn"))
        assert not store.letters_locked()
        (summary,) = store.letters()
        assert is_critic_note(summary)
        assert SAID in store.letter(summary.letter_id).body


def test_a_note_that_cannot_be_written_is_kept_waiting_and_saved_with_the_next_save(tmp_path):
    from compassion_app.store.errors import StoreWriteError

    with open_store(tmp_path) as store:
        note = critic_note(SAID, REPLY)
        with full_disk(), pytest.raises(StoreWriteError):
            store.save_letter(note)
        assert [s.letter_id for s in store.letters()] == [note.letter_id]  # still shown
        store.save_pending()
    with open_store(tmp_path) as store:
        (summary,) = store.letters()
        assert is_critic_note(summary)
