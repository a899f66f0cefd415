"""All the exercises the app offers, read from a folder of scripts.

One broken file never hides the others: it is left out and its problem is kept, in plain words, for
the app to show. A script is only offered once it lays out at every length it offers, so whatever
is listed can also be played.

`load_library` reads and lays out every script at once (the command line, the tests). The window
starts from `read_library`, which only reads them: what Today first shows (`listed`: titles,
summaries, lengths) needs no more. Given the catalogue (catalogue.py) and every script file as it
describes them, it reads none at all and lists from the catalogue. Reading and laying a script out
waits until it is asked for to be played (`get`: Begin, Save as audio, a practice named on the
command line) or until `lay_out_all`, which the window calls once it has first been painted. The
result is the same library, problems and all; only the moment the work is done moves.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from compassion_app import messages
from compassion_app.core.catalogue import (
    SHIPPED,
    Entry,
    FileKey,
    Listing,
    content_key,
    listing_of,
    read_catalogue,
)
from compassion_app.core.script_check import OwnReadings, file_key, lay_out, read_script
from compassion_app.core.script_terms import ScriptError

# The script reader (scripts.py and the parser under it) is imported where a script is read
# (script_check.py): a start that lists from the catalogue reads none before the first paint.
if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript
    from compassion_app.core.timeline import ClipSeconds

SUGGESTED_FIRST = "soothing-rhythm-breathing"
SCRIPT_PATTERN = "*.toml"
FolderState = tuple[tuple[str, int, int, int], ...]  # see folder_state
ScriptFile = tuple[Path, FileKey, bool]  # a script file as read: its key, and whether it is own
Folders = tuple[Path, "ClipSeconds | None", Path | None]  # what read_library was asked to read


@dataclass
class Library:
    scripts: dict[str, ExerciseScript] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    own: set[str] = field(default_factory=set)  # ids of the exercises people wrote themselves
    own_problems: dict[str, str] = field(default_factory=dict)  # their file name -> its problem
    # Read but not yet laid out (read_library): exercise id -> where it came from.
    waiting: dict[str, _Source] = field(default_factory=dict, repr=False, compare=False)
    # The entries of `problems` that came from the person's own folder, to replace on a re-read.
    _own_left_out: list[str] = field(default_factory=list, repr=False, compare=False)
    # The own folder's state (folder_state) as last read: a screen compares it to see a change.
    own_seen: FolderState = ()
    own_strays: list[str] = field(default_factory=list)  # other files there, never read
    _own_read: OwnReadings = field(default_factory=OwnReadings, repr=False, compare=False)
    # What the catalogue keeps (catalogue.py): each script file read, in order, and the problem
    # of each one that is not offered.
    _files: list[ScriptFile] = field(default_factory=list, repr=False, compare=False)
    _file_problems: dict[Path, str] = field(default_factory=dict, repr=False, compare=False)
    catalogue_path: Path | None = field(default=None, compare=False)  # given to read_library
    # The catalogue as read at start-up (or as last kept): compared with `catalogue()`.
    catalogue_read: list[Entry] | None = field(default=None, repr=False, compare=False)
    # Listed from the catalogue, no script read yet: what lists show, and where the scripts are.
    _listings: dict[str, Listing] | None = field(default=None, repr=False, compare=False)
    _folders: Folders | None = field(default=None, repr=False, compare=False)

    def get(self, exercise_id: str) -> ExerciseScript | None:
        """The exercise, laid out at every length it offers; None if it is missing or broken."""
        self._read_scripts()
        if exercise_id in self.waiting:
            self._lay_out(exercise_id)
        return self.scripts.get(exercise_id)

    def listed(self, exercise_id: str) -> ExerciseScript | Listing | None:
        """The exercise as read (or as the catalogue lists it), laid out yet or not: enough to
        show its title, summary and lengths. To play it, ask `get`, which makes sure it lays out."""
        return self._shown().get(exercise_id)

    @property
    def listed_from_catalogue(self) -> bool:
        """Lists show the catalogue's entries: the scripts themselves are not read yet."""
        return self._listings is not None

    def _shown(self) -> Mapping[str, ExerciseScript | Listing]:
        return self.scripts if self._listings is None else self._listings

    def _read_scripts(self) -> None:
        """Listed from the catalogue: read the scripts now, and take what they give as the truth
        (in place: the screens share this library)."""
        if self._folders is None:
            return
        read = _library(*self._folders, lay_out_now=False)
        read.catalogue_path, read.catalogue_read = self.catalogue_path, self.catalogue_read
        for each in fields(self):
            setattr(self, each.name, getattr(read, each.name))

    def lay_out_all(self) -> list[str]:
        """Read the scripts if only listed so far, and lay out every one still waiting; the
        problems found that lists did not show yet (now in `problems` too)."""
        shown = set(self.problems)
        self._read_scripts()
        for exercise_id in list(self.waiting):
            self._lay_out(exercise_id)
        return [problem for problem in self.problems if problem not in shown]

    def catalogue(self) -> list[Entry]:
        """What each script file gave, read and laid out: the catalogue to keep. A file still
        waiting to be laid out is left out (not known to play yet): the next start reads it."""
        self._read_scripts()
        ready = {
            script.source: script
            for exercise_id, script in self.scripts.items()
            if exercise_id not in self.waiting
        }
        entries = []
        for path, key, own in self._files:
            problem, script = self._file_problems.get(path), ready.get(path)
            if problem is not None or script is not None:
                listing = None if script is None else listing_of(script)
                entries.append(Entry(path.name, key, own, listing, problem))
        return entries

    def _lay_out(self, exercise_id: str) -> None:
        source = self.waiting.pop(exercise_id)
        try:
            lay_out(self.scripts[exercise_id], source.path, source.clip_seconds)
        except ScriptError as error:
            del self.scripts[exercise_id]
            self.own.discard(exercise_id)
            _problem(self, source.path, str(error), source.own)

    def title_of(self, exercise_id: str) -> str:
        """What a practice is called in lists: its script's title, even for writing a letter
        (which has no script) or an exercise whose file is gone (its id, rather than nothing)."""
        from compassion_app.core.letters import WRITING_EXERCISE_ID

        script = self._shown().get(exercise_id)
        if script is not None:
            return script.title
        return messages.WRITING_A_LETTER if exercise_id == WRITING_EXERCISE_ID else exercise_id

    def ordered(self) -> list[ExerciseScript | Listing]:
        """Breathing first (it is where every practice begins), then by title."""
        return sorted(self._shown().values(), key=lambda s: (s.kind != "breathing", s.title))

    def suggested(self) -> ExerciseScript | Listing | None:
        return self._shown().get(SUGGESTED_FIRST) or next(iter(self.ordered()), None)

    def read_own(self, own_folder: Path, lay_out_now: bool = True) -> None:
        """Read the person's own exercises afresh, in place of those read before.

        In place, because Today, Progress and the tray share this one library. The bundled
        exercises and their problems stay as they are; an own file that now uses a bundled id is
        refused as before. Laid out now (and an unchanged file's reading kept for next time),
        unless `lay_out_now` is False, as for `read_library` at start-up.
        """
        self._read_scripts()
        for exercise_id in self.own:
            self.scripts.pop(exercise_id, None)
            self.waiting.pop(exercise_id, None)
        self.problems = [p for p in self.problems if p not in self._own_left_out]
        self.own, self.own_problems, self._own_left_out = set(), {}, []
        own_files = {path for path, _key, own in self._files if own}
        self._files = [file for file in self._files if file[0] not in own_files]
        self._file_problems = {
            path: problem for path, problem in self._file_problems.items() if path not in own_files
        }
        self._look_at_own_folder(own_folder)
        if own_folder.is_dir():
            self._own_read.forget_all_but(own_folder.glob(SCRIPT_PATTERN))
            _add_folder(self, own_folder, None, own=True, lay_out_now=lay_out_now)

    def _look_at_own_folder(self, own_folder: Path) -> None:
        self.own_seen = folder_state(own_folder)  # before reading: a change meanwhile shows next
        self.own_strays = [name for name, *_ in self.own_seen if not _is_script(name)]

    def own_files(self) -> list[OwnFile]:
        """Each file in the person's own folder, by name: the exercise it gives, or its problem
        (those still waiting are laid out first, so that a ✓ is true)."""
        self._read_scripts()
        for exercise_id in [i for i in self.own if i in self.waiting]:
            self.get(exercise_id)
        files = [OwnFile(name, None, problem) for name, problem in self.own_problems.items()]
        files += [OwnFile(name, None, _stray_words(name)) for name in self.own_strays]
        for exercise_id in self.own:
            script = self.scripts[exercise_id]
            name = script.source.name if script.source else f"{exercise_id}.toml"
            files.append(OwnFile(name, script, None))
        return sorted(files, key=lambda file: file.name)


# NamedTuples rather than dataclasses here: defined in a fifth of the time, at start-up.
class OwnFile(NamedTuple):
    """One file of the person's own folder, as the app lists it: ready, or what to change."""

    name: str
    script: ExerciseScript | None
    problem: str | None


def load_library(
    directory: Path, clip_seconds: ClipSeconds | None = None, own_folder: Path | None = None
) -> Library:
    """Every script in `directory`, then the person's own in `own_folder` (when given).

    `clip_seconds` gives the bundled clips' recorded lengths. The person's own exercises have no
    recorded voice: they are shown as captions, with the bundled bells and beds. A broken file
    of theirs is listed with its problem and never hides the others.
    """
    return _library(directory, clip_seconds, own_folder, lay_out_now=True)


def read_library(
    directory: Path,
    clip_seconds: ClipSeconds | None = None,
    own_folder: Path | None = None,
    catalogue: Path | None = None,
) -> Library:
    """As `load_library`, but each script is only read now and laid out when first needed.

    What the first picture needs (titles, lengths, summaries) is all in the files; laying out
    every length of every script is most of the rest of the work, and can wait. Given the path of
    the `catalogue` (catalogue.py) and every script file as it says (or, with none kept there
    yet, as the one shipped beside the scripts says), no script is read now: the library lists
    from it, and reads the scripts when first asked for one to play, or for them all
    (`lay_out_all`). The caller keeps the catalogue afresh (`catalogue()`).
    """
    library, kept = None, None
    folders = (directory, clip_seconds, own_folder)
    if catalogue is not None:
        kept = read_catalogue(catalogue) or read_catalogue(directory / SHIPPED)
        library = _listed(kept, folders) if kept else None
    if library is None:
        library = _library(directory, clip_seconds, own_folder, lay_out_now=False)
    library.catalogue_path, library.catalogue_read = catalogue, kept
    return library


def _listed(kept: list[Entry], folders: Folders) -> Library | None:
    """A library listed from the catalogue's entries, if they describe every script file now
    there, as it is now; None if not (or if they are not as the app writes them)."""
    directory, _clip_seconds, own_folder = folders
    present = _script_files(directory, own=False)
    if own_folder is not None:
        present += _script_files(own_folder, own=True)
    if present != [(entry.name, entry.key, entry.own) for entry in kept]:
        return None
    if not any(not entry.own for entry in kept):
        return None  # no bundled script: reading says so in its own words
    library = Library(_folders=folders)
    if own_folder is not None:
        library._look_at_own_folder(own_folder)
    listings: dict[str, Listing] = {}
    for entry in kept:
        if entry.problem is not None:
            folder = own_folder if entry.own and own_folder else directory
            _problem(library, folder / entry.name, entry.problem, entry.own)
        elif entry.listing is None or entry.listing.exercise_id in listings:
            return None  # two files with one id are written as a problem: this one was not
        else:
            listings[entry.listing.exercise_id] = entry.listing
            if entry.own:
                library.own.add(entry.listing.exercise_id)
    library._listings = listings
    return library


def _script_files(folder: Path, own: bool) -> list[tuple[str, FileKey, bool]]:
    """The script files read from `folder`, in the order read, each with its key; a file that
    cannot be read gets a key no file has, so that reading it says why."""
    found = []
    for path in _script_paths(folder):
        try:
            key = content_key(path)
        except OSError:
            key = (-1, -1)
        found.append((path.name, key, own))
    return found


def _script_paths(folder: Path) -> list[Path]:
    """The script files in `folder` that are read, in the order they are read: not an editor's
    hidden copy, like ".#calm.toml", nor its backup~."""
    return [path for path in sorted(folder.glob(SCRIPT_PATTERN)) if _visible(path.name)]


def _library(
    directory: Path, clip_seconds: ClipSeconds | None, own_folder: Path | None, lay_out_now: bool
) -> Library:
    library = Library()
    _add_folder(library, directory, clip_seconds, own=False, lay_out_now=lay_out_now)
    if not library.scripts and not library.problems:
        library.problems.append(messages.SCRIPT_NONE_FOUND.format(folder=directory))
    if own_folder is not None:
        library.read_own(own_folder, lay_out_now)
    return library


def folder_state(folder: Path) -> FolderState:
    """Name, size, change time and inode of each file in `folder` a person would see (not hidden,
    not an editor's backup~): compare two to see a change. The inode too, for an editor that
    renames a new file of the same size over the old one."""
    try:
        found = [p for p in sorted(folder.iterdir()) if _visible(p.name) and p.is_file()]
        return tuple((p.name, *file_key(p)) for p in found)
    except OSError:
        return ()


def _visible(name: str) -> bool:
    return not name.startswith(".") and not name.endswith("~")


def _is_script(name: str) -> bool:
    return Path(name).match(SCRIPT_PATTERN)  # as glob matches it (in any case on Windows)


def _stray_words(name: str) -> str:
    """Why a file in the own folder is not read, and, when it is plain, how it would be."""
    lower = name.lower()
    if lower.endswith(".toml.txt"):  # a text editor's own ending, added to "….toml"
        return messages.OWN_RENAME_TO_READ.format(file=name, name=name[: -len(".txt")])
    if lower.endswith(".toml"):  # "Mine.TOML": the ending is read in small letters only
        return messages.OWN_RENAME_TO_READ.format(file=name, name=name[: -len(".toml")] + ".toml")
    return messages.OWN_NOT_A_SCRIPT.format(file=name)


def _add_folder(
    library: Library, folder: Path, clip_seconds: ClipSeconds | None, own: bool, lay_out_now: bool
) -> None:
    for path in _script_paths(folder):
        with contextlib.suppress(OSError):  # gone meanwhile: reading says so, and it is left out
            library._files.append((path, content_key(path), own))  # before reading: see catalogue
        laid_out = own and lay_out_now  # an own file's reading is kept (OwnReadings)
        try:
            script = library._own_read(path) if laid_out else read_script(path)
        except ScriptError as error:
            _problem(library, path, str(error), own)
            continue
        if script.exercise_id in library.waiting:
            # Which of the two files is kept depends on whether the first one lays out (a broken
            # one is left out, as if it were not there): find out now, as load_library would.
            library.get(script.exercise_id)
        if script.exercise_id in library.scripts:
            _problem(library, path, _taken_id(library, path, script.exercise_id, own), own)
            continue
        library.scripts[script.exercise_id] = script
        if own:
            library.own.add(script.exercise_id)
        if laid_out:
            continue
        library.waiting[script.exercise_id] = _Source(path, clip_seconds, own)
        if lay_out_now:
            library.get(script.exercise_id)  # its problem, if any, in the files' order


def _taken_id(library: Library, path: Path, exercise_id: str, own: bool) -> str:
    """Why a file whose id is already taken was left out: by a bundled exercise, its line says."""
    if own and exercise_id not in library.own:
        from compassion_app.core.script_source import SourceMap  # only for this line number

        try:
            line = SourceMap(path.read_text(encoding="utf-8")).line_of((), "id")
        except (OSError, ValueError):  # changed or gone since: the first line will do
            line = 1
        return messages.SCRIPT_BUNDLED_ID.format(file=path.name, line=line, exercise_id=exercise_id)
    return messages.SCRIPT_DUPLICATE_ID.format(file=path.name, exercise_id=exercise_id)


def _problem(library: Library, path: Path, problem: str, own: bool) -> None:
    left_out = messages.SCRIPT_LEFT_OUT.format(problem=problem)
    library._file_problems[path] = problem
    if own:
        library.own_problems[path.name] = problem
        library._own_left_out.append(left_out)
    library.problems.append(left_out)


class _Source(NamedTuple):
    """Where a script that waits to be laid out came from, for its problem's words."""

    path: Path
    clip_seconds: ClipSeconds | None
    own: bool
