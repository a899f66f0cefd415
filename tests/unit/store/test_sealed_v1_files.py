"""Letters sealed by the first passphrase version keep opening: these are files people have now.

tests/data/sealed-v1/ is a data folder written once by that version (its maker is
tests/data/make_sealed_v1.py): a key file at a cheap cost, a letter with two versions, the letter
index, a sealed reading, and beside them a key file at the default cost with one sealed line.
The byte vectors below were printed by the same version; any later cipher must match them.
"""

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from compassion_app import messages
from compassion_app.audio.recorder import decode_ogg
from compassion_app.store import passphrase
from compassion_app.store.errors import StoreError
from compassion_app.store.letters import LettersLocked
from compassion_app.store.passphrase import (
    KEY_FILE,
    KdfCost,
    SealedCipher,
    WrongPassphrase,
    is_protected,
    unlock,
)
from helpers.letter_disk import open_store

SEALED_V1 = Path(__file__).parents[2] / "data" / "sealed-v1"
PASSPHRASE = "a quiet harbour at dawn"
LETTER_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
TITLE = "To the part of me that worries"
BODIES = [
    "Dear one, I see how hard you try. 你好 😊",
    "Dear one, I see how hard you try, and you may rest now. 你好 😊",
]
READING_SHA256 = "bb0d15cb84fdbd3b6522e9294128c9b4206b4707c14b0cc843b0b916eadd8fc1"
LINE = b"You are allowed to go gently."


@pytest.fixture
def folder(tmp_path):
    """A copy, so that opening it (which may tidy or re-index) never changes the fixture."""
    return Path(shutil.copytree(SEALED_V1, tmp_path / "data"))


def test_the_letter_opens_with_its_passphrase_every_version_in_its_own_words(folder):
    store = open_store(folder)
    try:
        assert is_protected(folder)
        with pytest.raises(LettersLocked):
            store.letters()  # nothing is read, or set aside as damaged, before the key is given
        store.set_letter_cipher(unlock(folder, PASSPHRASE))
        [summary] = store.letters()
        assert (summary.letter_id, summary.title) == (LETTER_ID, TITLE)
        assert [letter.body for letter in store.letter_versions(LETTER_ID)] == BODIES
        assert store.letter(LETTER_ID).body == BODIES[-1]
        assert store.take_notice() is None  # nothing was found damaged
    finally:
        store.close()
    assert b"Dear one" not in (folder / "letters" / f"{LETTER_ID}.json").read_bytes()


def test_the_sealed_reading_opens_to_the_same_recording(folder):
    cipher = unlock(folder, PASSPHRASE)
    sealed = (folder / "letters" / f"{LETTER_ID}.files" / "reading.ogg").read_bytes()
    ogg = cipher.decrypt(sealed)
    assert hashlib.sha256(ogg).hexdigest() == READING_SHA256
    frames, rate = decode_ogg(ogg)
    assert (rate, len(frames)) == (48_000, 48_000)
    rising = np.count_nonzero((frames[:-1] < 0) & (frames[1:] >= 0))
    assert abs(rising - 440) <= 1  # the 440 Hz tone it was made from, one second of it


def test_a_wrong_passphrase_is_refused_and_changes_nothing(folder):
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    with pytest.raises(WrongPassphrase):
        unlock(folder, "a quiet harbour at dusk")
    with pytest.raises(WrongPassphrase):
        unlock(folder / "default-cost", "a quiet harbour at dusk")
    after = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert after == before


def test_a_key_file_at_the_default_cost_opens_its_sealed_line(folder):
    cipher = unlock(folder / "default-cost", PASSPHRASE)
    assert cipher.decrypt((folder / "default-cost" / "line.sealed").read_bytes()) == LINE
    assert (folder / "default-cost" / KEY_FILE).read_text().count('"memory_kib": 65536') == 1


def test_sealing_gives_the_same_bytes_as_the_first_version(monkeypatch):
    monkeypatch.setattr(passphrase.os, "urandom", lambda size: bytes(range(size)))
    sealed = SealedCipher(bytes(range(32))).encrypt(LINE)
    assert sealed.hex() == (
        "43434c31000102030405060708090a0b1e6da33ba497a73bec2dfbe4c68c1c4df7b9a7539f5b3819561389"
        "fc338a2c9af8c0343ba3df03b5fa227c9823"
    )
    assert SealedCipher(bytes(range(32))).decrypt(sealed) == LINE


@pytest.mark.parametrize(
    ("cost", "key"),
    [
        (KdfCost(), "ae52dc889e577b8337a9d64b72c3b25fecc8c7ddde9f5d3b761eb4d038b58c8d"),
        (
            KdfCost(memory_kib=8192, iterations=2, lanes=4),
            "bf0ba90091f2763f3af99a70016afb3af0b2adb6f607a04d2265f0b4ea266430",
        ),
    ],
)
def test_the_passphrase_gives_the_same_key_as_the_first_version(cost, key):
    assert passphrase._derive(PASSPHRASE, bytes(range(16)), cost).hex() == key


@pytest.mark.parametrize(
    ("field", "value"),
    [("nonce", "AAAA"), ("lanes", 0), ("memory_kib", 1), ("wrapped_key", "not base64!")],
)
def test_a_damaged_key_file_says_so_rather_than_blaming_the_passphrase(folder, field, value):
    record = json.loads((folder / KEY_FILE).read_text())
    (folder / KEY_FILE).write_text(json.dumps(record | {field: value}))
    with pytest.raises(StoreError) as refused:
        unlock(folder, PASSPHRASE)
    assert not isinstance(refused.value, WrongPassphrase)
    assert str(refused.value) == messages.LETTER_KEY_FILE_DAMAGED
