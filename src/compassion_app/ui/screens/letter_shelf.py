"""What the letters screens need from the store, and nothing more (the store's letter API)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from compassion_app.core.letters import Letter, LetterSummary
from compassion_app.store.passphrase import SealedCipher


class LetterShelf(Protocol):
    def save_letter(self, letter: Letter) -> None: ...  # raises StoreWriteError, keeps it pending
    def letters(self) -> list[LetterSummary]: ...  # newest updated first
    def letter(self, letter_id: str) -> Letter: ...  # the latest version; KeyError if none
    def letter_versions(self, letter_id: str) -> list[Letter]: ...  # oldest first
    def search_letters(self, text: str) -> list[LetterSummary]: ...
    def letter_folder(self, letter_id: str) -> Path: ...  # private; the reading lives here
    def get_setting(self, key: str, default: bool) -> bool: ...
    def set_setting(self, key: str, value: bool) -> None: ...
    def set_letter_cipher(self, cipher: SealedCipher | None) -> None: ...
