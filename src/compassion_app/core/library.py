"""All the exercises the app offers, read from a folder of scripts.

One broken file never hides the others: it is left out and its problem is kept, in plain words, for
the app to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from compassion_app.core.scripts import ExerciseScript, ScriptError, load_script

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


def load_library(directory: Path) -> Library:
    library = Library()
    for path in sorted(directory.glob("*.toml")):
        try:
            script = load_script(path)
        except ScriptError as error:
            library.problems.append(str(error))
            continue
        if script.exercise_id in library.scripts:
            library.problems.append(
                f"The exercise file {path.name} uses the id {script.exercise_id!r}, which another "
                "file already has, so it was left out."
            )
            continue
        library.scripts[script.exercise_id] = script
    if not library.scripts and not library.problems:
        library.problems.append(f"No exercise files were found in {directory}.")
    return library
