"""Bundle size: our PyInstaller one-folder build against a bare PySide6 window built the same way.

    python3 benchmarks/bundle.py            (or .venv/bin/python benchmarks/bundle.py)

Both specs, packaging/compassion_app.spec and benchmarks/bundle_floor.spec, are built by
packaging/build.py in its build environment (the same Python, PyInstaller and numpy, the same
rules for what is left out) into build/bench-app/ and build/bench-floor/ (build/ is ignored by
git); then the bytes of each dist folder are summed. The breakdown lists what we carry that the
floor does not, largest first: that is where to cut. The goal is app ≤ 1.15 × floor.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_RATIO = 1.15
BUILDS = {  # name: (spec, name of the folder PyInstaller makes under dist/)
    "app": (ROOT / "packaging" / "compassion_app.spec", "compassion-app"),
    "floor": (ROOT / "benchmarks" / "bundle_floor.spec", "floor-window"),
}


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(name: str) -> tuple[Path, float]:
    spec, folder = BUILDS[name]
    out = ROOT / "build" / f"bench-{name}"
    start = time.monotonic()
    _build_script().build(spec, out / "dist", out / "work")
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
    _build_script().ensure_env()  # once, before either build is timed
    result: dict[str, object] = {}
    parts = {}
    for name in BUILDS:
        folder, seconds = build(name)
        parts[name] = sizes_by_part(folder)
        result[f"{name}_mb"] = sum(parts[name].values()) / 1e6
        result[f"{name}_build_s"] = seconds
    result["ratio"] = result["app_mb"] / result["floor_mb"]  # type: ignore[operator]
    result["goal_ratio"] = GOAL_RATIO
    extra = parts["app"].copy()
    extra.subtract(parts["floor"])
    result["largest_extras_mb"] = {
        key: round(size / 1e6, 2) for key, size in extra.most_common(10) if size > 0
    }
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
