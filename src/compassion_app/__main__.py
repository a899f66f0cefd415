"""`python -m compassion_app` and the `compassion-app` command."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    plain = _plain_start(argv)
    if plain is not None:  # the everyday start: no need to build the whole command line
        from compassion_app.app import run_app

        return run_app(plain[0])
    from compassion_app.cli import opens_window, parse, run_command

    args = parse(argv)
    if not opens_window(args):
        return run_command(args)
    # Imported here so the command-line tools never load Qt.
    from compassion_app.app import run_app

    practice = (args.exercise, args.minutes) if args.command == "practice" else None
    return run_app(args.data_dir, practice)


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
