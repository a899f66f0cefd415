"""All the exercises the app offers, read from a folder of scripts.

One broken file never hides the others: it is left out and its problem is kept, in plain words, for
the app to show. A script is only offered once it lays out at every length it offers, so whatever
is listed can also be played.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from compassion_app import messages
from compassion_app.core.scripts import ExerciseScript, ScriptError, load_script
from compassion_app.core.timeline import ClipSeconds, TimelineError, build_timeline

log = logging.getLogger(__name__)

SUGGESTED_FIRST = "soothing-rhythm-breathing"


@dataclass
class Library:
    scripts: dict[str, ExerciseScript] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, exercise_id: str) -> ExerciseScript | None:
        return self.scripts.get(exercise_id)

    def ordered(self) -> list[ExerciseScript]:
        """Breathing first (it is where every practice begins), then by title."""
        return sorted(self.scripts.values(), key=lambda s: (s.kind != "breathing", s.title))

    def suggested(self) -> ExerciseScript | None:
        return self.scripts.get(SUGGESTED_FIRST) or next(iter(self.ordered()), None)


def load_library(directory: Path, clip_seconds: ClipSeconds | None = None) -> Library:
    """Every script in `directory`; `clip_seconds` gives recorded clip lengths when known."""
    library = Library()
    for path in sorted(directory.glob("*.toml")):
        try:
            script = checked_script(path, clip_seconds)
        except ScriptError as error:
            library.problems.append(messages.SCRIPT_LEFT_OUT.format(problem=error))
            continue
        if script.exercise_id in library.scripts:
            library.problems.append(
                messages.SCRIPT_DUPLICATE_ID.format(file=path.name, exercise_id=script.exercise_id)
            )
            continue
        library.scripts[script.exercise_id] = script
    if not library.scripts and not library.problems:
        library.problems.append(messages.SCRIPT_NONE_FOUND.format(folder=directory))
    return library


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
