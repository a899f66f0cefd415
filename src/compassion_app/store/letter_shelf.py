"""Letters as the store shows them: what is in the files, plus what is waiting to be saved.

A letter whose save failed stays here in memory (`pending`) and is shown as written - the person
did write it - until a later save takes it to its file. The files themselves are letters.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from compassion_app.core.letters import Letter, LetterSummary
    from compassion_app.store.crypto import LetterCipher
    from compassion_app.store.files import Folder
    from compassion_app.store.letters import LetterFiles


class LetterShelf:
    def __init__(self, folder: Folder) -> None:
        self._folder = folder
        self._files: LetterFiles | None = None
        self.pending: dict[tuple[str, int], Letter] = {}

    @property
    def files(self) -> LetterFiles:
        """The letters' files, from the first time a letter is asked for."""
        if self._files is None:
            # Here: opening the store for the first picture reads no letter (start-up).
            from compassion_app.store.letters import LetterFiles

            self._files = LetterFiles(self._folder)
        return self._files

    def save(self, letter: Letter) -> None:
        """Keep `letter` waiting, then save everything waiting; OSError if a write fails."""
        from compassion_app.store.letters import check_letter_id  # here: as `files` (start-up)

        check_letter_id(letter.letter_id)
        if letter.version < 1:
            raise ValueError(f"letter versions start at 1, not {letter.version}")
        self.pending.pop((letter.letter_id, letter.version), None)  # the newest words go last
        self.pending[(letter.letter_id, letter.version)] = letter
        self.flush()

    def flush(self) -> None:
        for key, letter in list(self.pending.items()):
            self.files.write(letter)
            del self.pending[key]

    def summaries(self) -> list[LetterSummary]:
        """Every letter, the most recently changed first."""
        summaries = dict(self.files.summaries())
        for letter in self.pending.values():
            summaries[letter.letter_id] = _with_unsaved(summaries.get(letter.letter_id), letter)
        return sorted(summaries.values(), key=lambda s: s.updated_utc, reverse=True)

    def versions(self, letter_id: str) -> list[Letter]:
        by_version = {letter.version: letter for letter in self.files.versions(letter_id)}
        for (pending_id, version), letter in self.pending.items():
            if pending_id == letter_id:
                by_version[version] = letter
        return [by_version[version] for version in sorted(by_version)]

    def search(self, text: str) -> list[LetterSummary]:
        wanted = text.casefold()
        words = dict(self.files.words())
        for letter in self.pending.values():
            words[letter.letter_id] = f"{letter.title}\n{letter.body}".casefold()
        return [s for s in self.summaries() if wanted in words.get(s.letter_id, "")]

    def delete(self, letter_id: str) -> None:
        from compassion_app.store.letters import check_letter_id  # here: as `files` (start-up)

        check_letter_id(letter_id)
        for key in [key for key in self.pending if key[0] == letter_id]:
            del self.pending[key]
        self.files.delete(letter_id)

    def take_kept(self, letters: Iterable[Letter]) -> None:
        """Of `letters` (kept aside at a failed close), let those newer than the saved wait."""
        for letter in letters:
            if self.newer_than_saved(letter):
                self.pending[(letter.letter_id, letter.version)] = letter

    def newer_than_saved(self, letter: Letter) -> bool:
        """Whether `letter` (kept aside at a failed close) is newer than its saved version."""
        for saved in self.files.versions(letter.letter_id):
            if saved.version == letter.version:
                return saved.updated_utc < letter.updated_utc
        return True

    def folder_of(self, letter_id: str) -> Path:
        return self.files.folder_of(letter_id)

    def set_cipher(self, cipher: LetterCipher | None) -> None:
        self.files.set_cipher(cipher)

    def close(self) -> None:
        if self._files is not None:  # never asked for: nothing of theirs is open
            self._files.close()


def _with_unsaved(saved: LetterSummary | None, letter: Letter) -> LetterSummary:
    from compassion_app.core.letters import LetterSummary  # here: as `files` (start-up)

    versions = max(saved.versions if saved else 0, letter.version)
    return LetterSummary(
        letter.letter_id,
        letter.title,
        letter.created_utc,
        letter.updated_utc,
        letter.finished,
        versions,
        letter.template_id,
    )
