"""All the exercises the app offers, read from a folder of scripts.

One broken file never hides the others: it is left out and its problem is kept, in plain words, for
the app to show. A script is only offered once it lays out at every length it offers, so whatever
is listed can also be played.

`load_library` reads and lays out every script at once (the command line, the tests). The window
starts from `read_library`, which only reads them: what Today first shows (`listed`: titles,
summaries, lengths) needs no more. Laying a script out waits until it is asked for to be played
(`get`: Begin, Save as audio, a practice named on the command line) or until `lay_out_all`, which
the window calls once it has first been painted. The result is the same library, problems and
all; only the moment the work is done moves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_app import messages
from compassion_app.core.scripts import ExerciseScript, ScriptError, load_script

if TYPE_CHECKING:
    from compassion_app.core.timeline import ClipSeconds

log = logging.getLogger(__name__)

SUGGESTED_FIRST = "soothing-rhythm-breathing"


@dataclass
class Library:
    scripts: dict[str, ExerciseScript] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    own: set[str] = field(default_factory=set)  # ids of the exercises people wrote themselves
    own_problems: dict[str, str] = field(default_factory=dict)  # their file name -> its problem
    # Read but not yet laid out (read_library): exercise id -> where it came from.
    waiting: dict[str, _Source] = field(default_factory=dict, repr=False, compare=False)

    def get(self, exercise_id: str) -> ExerciseScript | None:
        """The exercise, laid out at every length it offers; None if it is missing or broken."""
        if exercise_id in self.waiting:
            self._lay_out(exercise_id)
        return self.scripts.get(exercise_id)

    def listed(self, exercise_id: str) -> ExerciseScript | None:
        """The exercise as read, laid out yet or not: enough to show its title, summary and
        lengths. To play it, ask `get`, which makes sure it lays out."""
        return self.scripts.get(exercise_id)

    def lay_out_all(self) -> list[str]:
        """Lay out every script still waiting; the problems found (now in `problems` too)."""
        known = len(self.problems)
        for exercise_id in list(self.waiting):
            self._lay_out(exercise_id)
        return self.problems[known:]

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

        script = self.scripts.get(exercise_id)
        if script is not None:
            return script.title
        return messages.WRITING_A_LETTER if exercise_id == WRITING_EXERCISE_ID else exercise_id

    def ordered(self) -> list[ExerciseScript]:
        """Breathing first (it is where every practice begins), then by title."""
        return sorted(self.scripts.values(), key=lambda s: (s.kind != "breathing", s.title))

    def suggested(self) -> ExerciseScript | None:
        return self.scripts.get(SUGGESTED_FIRST) or next(iter(self.ordered()), None)


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
    directory: Path, clip_seconds: ClipSeconds | None = None, own_folder: Path | None = None
) -> Library:
    """As `load_library`, but each script is only read now and laid out when first needed.

    What the first picture needs (titles, lengths, summaries) is all in the files; laying out
    every length of every script is most of the rest of the work, and can wait.
    """
    return _library(directory, clip_seconds, own_folder, lay_out_now=False)


def _library(
    directory: Path, clip_seconds: ClipSeconds | None, own_folder: Path | None, lay_out_now: bool
) -> Library:
    library = Library()
    _add_folder(library, directory, clip_seconds, own=False, lay_out_now=lay_out_now)
    if not library.scripts and not library.problems:
        library.problems.append(messages.SCRIPT_NONE_FOUND.format(folder=directory))
    if own_folder is not None and own_folder.is_dir():
        _add_folder(library, own_folder, None, own=True, lay_out_now=lay_out_now)
    return library


def folder_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and change time of each script in `folder`: compare two to see a change."""
    try:
        paths = sorted(folder.glob("*.toml"))
        return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths)
    except OSError:
        return ()


def _add_folder(
    library: Library, folder: Path, clip_seconds: ClipSeconds | None, own: bool, lay_out_now: bool
) -> None:
    for path in sorted(folder.glob("*.toml")):
        try:
            script = _read(path)
        except ScriptError as error:
            _problem(library, path, str(error), own)
            continue
        if script.exercise_id in library.waiting:
            # Which of the two files is kept depends on whether the first one lays out (a broken
            # one is left out, as if it were not there): find out now, as load_library would.
            library.get(script.exercise_id)
        if script.exercise_id in library.scripts:
            words = messages.SCRIPT_DUPLICATE_ID.format(
                file=path.name, exercise_id=script.exercise_id
            )
            _problem(library, path, words, own)
            continue
        library.scripts[script.exercise_id] = script
        library.waiting[script.exercise_id] = _Source(path, clip_seconds, own)
        if own:
            library.own.add(script.exercise_id)
        if lay_out_now:
            library.get(script.exercise_id)  # its problem, if any, in the files' order


def _problem(library: Library, path: Path, problem: str, own: bool) -> None:
    if own:
        library.own_problems[path.name] = problem
    library.problems.append(messages.SCRIPT_LEFT_OUT.format(problem=problem))


def checked_script(path: Path, clip_seconds: ClipSeconds | None = None) -> ExerciseScript:
    """Load a script and lay it out at every length it offers, or raise ScriptError."""
    script = _read(path)
    lay_out(script, path, clip_seconds)
    return script


def lay_out(script: ExerciseScript, path: Path, clip_seconds: ClipSeconds | None = None) -> None:
    """Lay the script out at every length it offers; ScriptError says what does not fit."""
    from compassion_app.core.timeline import TimelineError, build_timeline

    try:
        for minutes in script.minutes:
            build_timeline(script, minutes, clip_seconds=clip_seconds)
    except TimelineError as error:
        line = error.line or 1
        message = messages.SCRIPT_PROBLEM.format(file=path.name, line=line, problem=error)
        raise ScriptError(message, line) from None
    except Exception as error:  # a bug of ours must cost one exercise, never the app
        raise _unexpected(path, error) from None


@dataclass(frozen=True)
class _Source:
    """Where a script that waits to be laid out came from, for its problem's words."""

    path: Path
    clip_seconds: ClipSeconds | None
    own: bool


def _read(path: Path) -> ExerciseScript:
    try:
        return load_script(path)
    except ScriptError:
        raise
    except Exception as error:  # a bug of ours must cost one exercise, never the app
        raise _unexpected(path, error) from None


def _unexpected(path: Path, error: Exception) -> ScriptError:
    log.error("Unexpected problem reading %s", path, exc_info=error)
    return ScriptError(messages.SCRIPT_UNEXPECTED.format(file=path.name))
