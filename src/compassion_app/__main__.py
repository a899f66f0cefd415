"""`python -m compassion_app` and the `compassion-app` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse itself is loaded only for the commands, not for the everyday start
    from argparse import Namespace


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    plain = _plain_start(argv)
    if plain is not None:  # the everyday start: no need to build the whole command line
        from compassion_app.app import run_app

        return run_app(plain[0])
    from compassion_app.cli import opens_window, parse, run_command

    args = parse(argv)
    if not opens_window(args):
        from compassion_app.cli_log import log_to_app_log

        log_to_app_log(args.data_dir)  # where "the details are in the app's log" points
        return _quietly_if_unread(run_command, args)
    # Imported here so the command-line tools never load Qt.
    from compassion_app.app import run_app

    practice = (args.exercise, args.minutes) if args.command == "practice" else None
    return run_app(args.data_dir, practice)


def _quietly_if_unread(command: Callable[[Namespace], int], args: Namespace) -> int:
    """Run a command whose reader may go away early (`compassion-app list | head -1`): then there
    is no one left to tell, so it ends quietly instead of with a BrokenPipeError traceback."""
    try:
        code = command(args)
        sys.stdout.flush()  # inside the try: the last lines are often written only here
        return code
    except BrokenPipeError:
        # The recipe in Python's own notes on SIGPIPE: stdout points nowhere, so that the
        # interpreter's final flush cannot fail again on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _plain_start(argv: list[str]) -> tuple[Path | None] | None:
    """(data folder,) for `compassion-app` or `compassion-app --data-dir DIR`; None otherwise.

    Opening the app is what people do every day, and building a parser for every command costs
    that start a few milliseconds, so these two forms are read by hand. Anything else, even
    `--data-dir` with no folder, goes through the full parser and its messages.
    """
    if not argv:
        return (None,)
    if len(argv) == 2 and argv[0] == "--data-dir" and argv[1] and not argv[1].startswith("-"):
        return (Path(argv[1]),)
    if len(argv) == 1 and argv[0].startswith("--data-dir=") and len(argv[0]) > len("--data-dir="):
        return (Path(argv[0].removeprefix("--data-dir=")),)
    return None


if __name__ == "__main__":
    raise SystemExit(main())
