"""Bundle size: our PyInstaller one-folder build against a bare PySide6 window built the same way.

    python benchmarks/bundle.py

Builds packaging/compassion_app.spec and benchmarks/bundle_floor.spec into build/bench-app/ and
build/bench-floor/ (build/ is ignored by git), then sums the bytes of each dist folder. The
breakdown lists what we carry that the floor does not, largest first: that is where to cut.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_TIMEOUT_S = 600
BUILDS = {  # name: (spec, name of the folder PyInstaller makes under dist/)
    "app": (ROOT / "packaging" / "compassion_app.spec", "compassion-app"),
    "floor": (ROOT / "benchmarks" / "bundle_floor.spec", "floor-window"),
}


def build(name: str) -> tuple[Path, float]:
    spec, folder = BUILDS[name]
    out = ROOT / "build" / f"bench-{name}"
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    command = [
        str(pyinstaller),
        str(spec),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(out / "dist"),
        "--workpath",
        str(out / "work"),
    ]
    start = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S
    )
    if done.returncode != 0:
        raise RuntimeError(f"PyInstaller failed for {spec.name}:\n{done.stderr[-2000:]}")
    return out / "dist" / folder, time.monotonic() - start


def sizes_by_part(folder: Path) -> Counter[str]:
    """Bytes per top-level entry of the bundle's _internal folder (files outside it under '.')."""
    parts: Counter[str] = Counter()
    internal = folder / "_internal"
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            inside = path.relative_to(internal).parts if internal in path.parents else (".",)
            key = "/".join(inside[:2]) if inside[0] == "PySide6" else inside[0]
            parts[key] += path.stat().st_size
    return parts


def measure() -> dict[str, object]:
    result: dict[str, object] = {}
    parts = {}
    for name in BUILDS:
        folder, seconds = build(name)
        parts[name] = sizes_by_part(folder)
        result[f"{name}_mb"] = sum(parts[name].values()) / 1e6
        result[f"{name}_build_s"] = seconds
    extra = parts["app"].copy()
    extra.subtract(parts["floor"])
    result["largest_extras_mb"] = {
        key: round(size / 1e6, 2) for key, size in extra.most_common(8) if size > 0
    }
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
