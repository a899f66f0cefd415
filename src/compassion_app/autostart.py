""" "Open Compassion Companion when I log in", only ever when the person turns it on.

On Linux (and other XDG desktops) that is a desktop entry in the autostart folder; turning it off
removes that file again, and nothing else. Elsewhere `supported()` is False, and the progress screen
says plainly that this system is not supported yet rather than pretending.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from compassion_app import messages
from compassion_app.paths import APP_NAME, APP_SLUG

ENTRY_NAME = f"{APP_SLUG}.desktop"


def autostart_file() -> Path:
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "autostart" / ENTRY_NAME


def supported() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd"))


def start_command() -> list[str]:
    """How to start this very app again: the bundle itself, or this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "compassion_app"]


def set_start_at_login(on: bool, path: Path | None = None) -> None:
    """Add or remove the autostart entry (XDG desktops: see `supported`); OSError on failure."""
    target = path or autostart_file()
    if not on:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.saving")
    temporary.write_text(desktop_entry(start_command()), encoding="utf-8")
    os.replace(temporary, target)


def is_on(path: Path | None = None) -> bool:
    return (path or autostart_file()).exists()


def desktop_entry(command: list[str]) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            f"Comment={messages.AUTOSTART_COMMENT}",
            f"Exec={' '.join(_quoted(part) for part in command)}",
            "Icon=compassion-app",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def _quoted(argument: str) -> str:
    """An Exec argument as the desktop entry specification wants it quoted."""
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped.replace("%", "%%")}"'
