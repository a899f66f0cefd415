"""The seam for encrypting letters: the store only needs bytes in, bytes out.

The one that ships is store.passphrase.SealedCipher (AES-256-GCM under a key wrapped by the
person's passphrase). Once the letters side sets it, the store writes every letter file, and the
letter index, through it: the bytes on disk are then ciphertext, and nothing else in the store
changes.
"""

from __future__ import annotations

from typing import Protocol


class LetterCipher(Protocol):
    def encrypt(self, plain: bytes) -> bytes: ...

    def decrypt(self, sealed: bytes) -> bytes:
        """The plain bytes; raises (any exception) for bytes it did not seal."""
        ...
