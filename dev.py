#!/usr/bin/env python3
"""Set up everything Compassion Companion needs, then start it or test it.

    python3 dev.py run [-- app arguments]    start the app
    python3 dev.py test [pytest arguments]   run the tests (add --all to include the slow ones)

Setup is safe to repeat and quick once done: system packages (Debian and Ubuntu only),
a virtualenv in .venv, and the project installed into it in editable mode.
Uses only the standard library, so a fresh checkout needs nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

# The libraries a minimal Debian 12 lacks: PortAudio for sounddevice, and everything that Qt's
# xcb platform plugin, QtCore/Gui/Widgets/DBus and QtNetwork (single instance) link against
# directly (checked with `readelf -d` on the PySide6 6.x wheel). Qt 6 no longer uses
# libxcb-xinerama0, so it is not here.
RUN_PACKAGES = [
    "libportaudio2",
    "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libglib2.0-0", "libdbus-1-3",
    "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1", "libxcb1",
    "libxcb-cursor0", "libxcb-glx0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0",
    "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libgssapi-krb5-2", "libbrotli1",
]  # fmt: skip
# Audio tests play through ALSA into a file; a screenshot test may draw on an Xvfb display;
# letter export tests read PDF text back with poppler's pdftotext; the packaging tests run the
# official validators of the .desktop file and the AppStream metainfo, and the bundle test compiles
# numpy without BLAS for the bundle (packaging/build.py).
TEST_PACKAGES = [
    "libasound2", "xvfb", "xauth", "poppler-utils", "desktop-file-utils", "appstream", "gcc", "g++",
]  # fmt: skip

# What `pip install -e` installs for each command; the test extra includes the app itself.
INSTALL_SPECS = {"run": ".", "test": ".[test]"}


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def is_debian() -> bool:
    return Path("/etc/debian_version").exists() or shutil.which("apt-get") is not None


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def run_checked(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> None:
    """Run a setup step; stop with a clear message if it fails."""
    code = subprocess.run(command, cwd=cwd, env=env).returncode
    if code != 0:
        raise SystemExit(f"dev.py: setup failed (exit {code}): {' '.join(command)}")


def missing_packages(names: list[str]) -> list[str]:
    # Debian 13 and Ubuntu 24.04 renamed some libraries with a "t64" suffix (64-bit time_t):
    # either name will do.
    query = [*names, *(name + "t64" for name in names)]
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *query], capture_output=True, text=True
    ).stdout
    installed = {line.split()[0] for line in listing.splitlines() if line.endswith(" installed")}
    return [name for name in names if not {name, name + "t64"} & installed]


def ensure_system_packages(names: list[str]) -> None:
    if not is_debian():
        say("not Debian or Ubuntu: make sure PortAudio and Qt's X11 (xcb) libraries are installed")
        return
    missing = missing_packages(names)
    if not missing:
        return
    packages = " ".join(missing)
    if not is_root():
        raise SystemExit(
            f"dev.py: some system packages are missing: {packages}\nInstall them with:\n\n"
            f"    sudo apt-get install --no-install-recommends {packages}\n\n"
            "then run this command again."
        )
    say(f"Setting up: installing system packages ({packages})…")
    run_checked(["apt-get", "update"])
    run_checked(
        ["apt-get", "install", "-y", "--no-install-recommends", *missing],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def ensure_venv() -> None:
    if VENV_PYTHON.exists():
        return
    say("Setting up: creating the virtualenv .venv…")
    if subprocess.run([sys.executable, "-m", "venv", str(VENV)]).returncode == 0:
        return
    # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a separate package. Remove the
    # half-made .venv, or the next run would take it for a working one.
    shutil.rmtree(VENV, ignore_errors=True)
    if not is_debian():
        raise SystemExit(f"dev.py: could not create .venv with {sys.executable} -m venv")
    say("Python's venv module needs its Debian package")
    ensure_system_packages([f"python{sys.version_info.major}.{sys.version_info.minor}-venv"])
    run_checked([sys.executable, "-m", "venv", str(VENV)])


def stamp_path(command: str) -> Path:
    return VENV / f"dev-py-{command}.sha256"


def ensure_installed(command: str) -> None:
    """pip install the project, but only when pyproject.toml changed since the last install."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = stamp_path(command)
    if stamp.exists() and stamp.read_text() == digest:
        return
    spec = INSTALL_SPECS[command]
    say(f"Setting up: pip install -e {spec} (the first time, this takes a few minutes)…")
    # Quiet, because our line says what is happening; pip still prints any error in full.
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run_checked([*pip, "-e", spec], cwd=ROOT)
    covered = ["run", "test"] if command == "test" else ["run"]
    for name in covered:
        stamp_path(name).write_text(digest)


def call(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> int:
    """Run the app or pytest and return its exit code the way a shell would report it."""
    try:
        code = subprocess.call(command, cwd=cwd, env=env)
    except KeyboardInterrupt:
        return 130
    # A child killed by signal N reports -N; shells report 128 + N.
    return 128 - code if code < 0 else code


def app_arguments(args: list[str]) -> list[str]:
    return args[1:] if args[:1] == ["--"] else args


def pytest_arguments(args: list[str]) -> list[str]:
    # pyproject's addopts deselect slow tests with -m 'not slow'; a later -m overrides it.
    result = []
    for arg in args:
        result += ["-m", "slow or not slow"] if arg == "--all" else [arg]
    return result


def start_app(args: list[str]) -> int:
    say("Starting Compassion Companion…")
    return call([str(VENV_PYTHON), "-m", "compassion_app", *app_arguments(args)])


def run_tests(args: list[str]) -> int:
    say("Running the tests…")
    # Tests never need a real screen; the Xvfb test starts its own display.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return call([str(VENV_PYTHON), "-m", "pytest", *pytest_arguments(args)], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in INSTALL_SPECS:
        asked = argv[:1] in (["-h"], ["--help"])
        print(__doc__, file=sys.stdout if asked else sys.stderr)
        return 0 if asked else 2
    # This runs on the system Python, which pyproject's requires-python does not guard.
    if sys.version_info < (3, 11):  # noqa: UP036
        raise SystemExit("dev.py: Compassion Companion needs Python 3.11 or newer")
    command, args = argv[0], argv[1:]
    ensure_system_packages(RUN_PACKAGES + (TEST_PACKAGES if command == "test" else []))
    ensure_venv()
    ensure_installed(command)
    return start_app(args) if command == "run" else run_tests(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
