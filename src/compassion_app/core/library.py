"""All the exercises the app offers, read from a folder of scripts.

One broken file never hides the others: it is left out and its problem is kept, in plain words, for
the app to show. A script is only offered once it lays out at every length it offers, so whatever
is listed can also be played.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from compassion_app import messages
from compassion_app.core.script_source import SourceMap
from compassion_app.core.scripts import ExerciseScript, ScriptError, load_script
from compassion_app.core.timeline import ClipSeconds, TimelineError, build_timeline

log = logging.getLogger(__name__)

SUGGESTED_FIRST = "soothing-rhythm-breathing"
SCRIPT_PATTERN = "*.toml"
FolderState = tuple[tuple[str, int, int, int], ...]  # see folder_state


@dataclass
class Library:
    scripts: dict[str, ExerciseScript] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    own: set[str] = field(default_factory=set)  # ids of the exercises people wrote themselves
    own_problems: dict[str, str] = field(default_factory=dict)  # their file name -> its problem
    # The entries of `problems` that came from the person's own folder, to replace on a re-read.
    _own_left_out: list[str] = field(default_factory=list, repr=False, compare=False)
    # The own folder's state (folder_state) as last read: a screen compares it to see a change.
    own_seen: FolderState = ()
    own_strays: list[str] = field(default_factory=list)  # other files there, never read
    _own_read: OwnReadings = field(default_factory=lambda: OwnReadings(), repr=False, compare=False)

    def get(self, exercise_id: str) -> ExerciseScript | None:
        return self.scripts.get(exercise_id)

    def title_of(self, exercise_id: str) -> str:
        """What a practice is called in lists: its script's title, even for writing a letter
        (which has no script) or an exercise whose file is gone (its id, rather than nothing)."""
        from compassion_app.core.letters import WRITING_EXERCISE_ID

        script = self.scripts.get(exercise_id)
        if script is not None:
            return script.title
        return messages.WRITING_A_LETTER if exercise_id == WRITING_EXERCISE_ID else exercise_id

    def ordered(self) -> list[ExerciseScript]:
        """Breathing first (it is where every practice begins), then by title."""
        return sorted(self.scripts.values(), key=lambda s: (s.kind != "breathing", s.title))

    def suggested(self) -> ExerciseScript | None:
        return self.scripts.get(SUGGESTED_FIRST) or next(iter(self.ordered()), None)

    def read_own(self, own_folder: Path) -> None:
        """Read the person's own exercises afresh, in place of those read before.

        In place, because Today, Progress and the tray share this one library. The bundled
        exercises and their problems stay as they are; an own file that now uses a bundled id is
        refused as before.
        """
        for exercise_id in self.own:
            self.scripts.pop(exercise_id, None)
        self.problems = [p for p in self.problems if p not in self._own_left_out]
        self.own, self.own_problems, self._own_left_out = set(), {}, []
        self.own_seen = folder_state(own_folder)  # before reading: a change meanwhile shows next
        self.own_strays = [name for name, *_ in self.own_seen if not _is_script(name)]
        if own_folder.is_dir():
            self._own_read.forget_all_but(own_folder.glob(SCRIPT_PATTERN))
            _add_folder(self, own_folder, None, own=True)

    def own_files(self) -> list[OwnFile]:
        """Each file in the person's own folder, by name: the exercise it gives, or its problem."""
        files = [OwnFile(name, None, problem) for name, problem in self.own_problems.items()]
        files += [OwnFile(name, None, _stray_words(name)) for name in self.own_strays]
        for exercise_id in self.own:
            script = self.scripts[exercise_id]
            name = script.source.name if script.source else f"{exercise_id}.toml"
            files.append(OwnFile(name, script, None))
        return sorted(files, key=lambda file: file.name)


@dataclass(frozen=True)
class OwnFile:
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
    library = Library()
    _add_folder(library, directory, clip_seconds, own=False)
    if not library.scripts and not library.problems:
        library.problems.append(messages.SCRIPT_NONE_FOUND.format(folder=directory))
    if own_folder is not None:
        library.read_own(own_folder)
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


def file_key(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ino


def _add_folder(
    library: Library, folder: Path, clip_seconds: ClipSeconds | None, own: bool
) -> None:
    for path in sorted(folder.glob(SCRIPT_PATTERN)):
        if not _visible(path.name):  # an editor's hidden copy, like ".#calm.toml"
            continue
        try:
            script = library._own_read(path) if own else checked_script(path, clip_seconds)
        except ScriptError as error:
            _problem(library, path, str(error), own)
            continue
        if script.exercise_id in library.scripts:
            _problem(library, path, _taken_id(library, path, script.exercise_id, own), own)
            continue
        library.scripts[script.exercise_id] = script
        if own:
            library.own.add(script.exercise_id)


class OwnReadings:
    """What each own file gave when last read (its exercise, or its problem), kept while its
    size, change time and inode stay the same: after one file changes, only that one is laid out
    again, however many the folder holds."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[int, int, int], ExerciseScript | ScriptError]] = {}

    def __call__(self, path: Path) -> ExerciseScript:
        try:
            key: tuple[int, int, int] | None = file_key(path)
        except OSError:
            key = None  # gone meanwhile: checked_script says so in its own words
        kept = self._kept.get(path)
        if key is not None and kept is not None and kept[0] == key:
            result = kept[1]
        else:
            try:
                result = checked_script(path)
            except ScriptError as error:
                result = error
            if key is not None:
                self._kept[path] = (key, result)
        if isinstance(result, ScriptError):
            raise ScriptError(str(result), result.line)
        return result

    def forget_all_but(self, paths: Iterable[Path]) -> None:
        present = set(paths)
        self._kept = {path: kept for path, kept in self._kept.items() if path in present}


def _taken_id(library: Library, path: Path, exercise_id: str, own: bool) -> str:
    """Why a file whose id is already taken was left out: by a bundled exercise, its line says."""
    if own and exercise_id not in library.own:
        try:
            line = SourceMap(path.read_text(encoding="utf-8")).line_of((), "id")
        except (OSError, ValueError):  # changed or gone since: the first line will do
            line = 1
        return messages.SCRIPT_BUNDLED_ID.format(file=path.name, line=line, exercise_id=exercise_id)
    return messages.SCRIPT_DUPLICATE_ID.format(file=path.name, exercise_id=exercise_id)


def _problem(library: Library, path: Path, problem: str, own: bool) -> None:
    left_out = messages.SCRIPT_LEFT_OUT.format(problem=problem)
    if own:
        library.own_problems[path.name] = problem
        library._own_left_out.append(left_out)
    library.problems.append(left_out)


def checked_script(path: Path, clip_seconds: ClipSeconds | None = None) -> ExerciseScript:
    """Load a script and lay it out at every length it offers, or raise ScriptError."""
    try:
        script = load_script(path)
        for minutes in script.minutes:
            build_timeline(script, minutes, clip_seconds=clip_seconds)
    except ScriptError:
        raise
    except TimelineError as error:
        line = error.line or 1
        message = messages.SCRIPT_PROBLEM.format(file=path.name, line=line, problem=error)
        raise ScriptError(message, line) from None
    except Exception as error:  # a bug of ours must cost one exercise, never the app
        log.exception("Unexpected problem reading %s", path)
        reason = type(error).__name__
        raise ScriptError(
            messages.SCRIPT_UNEXPECTED.format(file=path.name, reason=reason)
        ) from None
    return script
