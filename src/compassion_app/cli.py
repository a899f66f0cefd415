"""The command line: options for the app, and commands that need no window.

`compassion-app` alone opens the app, and `compassion-app practice ID` opens it straight into a
practice. `list`, `timeline` and `render` work without Qt, straight from the core and the mixer.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_app import __version__, messages
from compassion_app.core.library import Library, load_library
from compassion_app.paths import resource_path

if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript
    from compassion_app.core.timeline import Timeline


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="compassion-app",
        description="Compassion Companion: a gentle companion for daily compassion practice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where practices, letters and settings are kept (default: your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", help="list the exercises with their lengths")
    timeline = commands.add_parser("timeline", help="print the schedule of one practice")
    _exercise_arguments(timeline)
    timeline.add_argument("--json", action="store_true", help="print JSON")
    render = commands.add_parser("render", help="render a practice to an audio file")
    _exercise_arguments(render)
    render.add_argument("--out", type=Path, required=True, metavar="FILE", help=".wav .ogg .flac")
    _practice_arguments(commands)
    return parser.parse_args(argv)


def _exercise_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="ID", help="an exercise id, as `list` shows")
    parser.add_argument("--minutes", type=int, default=None, help="length (default: its usual)")


def opens_window(args: argparse.Namespace) -> bool:
    """The app itself, or `practice`: everything else is answered here, without Qt."""
    return args.command in (None, "practice")


def run_command(args: argparse.Namespace) -> int:
    library = load_library(resource_path("scripts"))
    for problem in library.problems:
        print(messages.CLI_NOTE.format(problem=problem), file=sys.stderr)
    if args.command == "list":
        return _list(library)
    # Here rather than at the top: the app's own start-up needs none of this.
    from compassion_app.core.timeline import TimelineError

    try:
        timeline = _timeline(library, args.exercise, args.minutes)
    except (LookupError, TimelineError) as error:
        print(error.args[0], file=sys.stderr)
        return 2
    if args.command == "timeline":
        return _print_timeline(timeline, as_json=args.json)
    return _render(timeline, args.out)


def _list(library: Library) -> int:
    for script in library.ordered():
        minutes = ", ".join(str(m) for m in script.minutes)
        print(
            messages.CLI_LIST_ROW.format(id=script.exercise_id, title=script.title, minutes=minutes)
        )
    return 0


def chosen_practice(
    library: Library, exercise_id: str, minutes: int | None
) -> tuple[ExerciseScript, int]:
    """The script and the length to practise, or LookupError in words for the person."""
    script = library.get(exercise_id)
    if script is None:
        known = ", ".join(sorted(library.scripts)) or "none"
        raise LookupError(messages.CLI_NO_SUCH_EXERCISE.format(exercise=exercise_id, known=known))
    # `is None`, not `or`: a 0 the person typed is refused, not read as "the usual length".
    chosen = script.default_minutes if minutes is None else minutes
    if chosen not in script.minutes:
        *most, last = [str(m) for m in script.minutes]
        offered = f"{', '.join(most)} or {last}" if most else last
        raise LookupError(messages.CLI_LENGTHS.format(title=script.title, lengths=offered))
    return script, chosen


def _timeline(library: Library, exercise_id: str, minutes: int | None) -> Timeline:
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.core.timeline import SAMPLE_RATE, build_timeline

    script, chosen = chosen_practice(library, exercise_id, minutes)
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    return build_timeline(script, chosen, SAMPLE_RATE, clips.seconds)


def _print_timeline(timeline: Timeline, as_json: bool) -> int:
    if as_json:
        print(json.dumps(timeline.to_dict(), indent=2, ensure_ascii=False))
        return 0
    for event in timeline.events:
        if event.kind == "breath":
            continue  # hundreds of them; --json has every one
        seconds = event.frame / timeline.sample_rate
        print(f"{seconds:9.3f}s  {event.kind:8} {event.name:10} {event.text}")
    return 0


def _render(timeline: Timeline, out: Path) -> int:
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.audio.render import render_to_file

    clips = VoiceClips(resource_path("audio", "voice"), timeline.sample_rate)
    try:
        render_to_file(timeline, clips, out)
    except (OSError, ValueError) as error:
        print(messages.CLI_RENDER_FAILED.format(out=out, error=error), file=sys.stderr)
        return 1
    print(messages.CLI_RENDERED.format(title=timeline.title, minutes=timeline.minutes, out=out))
    return 0


def _practice_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    practice = commands.add_parser("practice", help="open the app straight into a practice")
    _exercise_arguments(practice)
