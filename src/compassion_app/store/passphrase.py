"""Passphrase protection for letters: a random data key, wrapped by a key from the passphrase.

Every letter file (and every recording) is sealed with AES-256-GCM under one random 256-bit data
key, with a fresh random nonce for each write. The data key itself is kept in `keys.json`, sealed
under a key derived from the passphrase with Argon2id (64 MiB, 3 passes, a random salt). The slow
derivation happens once, when the archive is unlocked; autosave then costs one AES pass.
AES-GCM comes from pycryptodomex (12-byte nonce, 16-byte tag after the ciphertext) and Argon2id
from argon2-cffi (version 19): small enough for the bundle, and for the same inputs the same
bytes as the first version of this module made with `cryptography`, so the files it sealed keep
opening (tests/unit/store/test_sealed_v1_files.py).

Changing the passphrase re-wraps the same data key and replaces `keys.json` in one atomic rename:
no letter is rewritten, and a change cut short leaves either the old or the new key file, so every
letter opens with exactly one of the two passphrases. A wrong passphrase fails the GCM tag check
and changes nothing. A forgotten passphrase cannot be recovered: there is no other copy of the key.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from Cryptodome.Cipher import AES

from compassion_app import messages
from compassion_app.store.errors import StoreError
from compassion_app.store.storage import write_atomically

KEY_FILE = "keys.json"
FORMAT = 1
NONCE_BYTES = 12  # GCM's standard nonce; random, so never reused under one key in practice
TAG_BYTES = 16  # GCM's full tag, kept after the ciphertext
KEY_BYTES = 32  # AES-256
MAGIC = b"CCL1"  # marks our sealed files: a plain JSON file can never start with it
WRAP_CONTEXT = b"compassion-companion letters data key"


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost; kept in the key file, so a later version can raise it for new files."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__(messages.LETTER_WRONG_PASSPHRASE)


class SealedCipher:
    """A LetterCipher (store.crypto): AES-256-GCM under the data key, a fresh nonce per write."""

    def __init__(self, data_key: bytes) -> None:
        self._key = data_key

    def encrypt(self, plain: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + _seal(self._key, nonce, plain, MAGIC)

    def decrypt(self, sealed: bytes) -> bytes:
        """The plain bytes; ValueError for bytes not sealed by this key (or altered since)."""
        if not sealed.startswith(MAGIC):
            raise ValueError("not a sealed letter file")
        nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        opened = _open(self._key, nonce, sealed[len(MAGIC) + NONCE_BYTES :], MAGIC)
        if opened is None:
            raise ValueError("sealed by another key, or damaged")
        return opened


def is_protected(folder: Path) -> bool:
    """Whether letters in this data folder are passphrase-protected (ask before anything else)."""
    return (folder / KEY_FILE).exists()


def protect(folder: Path, passphrase: str, cost: KdfCost = KdfCost()) -> SealedCipher:
    """Begin protecting: a new data key wrapped under `passphrase`; the cipher is for the store."""
    if is_protected(folder):
        raise StoreError(messages.LETTER_ALREADY_PROTECTED)
    data_key = os.urandom(KEY_BYTES)
    _write_key_file(folder, _wrapped(data_key, passphrase, cost))
    return SealedCipher(data_key)


def unlock(folder: Path, passphrase: str) -> SealedCipher:
    """The cipher for this folder's letters; WrongPassphrase (nothing changed) if it is not it."""
    return SealedCipher(_unwrap(_read_key_file(folder), passphrase))


def change_passphrase(folder: Path, old: str, new: str, cost: KdfCost = KdfCost()) -> SealedCipher:
    """Re-wrap the same data key under `new`, atomically; WrongPassphrase if `old` is not it."""
    data_key = _unwrap(_read_key_file(folder), old)
    _write_key_file(folder, _wrapped(data_key, new, cost))
    return SealedCipher(data_key)


def _seal(key: bytes, nonce: bytes, plain: bytes, context: bytes) -> bytes:
    """AES-256-GCM: the ciphertext, then the 16-byte tag that also covers `context`."""
    aes = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)
    aes.update(context)
    ciphertext, tag = aes.encrypt_and_digest(plain)
    return ciphertext + tag


def _open(key: bytes, nonce: bytes, sealed: bytes, context: bytes) -> bytes | None:
    """The plain bytes of `_seal`'s output; None if the tag does not match (key, bytes, context)."""
    if len(nonce) != NONCE_BYTES or len(sealed) < TAG_BYTES:
        return None
    aes = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)
    aes.update(context)
    try:
        plain: bytes = aes.decrypt_and_verify(sealed[:-TAG_BYTES], sealed[-TAG_BYTES:])
    except ValueError:  # pycryptodomex's word for a tag that does not match
        return None
    return plain


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=cost.iterations,
        memory_cost=cost.memory_kib,
        parallelism=cost.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


def _wrapped(data_key: bytes, passphrase: str, cost: KdfCost) -> dict[str, Any]:
    salt = os.urandom(16)
    nonce = os.urandom(NONCE_BYTES)
    sealed = _seal(_derive(passphrase, salt, cost), nonce, data_key, WRAP_CONTEXT)
    return {
        "format": FORMAT,
        "kdf": "argon2id",
        "memory_kib": cost.memory_kib,
        "iterations": cost.iterations,
        "lanes": cost.lanes,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(sealed),
    }


def _unwrap(record: dict[str, Any], passphrase: str) -> bytes:
    try:
        cost = KdfCost(int(record["memory_kib"]), int(record["iterations"]), int(record["lanes"]))
        salt, nonce = _unb64(record["salt"]), _unb64(record["nonce"])
        sealed = _unb64(record["wrapped_key"])
        if len(nonce) != NONCE_BYTES:
            raise ValueError("not a GCM nonce")
        key = _derive(passphrase, salt, cost)
    except (KeyError, TypeError, ValueError, HashingError) as error:  # HashingError: a bad cost
        raise StoreError(messages.LETTER_KEY_FILE_DAMAGED) from error
    data_key = _open(key, nonce, sealed, WRAP_CONTEXT)
    if data_key is None:
        raise WrongPassphrase()
    return data_key


def _read_key_file(folder: Path) -> dict[str, Any]:
    try:
        record = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(messages.LETTER_KEY_FILE_DAMAGED) from error
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise StoreError(messages.LETTER_KEY_FILE_DAMAGED)
    return record


def _write_key_file(folder: Path, record: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(folder / KEY_FILE, json.dumps(record, indent=1).encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text, validate=True)
