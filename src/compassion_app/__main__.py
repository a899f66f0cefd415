"""`python -m compassion_app` and the `compassion-app` command."""

from __future__ import annotations

import sys

from compassion_app.cli import opens_window, parse, run_command


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if not opens_window(args):
        return run_command(args)
    # Imported here so the command-line tools never load Qt.
    from compassion_app.app import run_app

    return run_app(args)


if __name__ == "__main__":
    raise SystemExit(main())
