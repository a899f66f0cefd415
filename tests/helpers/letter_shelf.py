"""A stand-in for the store's letter API, for GUI tests written before the real one reached main.

Same meanings as the contract (versions kept, newest first, search over latest versions); a
`failing` switch makes every save raise StoreWriteError, as a full disk would.
"""

from __future__ import annotations

from pathlib import Path

from compassion_app.core.letters import Letter, LetterSummary
from compassion_app.store.errors import StoreWriteError


class MemoryShelf:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.versions: dict[str, dict[int, Letter]] = {}
        self.settings: dict[str, object] = {}
        self.failing = False
        self.saves = 0

    def save_letter(self, letter: Letter) -> None:
        if self.failing:
            raise StoreWriteError("Your letter could not be saved because the disk is full.")
        self.versions.setdefault(letter.letter_id, {})[letter.version] = letter
        self.saves += 1

    def letters(self) -> list[LetterSummary]:
        summaries = [self._summary(letter_id) for letter_id in self.versions]
        return sorted(summaries, key=lambda each: each.updated_utc, reverse=True)

    def letter(self, letter_id: str) -> Letter:
        kept = self.versions[letter_id]
        return kept[max(kept)]

    def letter_versions(self, letter_id: str) -> list[Letter]:
        kept = self.versions.get(letter_id, {})
        return [kept[version] for version in sorted(kept)]

    def search_letters(self, text: str) -> list[LetterSummary]:
        wanted = text.casefold()
        return [
            summary
            for summary in self.letters()
            if wanted in (self.letter(summary.letter_id).title.casefold())
            or wanted in self.letter(summary.letter_id).body.casefold()
        ]

    def letter_folder(self, letter_id: str) -> Path:
        folder = self.folder / letter_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def get_setting(self, key, default):
        return self.settings.get(key, default)

    def set_setting(self, key, value) -> None:
        self.settings[key] = value

    def _summary(self, letter_id: str) -> LetterSummary:
        latest = self.letter(letter_id)
        return LetterSummary(
            letter_id,
            latest.title,
            latest.created_utc,
            latest.updated_utc,
            latest.finished,
            len(self.versions[letter_id]),
        )
