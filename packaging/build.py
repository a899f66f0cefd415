#!/usr/bin/env python3
"""Build the app's one-folder bundle exactly as it ships.

    python3 packaging/build.py                      # the bundle lands in build/dist/compassion-app/
    python3 packaging/build.py --dist DIR --work DIR

PyInstaller runs in a build environment of its own, build/bundle-env, never in .venv: the bundle
must carry the app's runtime dependencies only, not the test tools, and on Linux it carries a
numpy compiled without BLAS. numpy's Linux wheels bring OpenBLAS and its Fortran runtime (28 MB,
the largest part of the bundle after Qt) for matrix products and linear algebra. The app never
calls them: it uses numpy's element-wise maths, its FFT (pocketfft, numpy's own) and its random
generator, none of which touch BLAS. numpy then falls back on its own small routines.

Compiling numpy takes a few minutes of CPU the first time and needs C and C++ compilers
(Debian and Ubuntu: `apt-get install gcc g++`); the wheel is kept in build/wheels/ and reused.
Everything else comes from the package index, as for .venv. Standard library only, like dev.py.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = ROOT / "build" / "bundle-env"
WHEELS = ROOT / "build" / "wheels"
SPEC = ROOT / "packaging" / "compassion_app.spec"
# numpy's build options for the bundle: no BLAS or LAPACK library (its own fallbacks instead),
# only the baseline CPU code (no per-CPU copies of each loop: its core module 10.4 -> 4.8 MB),
# compiled for size rather than speed and without its symbol tables (the bundle's numpy
# 10.4 -> 7.8 MB). The app's numpy work is light: mixing a second of audio costs a fraction of
# a millisecond either way (packaging/README.md has the figures).
NUMPY_OPTIONS = [
    "-Csetup-args=-Dblas=none",
    "-Csetup-args=-Dlapack=none",
    "-Csetup-args=-Dcpu-dispatch=none",
    "-Csetup-args=-Doptimization=s",
    "-Csetup-args=-Dc_link_args=-s",
    "-Csetup-args=-Dcpp_link_args=-s",
]
# Only Linux compiles numpy: numpy's wheels for Apple silicon (macOS 14 and later) use Apple's
# Accelerate and bring no BLAS of their own, and a Windows compile needs Visual Studio; there, and
# on Intel Macs, the wheel's OpenBLAS stays (see packaging/README.md).
COMPILE_NUMPY = sys.platform.startswith("linux")


def say(message: str) -> None:
    print(f"build.py: {message}", flush=True)


def env_bin(name: str) -> Path:
    if os.name == "nt":
        return ENV / "Scripts" / f"{name}.exe"
    return ENV / "bin" / name


def run(command: list[str | Path], **options: object) -> None:
    code = subprocess.run([str(part) for part in command], **options).returncode  # type: ignore[call-overload]
    if code != 0:
        raise SystemExit(f"build.py: this step failed (exit {code}): {' '.join(map(str, command))}")


def numpy_requirement() -> str:
    """numpy as pyproject.toml asks for it: the bundle's numpy follows the same rule as .venv's."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return next(spec for spec in project["dependencies"] if spec.startswith("numpy"))


def numpy_wheel_folder() -> Path:
    """Where the numpy wheel for these options is kept: other options, another folder."""
    return WHEELS / ("numpy-" + hashlib.sha256(repr(NUMPY_OPTIONS).encode()).hexdigest()[:12])


def numpy_wheel(pip: list[str | Path]) -> Path:
    """A numpy wheel without BLAS, compiled once into build/wheels/ and then reused."""
    folder = numpy_wheel_folder()
    found = sorted(folder.glob("numpy-*.whl"))
    if found:
        return found[-1]
    missing = [name for name in ("cc", "c++") if shutil.which(name) is None]
    if missing:
        raise SystemExit(
            "build.py: the bundle's numpy is compiled without BLAS, which needs C and C++ "
            "compilers.\nDebian and Ubuntu: apt-get install --no-install-recommends gcc g++"
        )
    say("compiling numpy without BLAS, once (a few minutes)…")
    # No cache: pip's own wheel cache may hold a numpy built with other options.
    run([*pip, "--no-cache-dir", "wheel", "--no-deps", "--no-binary", "numpy", *NUMPY_OPTIONS,
         "--wheel-dir", folder, numpy_requirement()])  # fmt: skip
    return sorted(folder.glob("numpy-*.whl"))[-1]


def ensure_env() -> Path:
    """build/bundle-env with the app's dependencies and PyInstaller; redone when they change."""
    inputs = (ROOT / "pyproject.toml").read_bytes() + Path(__file__).read_bytes()
    digest = hashlib.sha256(inputs).hexdigest()
    stamp = ENV / "build-py.sha256"
    if stamp.exists() and stamp.read_text() == digest:
        return env_bin("pyinstaller")
    shutil.rmtree(ENV, ignore_errors=True)
    say("setting up the build environment build/bundle-env…")
    run([sys.executable, "-m", "venv", ENV])
    pip = [env_bin("python"), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    wheels = [numpy_wheel(pip)] if COMPILE_NUMPY else []
    # The numpy wheel named on the same line is the numpy that the app's own requirement gets.
    # The app is installed for its dependencies; PyInstaller takes its code from src/ (the spec's
    # pathex), so the bundle always holds the checkout as it is.
    run([*pip, "install", *wheels, f"{ROOT}[bundle]"], cwd=ROOT)
    stamp.write_text(digest)
    return env_bin("pyinstaller")


def build(spec: Path, dist: Path, work: Path) -> None:
    pyinstaller = ensure_env()
    say(f"PyInstaller: {spec.relative_to(ROOT)} → {dist}")
    run([pyinstaller, spec, "--noconfirm", "--log-level", "WARN", "--distpath", dist,
         "--workpath", work], cwd=ROOT)  # fmt: skip


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1].strip())
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "work")
    args = parser.parse_args(argv)
    build(SPEC, args.dist.resolve(), args.work.resolve())
    bundle = args.dist.resolve() / "compassion-app"
    size_mb = folder_bytes(bundle) / 1e6
    say(f"the app is {bundle / 'compassion-app'}; the folder holds {size_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
