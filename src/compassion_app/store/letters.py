"""Letters: each in its own small file (every version kept), plus a small index for the archive.

An autosave rewrites one letter's file and the index, so it costs the same with one letter or a
thousand. The index holds no bodies: listing reads only it. Search reads each letter once, the first
time it is asked, and then keeps the words in memory, so the next searches are instant.

A letter file is written before the index; if the app stops between the two, the next start finds
the letter by its file and adds it to the index (`_reconcile`), so no saved letter goes missing.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import MutableMapping
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from compassion_app import messages
from compassion_app.core.letters import Letter, LetterSummary
from compassion_app.store.crypto import LetterCipher
from compassion_app.store.errors import CorruptStoreError, StoreError
from compassion_app.store.files import PRIVATE, Folder
from compassion_app.store.storage import Tables, encode, read_tables, write_atomically

log = logging.getLogger(__name__)

FOLDER = "letters"
INDEX = f"{FOLDER}/index.json"
VERSIONS = "versions"  # in a letter's file: one document per version, its doc id the version
ENTRIES = "letters"  # in the index: one summary per letter
SEALED_MARK = f"{FOLDER}/sealed.txt"  # present while the letters are encrypted; plain, no secret
_SAFE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
# Names of the letters folder's own files (the index; the passphrase side's keys), never letters.
RESERVED = {"index", "keys"}


class LettersLocked(StoreError):
    """The letters are sealed and no key was given yet (set_letter_cipher); nothing was read."""


def check_letter_id(letter_id: str) -> None:
    """Ids name files, so only plain ones are allowed (no '..', no slashes)."""
    if not _SAFE_ID.fullmatch(letter_id) or letter_id in RESERVED:
        raise ValueError(f"not a letter id: {letter_id!r}")


class LetterFiles:
    def __init__(self, folder: Folder) -> None:
        self._folder = folder
        self.cipher: LetterCipher | None = None
        self._files: dict[str, TinyDB] = {}
        self._index: TinyDB | None = None
        self._summaries: dict[str, LetterSummary] = {}
        self._index_ids: dict[str, int] = {}
        self._stale: set[str] = set()  # summaries newer in memory than in the index file
        self._words: dict[str, str] | None = None  # id -> casefolded title and body, for search
        self._scratch: Path | None = None  # letter folders of an in-memory store

    # --- reading -----------------------------------------------------------------------------

    def summaries(self) -> dict[str, LetterSummary]:
        self._load_index()
        return self._summaries

    def versions(self, letter_id: str) -> list[Letter]:
        """Every saved version, oldest first (empty if there is no such letter)."""
        check_letter_id(letter_id)
        if letter_id not in self.summaries() and not self._folder.exists(_name(letter_id)):
            return []
        table = self._file(letter_id).table(VERSIONS)
        letters = [letter for letter in map(_readable, table.all()) if letter is not None]
        return sorted(letters, key=lambda letter: letter.version)

    def words(self) -> dict[str, str]:
        if self._words is None:
            self._words = {}
            for letter_id in self.summaries():
                saved = self.versions(letter_id)
                if saved:
                    self._words[letter_id] = _searchable(saved[-1])
        return self._words

    # --- writing -----------------------------------------------------------------------------

    def write(self, letter: Letter) -> None:
        """Save `letter` as its (letter_id, version); raises OSError, leaving the old file."""
        check_letter_id(letter.letter_id)
        self._load_index()
        table = self._file(letter.letter_id).table(VERSIONS)
        document = letter.to_dict()
        try:
            if table.contains(doc_id=letter.version):
                table.update(document, doc_ids=[letter.version])
            else:
                table.insert(Document(document, doc_id=letter.version))
        except BaseException:
            table.clear_cache()
            raise
        newest = max(document.doc_id for document in table.all())
        latest = letter if letter.version >= newest else self.versions(letter.letter_id)[-1]
        summary = summary_of(latest, len(table))
        known = self._summaries.get(letter.letter_id)
        if known is not None and known.versions == summary.versions:
            # Only the words, the title or the time changed: the index catches up at close (or,
            # after a stop, from the file's own time at the next start), so an autosave is one
            # small write whatever the number of letters.
            self._summaries[letter.letter_id] = summary
            self._stale.add(letter.letter_id)
        else:
            self._index_write(summary)
        if self._words is not None:
            self._words[letter.letter_id] = _searchable(latest)

    def delete(self, letter_id: str) -> None:
        check_letter_id(letter_id)
        self._load_index()
        db = self._files.pop(letter_id, None)
        if db is not None:
            db.close()
        self._folder.delete(_name(letter_id))
        shutil.rmtree(self.folder_of(letter_id, create=False), ignore_errors=True)
        doc_id = self._index_ids.pop(letter_id, None)
        if doc_id is not None:
            assert self._index is not None
            self._index.table(ENTRIES).remove(doc_ids=[doc_id])
        self._summaries.pop(letter_id, None)
        if self._words is not None:
            self._words.pop(letter_id, None)

    def folder_of(self, letter_id: str, create: bool = True) -> Path:
        check_letter_id(letter_id)
        root = self._folder.root
        if root is None:
            if self._scratch is None:
                self._scratch = Path(tempfile.mkdtemp(prefix="compassion-letters-"))
            root = self._scratch
        folder = root / FOLDER / f"{letter_id}.files"
        if create:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
        return folder

    @property
    def locked(self) -> bool:
        """Sealed on disk and no key given yet (one look at a small mark file; nothing read)."""
        root = self._folder.root
        return self.cipher is None and root is not None and (root / SEALED_MARK).exists()

    def _refuse_if_locked(self) -> None:
        """Sealed letters read without their key would look damaged and be set aside: refuse."""
        if self.locked:
            raise LettersLocked(messages.STORE_LETTERS_LOCKED)

    def set_cipher(self, cipher: LetterCipher | None) -> None:
        """From now on read and write every letter file and the index through `cipher`.

        Files already in that form are left as they are (the usual case: the key is given again
        at each start); files in the old form are rewritten, and their old-form backups removed,
        so no plain copy stays behind. A file neither form can read is left for recovery.
        """
        old = self.cipher
        self.close()
        self._summaries, self._index_ids, self._words = {}, {}, None
        self.cipher = cipher
        root = self._folder.root
        if root is None:
            return
        stems = [stem for stem in self._folder.names(FOLDER) if stem not in RESERVED]
        names = [INDEX, *(_name(stem) for stem in stems)]
        for name in names:
            path = root / name
            if not path.exists() or _readable_with(path, cipher):
                continue
            tables = _readable_with(path, old)
            if tables is None:
                continue
            payload = encode(tables)
            write_atomically(path, cipher.encrypt(payload) if cipher else payload)
            self._folder.forget_backups(name)
        mark = root / SEALED_MARK
        if cipher is None:
            mark.unlink(missing_ok=True)
        elif not mark.exists():
            mark.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
            write_atomically(mark, messages.STORE_SEALED_MARK.encode("utf-8"))

    def save_index(self) -> None:
        """Bring the index file up to date with the summaries autosaves changed (one write).

        Never raises: the letters themselves are safe in their files, and the next start
        refreshes a stale index from them.
        """
        if not self._stale or self._index is None:
            return
        stale = {self._index_ids[i]: i for i in self._stale if i in self._index_ids}
        entries = self._index.table(ENTRIES)

        def refresh(document: MutableMapping[str, Any]) -> None:
            document.update(summary_dict(self._summaries[str(document["id"])]))

        try:
            entries.update(refresh, doc_ids=list(stale))
        except OSError as error:
            entries.clear_cache()
            log.warning("The letter index could not be brought up to date: %r", error)
            return
        self._stale.clear()

    def close(self) -> None:
        self.save_index()
        for db in self._files.values():
            db.close()
        self._files.clear()
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    # --- inside ------------------------------------------------------------------------------

    def _file(self, letter_id: str) -> TinyDB:
        db = self._files.get(letter_id)
        if db is None:
            self._refuse_if_locked()
            label = messages.STORE_FILE_LETTER
            db = self._files[letter_id] = self._folder.open(_name(letter_id), label, self.cipher)
        return db

    def _load_index(self) -> None:
        if self._index is not None:
            return
        self._refuse_if_locked()
        label = messages.STORE_FILE_LETTER_INDEX
        self._index = self._folder.open(INDEX, label, self.cipher)
        for document in self._index.table(ENTRIES).all():
            summary = _readable_summary(document)
            if summary is not None:
                self._summaries[summary.letter_id] = summary
                self._index_ids[summary.letter_id] = document.doc_id
        self._reconcile()

    def _reconcile(self) -> None:
        """Add letters whose file exists but whose index entry was never written (a stop between
        the two writes); leave out entries whose file is gone."""
        on_disk = {stem for stem in self._folder.names(FOLDER) if _SAFE_ID.fullmatch(stem)}
        on_disk -= RESERVED
        for letter_id in on_disk - set(self._summaries):
            saved = self.versions(letter_id)
            if saved:
                log.info("Adding letter %s to the index, which had missed it", letter_id)
                self._index_write(summary_of(saved[-1], len(saved)))
        for letter_id in set(self._summaries) - on_disk:
            log.warning("Letter %s is listed but its file is gone", letter_id)
            self._summaries.pop(letter_id)
        self._refresh_changed_since_index(on_disk)

    def _refresh_changed_since_index(self, on_disk: set[str]) -> None:
        """Re-read the letters whose file changed after the index was last written."""
        root = self._folder.root
        if root is None:
            return
        try:
            written = (root / INDEX).stat().st_mtime_ns
        except FileNotFoundError:
            written = 0
        for letter_id in on_disk & set(self._summaries):
            try:
                changed = (root / _name(letter_id)).stat().st_mtime_ns
            except FileNotFoundError:
                continue  # only its backup is left; reading it will restore it
            if changed >= written:  # the same clock tick counts: better one read too many
                saved = self.versions(letter_id)
                if saved:
                    self._summaries[letter_id] = summary_of(saved[-1], len(saved))
                    self._stale.add(letter_id)

    def _index_write(self, summary: LetterSummary) -> None:
        assert self._index is not None
        entries = self._index.table(ENTRIES)
        document = summary_dict(summary)
        doc_id = self._index_ids.get(summary.letter_id)
        try:
            if doc_id is None:
                self._index_ids[summary.letter_id] = entries.insert(document)
            else:
                entries.update(document, doc_ids=[doc_id])
        except BaseException:
            entries.clear_cache()
            raise
        self._summaries[summary.letter_id] = summary


def _readable_with(path: Path, cipher: LetterCipher | None) -> Tables | None:
    try:
        return read_tables(path, cipher)
    except CorruptStoreError:
        return None


def _name(letter_id: str) -> str:
    return f"{FOLDER}/{letter_id}.json"


def _searchable(letter: Letter) -> str:
    return f"{letter.title}\n{letter.body}".casefold()


def summary_of(latest: Letter, versions: int) -> LetterSummary:
    return LetterSummary(
        latest.letter_id,
        latest.title,
        latest.created_utc,
        latest.updated_utc,
        latest.finished,
        versions,
        latest.template_id,
    )


def summary_dict(summary: LetterSummary) -> dict[str, Any]:
    return {
        "id": summary.letter_id,
        "title": summary.title,
        "created_utc": summary.created_utc.isoformat(),
        "updated_utc": summary.updated_utc.isoformat(),
        "finished": summary.finished,
        "versions": summary.versions,
        "template_id": summary.template_id,
    }


def _readable(document: dict[str, Any]) -> Letter | None:
    try:
        letter = Letter.from_dict(document)
        check_letter_id(letter.letter_id)
        return letter
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        log.warning("Skipping an unreadable letter version %r: %r", document.get("id"), error)
        return None


def _readable_summary(document: dict[str, Any]) -> LetterSummary | None:
    try:
        versions = document["versions"]
        if isinstance(versions, bool) or not isinstance(versions, int):
            raise TypeError("versions must be a whole number")
        letter_id = str(document["id"])
        check_letter_id(letter_id)
        created = datetime.fromisoformat(str(document["created_utc"]))
        updated = datetime.fromisoformat(str(document["updated_utc"]))
        if created.tzinfo is None or updated.tzinfo is None:
            raise ValueError("times must carry their UTC offset")
        title = document["title"]
        if not isinstance(title, str):
            raise TypeError("title must be text")
        template = document.get("template_id")  # absent from indexes written before it was kept
        return LetterSummary(
            letter_id,
            title,
            created,
            updated,
            bool(document.get("finished")),
            versions,
            None if template is None else str(template),
        )
    except (KeyError, TypeError, ValueError) as error:
        log.warning("Skipping an unreadable letter index entry: %r", error)
        return None
