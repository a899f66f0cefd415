"""The store's work not yet on disk: what a failed write left waiting, and its pending files.

A practice or letter version whose save failed waits in memory (in PracticeYears and LetterShelf)
and is saved with the next write. What still cannot be saved when the store closes goes into a
pending file (pending.py) and is taken back in at the next opening. This is that round trip, as
the Store (db.py) sees it: the words that name what waits, saving it again, keeping it elsewhere
at close, and taking in what an earlier close kept.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from compassion_app import messages
from compassion_app.store import pending
from compassion_app.store.errors import StoreWriteError, write_failure_message

if TYPE_CHECKING:
    from pathlib import Path

    from compassion_app.store.crypto import LetterCipher
    from compassion_app.store.files import Folder
    from compassion_app.store.letter_shelf import LetterShelf
    from compassion_app.store.practices import PracticeYears

log = logging.getLogger(__name__)


class UnsavedWork:
    """What is waiting to be saved in `years` and `letters`, and the pending files behind it."""

    def __init__(self, folder: Folder, years: PracticeYears, letters: LetterShelf) -> None:
        self._folder = folder
        self._years = years
        self._letters = letters
        self._pending_files: list[pending.Pending] = []  # taken in, but not yet saved
        self._sealed_pending: list[pending.Pending] = []  # waiting for the letters' key

    @property
    def count(self) -> int:
        """Practices and letter versions not yet saved because a write failed."""
        return len(self._years.pending) + len(self._letters.pending)

    def described(self) -> str:
        """What is waiting, in words that start a sentence ("Your last practice")."""
        count = len(self._years.pending)
        if self._letters.pending and not count:
            return messages.STORE_WHAT_LETTER
        if count == 1 and not self._letters.pending:
            return messages.STORE_WHAT_LAST_PRACTICE
        if not self._letters.pending:
            return messages.STORE_WHAT_PRACTICES.format(count=count)
        return messages.STORE_WHAT_UNSAVED

    def save(self) -> None:
        """Try again to save everything waiting; StoreWriteError says why if a write fails."""
        try:
            self._years.flush()
            self._letters.flush()
        except OSError as error:
            message = write_failure_message(error, self.described(), self._folder.root, True)
            raise StoreWriteError(message) from error

    def keep_elsewhere(self, error: StoreWriteError) -> str:
        """Put what is still unsaved in a pending file; the plain message that says where."""
        cause = error.__cause__
        assert isinstance(cause, OSError)
        root = self._folder.root
        message = write_failure_message(cause, self.described(), root, kept=False)
        if root is None:
            return message + messages.STORE_LOST_AT_CLOSE
        try:
            letters = list(self._letters.pending.values())
            cipher = self._letters.files.cipher
            kept = pending.keep(root, self._years.pending, letters, cipher)
        except OSError:
            log.error("Unsaved work could not be kept anywhere at close")
            return message + messages.STORE_LOST_AT_CLOSE
        log.warning("Unsaved work kept at %s until the next start", kept)
        self.done_with_pending_files()  # the new file holds all they held
        return message + messages.STORE_KEPT_ELSEWHERE.format(place=kept.parent)

    def take_pending_files(self, root: Path) -> list[str]:
        """Add work a failed close kept aside; the notices that say so."""
        notices = []
        for found in pending.found(root):
            self._years.pending.extend(found.practices)
            if found.sealed is not None:
                # Its letters wait for their key (Store.set_letter_cipher); its file stays.
                self._sealed_pending.append(found)
                notices.append(messages.STORE_PENDING_SEALED)
                continue
            self._letters.take_kept(found.letters)
            try:
                self.save()
            except StoreWriteError:
                # Kept in memory, and its file kept until a save or a close has taken it in.
                self._pending_files.append(found)
                place = found.path.parent
                notices.append(messages.STORE_PENDING_MERGE_FAILED.format(place=place))
                continue
            pending.done_with(found)
            what = messages.STORE_PENDING_WHAT.format(
                practices=len(found.practices), letters=len(found.letters)
            )
            notices.append(messages.STORE_PENDING_MERGED.format(what=what))
        return notices

    def take_sealed_pending(self, cipher: LetterCipher) -> None:
        """Add the work a failed close kept sealed, now that the letters' key is here."""
        for found in list(self._sealed_pending):
            letters = pending.unsealed(found, cipher)
            if letters is None:
                continue  # another key sealed it: leave it for that key
            self._letters.take_kept(letters)
            self._sealed_pending.remove(found)
            self._pending_files.append(found)  # deleted once saved, or kept at close
        self._years.flush()
        self._letters.flush()
        self.done_with_pending_files()

    def done_with_pending_files(self) -> None:
        """Delete the pending files taken in, now that what they held is saved (or kept anew)."""
        for found in self._pending_files:
            pending.done_with(found)
        self._pending_files = []
