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

from compassion_app import __version__, cli_stats, messages
from compassion_app.core.library import Library, load_library
from compassion_app.paths import DataPaths, resource_path, user_data_dir

if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript
    from compassion_app.core.settings import Settings
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
    _check_arguments(commands)
    timeline = commands.add_parser("timeline", help="print the schedule of one practice")
    _exercise_arguments(timeline)
    _breathing_arguments(timeline)
    timeline.add_argument("--json", action="store_true", help="print JSON")
    render = commands.add_parser("render", help="render a practice to an audio file")
    _exercise_arguments(render)
    _breathing_arguments(render)
    render.add_argument("--out", type=Path, required=True, metavar="FILE", help=".wav .ogg .flac")
    _practice_arguments(commands)
    _exchange_arguments(commands)
    cli_stats.add_arguments(commands)
    _breath_rate_arguments(commands)
    return parser.parse_args(argv)


def _exchange_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write all your history to a file (.json or .csv)")
    export.add_argument(
        "file", type=Path, metavar="FILE", help="where to write it: .json (all) or .csv (practices)"
    )
    imported = commands.add_parser("import", help="add the history in an exported file")
    imported.add_argument(
        "file", type=Path, metavar="FILE", help="a .json or .csv file written by export"
    )


def _exercise_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="ID", help="an exercise id, as `list` shows")
    parser.add_argument("--minutes", type=int, default=None, help="length (default: its usual)")


def opens_window(args: argparse.Namespace) -> bool:
    """The app itself, or `practice`: everything else is answered here, without Qt."""
    return args.command in (None, "practice")


def run_command(args: argparse.Namespace) -> int:
    if args.command in ("export", "import"):
        return run_exchange(args)
    if args.command == "check":
        return _check(args.files)
    if args.command == "breath-rate":
        return _breath_rate(args.file, as_json=args.json)
    own = DataPaths(args.data_dir or user_data_dir()).exercises  # the person's own, as in the app
    library = load_library(resource_path("scripts"), own_folder=own)
    for problem in library.problems:
        print(messages.CLI_NOTE.format(problem=problem), file=sys.stderr)
    if args.command == "list":
        return _list(library)
    if args.command == "stats":
        return cli_stats.run(args, library)
    # Here rather than at the top: the app's own start-up needs none of this.
    from compassion_app.core.timeline import TimelineError

    saved = _saved_settings(args.data_dir)
    refused = _apply_breathing(library, args, saved)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    spoken = args.voice if args.voice is not None else (saved is None or saved.guide_voice)
    try:
        timeline = _timeline(library, args.exercise, args.minutes, spoken)
    except (LookupError, TimelineError) as error:
        print(error.args[0], file=sys.stderr)
        return 2
    if args.command == "timeline":
        return _print_timeline(timeline, as_json=args.json)
    return _render(timeline, args.out)


def _list(library: Library) -> int:
    for script in library.ordered():
        lengths = messages.lengths(script.minutes)
        print(
            messages.CLI_LIST_ROW.format(id=script.exercise_id, title=script.title, lengths=lengths)
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
        offered = messages.lengths(script.minutes, last=" or ")
        raise LookupError(messages.CLI_LENGTHS.format(title=script.title, lengths=offered))
    return script, chosen


def _timeline(library: Library, exercise_id: str, minutes: int | None, spoken: bool) -> Timeline:
    """The practice's schedule; with `spoken` False, captions only (no voice is decoded)."""
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.core.timeline import SAMPLE_RATE, build_timeline

    script, chosen = chosen_practice(library, exercise_id, minutes)
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    return build_timeline(script, chosen, SAMPLE_RATE, clips.seconds if spoken else None)


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
    from compassion_app.audio.render import UnknownFormat, render_to_file
    from compassion_app.reasons import plain_reason

    clips = VoiceClips(resource_path("audio", "voice"), timeline.sample_rate)
    try:
        render_to_file(timeline, clips, out)
    except UnknownFormat as refused:
        print(refused, file=sys.stderr)
        return 1
    except OSError as error:
        reason = plain_reason(error, out)
        print(messages.CLI_RENDER_FAILED.format(out=out, reason=reason), file=sys.stderr)
        return 1
    print(messages.CLI_RENDERED.format(title=timeline.title, minutes=timeline.minutes, out=out))
    return 0


def _practice_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    practice = commands.add_parser("practice", help="open the app straight into a practice")
    _exercise_arguments(practice)


def run_exchange(args: argparse.Namespace) -> int:
    """`export FILE` and `import FILE`, on the store in --data-dir (or the usual folder).

    Export only reads, so it needs no lock and works while the app is open; import adds to the
    history, so it waits for the app to let go of it.
    """
    from compassion_app.store.errors import StoreError

    paths = DataPaths(args.data_dir or user_data_dir())
    try:
        if args.command == "export":
            return _export(paths, args.file)
        return _import(paths, args.file)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1


def _export(paths: DataPaths, file: Path) -> int:
    from compassion_app.store.exchange import export_everything
    from compassion_app.store.reading import ReadOnlyStore

    # Export never asks for the passphrase: protected letters are never written out in plain
    # words (reading them refuses, and nothing is written).
    with ReadOnlyStore.open(paths.store) as store:
        try:
            done = export_everything(store, file)
        finally:
            notice = store.take_notice()  # after reading: files are read as they are asked for
            if notice:
                print(notice, file=sys.stderr)
    print(messages.exported(done.practices, done.letters, file))
    return 0


def _import(paths: DataPaths, file: Path) -> int:
    from compassion_app.store.db import Store
    from compassion_app.store.errors import StoreBusyError
    from compassion_app.store.exchange import import_file
    from compassion_app.store.passphrase import is_protected, unlock

    try:
        store = Store.open(paths.store)
    except StoreBusyError:
        print(messages.CLI_IMPORT_WHILE_OPEN, file=sys.stderr)
        return 1
    with store:
        if store.notice:
            print(store.notice, file=sys.stderr)
        if is_protected(paths.root):
            # Letters brought in are sealed like the others, so they need the letters open.
            given = _passphrase()
            if given:
                store.set_letter_cipher(unlock(paths.root, given))
        added = import_file(store, file)
    print(messages.imported(added.practices, added.versions, added.rest_days, added.skipped, file))
    return 0


def _passphrase() -> str:
    """The letters' passphrase, or "" to leave them closed: asked unseen on a terminal, else the
    first line of the input."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(messages.CLI_PASSPHRASE)
    return sys.stdin.readline().rstrip("\r\n")


def _check_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check", help="check exercise script files and say what to fix, line by line"
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a .toml script")


def _check(files: list[Path]) -> int:
    """Print each file's problem (file, line, field, what was expected); 1 if any has one."""
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.core.script_check import checked_script
    from compassion_app.core.scripts import ScriptError
    from compassion_app.core.timeline import SAMPLE_RATE

    # The bundled clips give the bundled scripts their real lengths; others show captions only.
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    problems = 0
    for path in files:
        try:
            script = checked_script(path, clips.seconds)
        except ScriptError as error:
            problems += 1
            print(error)
            continue
        print(messages.CHECK_FINE.format(file=path.name, lengths=messages.lengths(script.minutes)))
    if len(files) > 1:
        summary = messages.CHECK_SUMMARY_PROBLEMS if problems else messages.CHECK_SUMMARY_FINE
        print(summary.format(problems=problems, count=len(files)))
    return 1 if problems else 0


def _breathing_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--breaths-per-minute",
        type=float,
        metavar="N",
        help="the pace to ease towards, 2 to 20 (keeps the pattern's proportions)",
    )
    parser.add_argument(
        "--pattern",
        metavar="IN,HOLD,OUT,HOLD",
        help="seconds of each part of a breath, e.g. 4,1,6,1",
    )
    parser.add_argument(
        "--voice", action=argparse.BooleanOptionalAction, default=None, help=messages.CLI_VOICE_HELP
    )


def _apply_breathing(
    library: Library, args: argparse.Namespace, saved: Settings | None
) -> str | None:
    """Put the asked-for pace into the chosen script; a plain message if it cannot be used."""
    from dataclasses import replace

    from compassion_app.core.breathing import BreathPattern
    from compassion_app.core.script_format import BREATHING

    script = library.get(args.exercise)
    if script is None:
        return None
    if saved is not None:  # the pace, easing and bed chosen in the app's settings
        script = library.scripts[script.exercise_id] = saved.apply_to(script)
    rate, pattern_text = args.breaths_per_minute, args.pattern
    if script.breathing is None or (rate is None and pattern_text is None):
        return None
    pattern = script.breathing.pattern
    if pattern_text is not None:
        parts = pattern_text.split(",")
        specs = [BREATHING[key] for key in ("inhale", "hold_in", "exhale", "hold_out")]
        try:
            values = [float(part) for part in parts]
        except ValueError:
            values = []
        if len(values) != 4 or not all(s.accepts(v) for s, v in zip(specs, values, strict=True)):
            return messages.CLI_PATTERN_EXPECTED.format(given=pattern_text)
        pattern = BreathPattern(*values)
    if rate is not None:
        if not BREATHING["per_minute"].accepts(rate):
            return messages.CLI_RATE_EXPECTED.format(given=rate)
        pattern = pattern.at_rate(rate)
    library.scripts[script.exercise_id] = replace(
        script, breathing=replace(script.breathing, pattern=pattern)
    )
    return None


# --- `breath-rate`: the breath detector over a recording ------------------------------------


def _breath_rate_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    breath = commands.add_parser(
        "breath-rate",
        help="listen to a recording and print the breathing rate heard, second by second",
    )
    breath.add_argument("file", type=Path, metavar="FILE", help="a .wav .flac or .ogg recording")
    breath.add_argument("--json", action="store_true", help="print JSON")


def _breath_rate(path: Path, as_json: bool) -> int:
    """The detector's running estimate once a second; 1 if the file cannot be read as sound."""
    from compassion_app.audio.breath_file import NotSound, as_record, running_estimates
    from compassion_app.reasons import plain_reason

    records = []
    try:
        for estimate in running_estimates(path):
            if as_json:
                records.append(as_record(estimate))
            elif estimate.breaths_per_minute is None:
                print(messages.BREATH_RATE_LISTENING.format(seconds=estimate.seconds))
            else:
                line = messages.BREATH_RATE_LINE.format(
                    seconds=estimate.seconds,
                    rate=estimate.breaths_per_minute,
                    confidence=estimate.confidence,
                )
                print(line)
    except NotSound:
        print(messages.BREATH_RATE_UNREADABLE.format(file=path), file=sys.stderr)
        return 1
    except OSError as error:
        reason = plain_reason(error, path)
        print(messages.BREATH_RATE_NOT_OPENED.format(file=path, reason=reason), file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(records))
    return 0


def _saved_settings(data_dir: Path | None) -> Settings | None:
    """The person's saved preferences, read without a lock or a write; None if there are none."""
    from compassion_app.core.settings import STORE_KEY, Settings
    from compassion_app.store.errors import StoreError
    from compassion_app.store.reading import ReadOnlyStore

    path = DataPaths(data_dir or user_data_dir()).store
    if not path.exists():
        return None
    try:
        with ReadOnlyStore.open(path) as store:
            return Settings.from_dict(store.get_setting(STORE_KEY, {}))
    except StoreError:
        return None  # the practice still plays as its script says
