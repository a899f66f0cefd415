"""Passphrase protection: the data key, its wrapping, changing the passphrase, wrong ones."""

import contextlib
import json
import os
import subprocess
import sys

import pytest

from compassion_app.store.passphrase import (
    KEY_FILE,
    KdfCost,
    WrongPassphrase,
    change_passphrase,
    is_protected,
    protect,
    unlock,
)

QUICK = KdfCost(memory_kib=8 * 1024, iterations=1, lanes=1)  # for tests that are not about cost


def test_a_sealed_letter_opens_only_with_the_right_passphrase(tmp_path):
    cipher = protect(tmp_path, "warm tea at dawn", QUICK)
    sealed = cipher.encrypt("Dear me, 你好 😊".encode())
    assert b"Dear me" not in sealed
    assert unlock(tmp_path, "warm tea at dawn").decrypt(sealed) == "Dear me, 你好 😊".encode()
    before = (tmp_path / KEY_FILE).read_bytes()
    with pytest.raises(WrongPassphrase) as wrong:
        unlock(tmp_path, "warm tea at dusk")
    assert "does not open your letters" in str(wrong.value)
    assert (tmp_path / KEY_FILE).read_bytes() == before  # a wrong try overwrites nothing


def test_each_write_has_a_fresh_nonce(tmp_path):
    cipher = protect(tmp_path, "pass", QUICK)
    assert cipher.encrypt(b"same words") != cipher.encrypt(b"same words")


def test_tampered_or_foreign_bytes_are_refused(tmp_path):
    cipher = protect(tmp_path, "pass", QUICK)
    sealed = bytearray(cipher.encrypt(b"words"))
    sealed[-1] ^= 1
    with pytest.raises(ValueError):
        cipher.decrypt(bytes(sealed))
    with pytest.raises(ValueError):
        cipher.decrypt(b'{"plain": "json"}')


def test_the_default_cost_is_argon2id_with_64_mib_and_3_passes_and_a_random_salt(tmp_path):
    protect(tmp_path / "a", "pass")
    protect(tmp_path / "b", "pass")
    first = json.loads((tmp_path / "a" / KEY_FILE).read_text())
    second = json.loads((tmp_path / "b" / KEY_FILE).read_text())
    assert first["kdf"] == "argon2id"
    assert first["memory_kib"] >= 64 * 1024 and first["iterations"] >= 3
    assert first["salt"] != second["salt"]
    assert oct((tmp_path / "a" / KEY_FILE).stat().st_mode & 0o777) == "0o600"


def test_changing_the_passphrase_keeps_every_letter_readable(tmp_path):
    cipher = protect(tmp_path, "old words", QUICK)
    sealed = cipher.encrypt(b"a letter")
    change_passphrase(tmp_path, "old words", "new words", QUICK)
    assert unlock(tmp_path, "new words").decrypt(sealed) == b"a letter"
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path, "old words")
    with pytest.raises(WrongPassphrase):
        change_passphrase(tmp_path, "not it", "other", QUICK)
    assert unlock(tmp_path, "new words").decrypt(sealed) == b"a letter"


KILLED_CHANGE = """
import os, sys
from pathlib import Path
import compassion_app.store.storage as storage
from compassion_app.store.passphrase import KdfCost, change_passphrase
real_replace = os.replace
def dying_replace(source, target):
    if sys.argv[2] == "before":
        os.kill(os.getpid(), 9)
    real_replace(source, target)
    os.kill(os.getpid(), 9)
storage.os.replace = dying_replace
change_passphrase(Path(sys.argv[1]), "old", "new", KdfCost(8192, 1, 1))
"""


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_change_killed_half_way_leaves_exactly_one_passphrase_working(tmp_path, moment):
    cipher = protect(tmp_path, "old", QUICK)
    sealed = cipher.encrypt(b"kept safe")
    killed = subprocess.run([sys.executable, "-c", KILLED_CHANGE, str(tmp_path), moment])
    assert killed.returncode == -9
    opened = []
    for passphrase in ("old", "new"):
        with contextlib.suppress(WrongPassphrase):
            opened.append(unlock(tmp_path, passphrase).decrypt(sealed))
    assert opened == [b"kept safe"]
    assert is_protected(tmp_path)
    assert [name for name in os.listdir(tmp_path) if not name.startswith(".")] == [KEY_FILE]
