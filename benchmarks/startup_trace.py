"""Where start-up's time goes, up to the first paint: imports by owner, then our own calls.

    python benchmarks/startup_trace.py [RUNS]

Runs startup_probe.py (the app, in a fresh data folder, and the floor) in child processes:
- with `-X importtime`: each module's own import time, summed by who owns it (the Qt binding, our
  packages, the standard library...). Modules the floor imports as well are left out: what is
  shown is what the app imports beyond a bare PySide6 window. Medians over RUNS children.
- once under cProfile: the functions of our package that take the longest before the first paint
  (cumulative, imports excluded), to say which call to defer or make cheaper.
Figures from a loaded machine vary; read the shares, and compare runs made side by side.
"""

from __future__ import annotations

import os
import pstats
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from startup import HERE, child_env

OWNERS = [  # first match wins
    ("PySide6", "Qt binding (PySide6, shiboken)"),
    ("shiboken", "Qt binding (PySide6, shiboken)"),
    ("compassion_app.ui", "our ui/"),
    ("compassion_app.store", "our store/"),
    ("compassion_app.core", "our core/"),
    ("compassion_app.audio", "our audio/"),
    ("compassion_app", "our start-up (app, cli, paths, messages)"),
    ("tinydb", "tinydb"),
]


def owner(module: str) -> str:
    for prefix, name in OWNERS:
        if module == prefix or module.startswith(prefix + ".") or module.startswith(prefix):
            return name
    return "standard library and others"


def import_times(args: list[str]) -> dict[str, int]:
    """Each module's own import time in microseconds, for one child start."""
    command = [sys.executable, "-X", "importtime", str(HERE / "startup_probe.py"), *args]
    done = subprocess.run(command, env=child_env("offscreen"), capture_output=True, text=True)
    times = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, _cumulative, name = line.removeprefix("import time:").split("|")
            times[name.strip()] = int(own)
    return times


def imports_by_owner(runs: int, scratch: Path) -> tuple[dict[str, float], dict[str, float]]:
    floor_modules: set[str] = set()
    per_owner: dict[str, list[float]] = defaultdict(list)
    per_module: dict[str, list[float]] = defaultdict(list)
    for run in range(runs):
        floor_modules |= set(import_times(["floor"]))
        app = import_times(["app", str(scratch / f"data-{run}")])
        sums: dict[str, float] = defaultdict(float)
        for module, own in app.items():
            if module not in floor_modules:
                sums[owner(module)] += own / 1000
                per_module[module].append(own / 1000)
        for name in {name for _, name in OWNERS} | {"standard library and others"}:
            per_owner[name].append(sums.get(name, 0.0))
    owners = {name: statistics.median(values) for name, values in per_owner.items()}
    modules = {name: statistics.median(values) for name, values in per_module.items()}
    return owners, modules


def slowest_calls(scratch: Path, count: int = 15) -> list[tuple[float, str]]:
    profile = scratch / "start.prof"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(profile),
        str(HERE / "startup_probe.py"),
        "app",
        str(scratch / "data-profiled"),
    ]
    subprocess.run(command, env=child_env("offscreen"), capture_output=True, check=True)
    stats = pstats.Stats(str(profile))
    ours = []
    for (filename, line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        if f"{os.sep}compassion_app{os.sep}" in filename and function != "<module>":
            where = filename.split(f"{os.sep}compassion_app{os.sep}", 1)[1]
            ours.append((cumulative * 1000, f"{where}:{line} {function}"))
    return sorted(ours, reverse=True)[:count]


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-trace-") as folder:
        scratch = Path(folder)
        import_times(["floor"])  # warm the page cache and the bytecode cache
        import_times(["app", str(scratch / "warm")])
        owners, modules = imports_by_owner(runs, scratch)
        calls = slowest_calls(scratch)
    print(f"Imports beyond the floor's, own time, median of {runs} (ms):")
    for name, ms in sorted(owners.items(), key=lambda item: -item[1]):
        print(f"  {ms:7.1f}  {name}")
    print(f"  {sum(owners.values()):7.1f}  in all")
    print("Slowest of those modules (ms):")
    for name, ms in sorted(modules.items(), key=lambda item: -item[1])[:15]:
        print(f"  {ms:7.1f}  {name}")
    print("Our slowest calls before the first paint, cumulative under cProfile (ms):")
    for ms, name in calls:
        print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
