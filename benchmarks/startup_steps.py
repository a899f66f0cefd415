"""CPU time of each step of a real start, up to the first paint and the work just after it.

    python benchmarks/startup_steps.py [RUNS]

Each run is a new child process started the way startup.py starts one (its probe, offscreen Qt,
cached bytecode). The child wraps a few of the app's own start-up functions with
`time.process_time()` marks (no profiler, so the figures are the real ones), and the parent
prints, per step, the median of RUNS for a new person (a fresh data folder each run) and for a
returning person (one folder, welcomed at a warm-up start). What each step costs is the
difference between two marks; a step whose function has gone from the code is left out.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import CHILD_TIMEOUT_S, HERE, child_env

# (module, function or Class.method): each gets a mark before and after it runs.
WRAPPED = [
    ("compassion_app.app", "read_library"),
    ("compassion_app.app", "_open_store"),
    ("compassion_app.ui.main_window", "MainWindow.__init__"),
    ("compassion_app.ui.main_window", "MainWindow.welcome_if_new"),
    ("compassion_app.ui.main_window", "MainWindow.paintEvent"),  # the first one only
    ("compassion_app.ui.main_window", "MainWindow._after_first_paint"),
]

CHILD = r"""
import importlib, json, sys, time
sys.path.insert(0, {benchmarks!r})
marks = []

def mark(name):
    marks.append((name, time.process_time()))

def wrap(module_name, dotted):
    module = importlib.import_module(module_name)
    owner, _, name = dotted.rpartition(".")
    holder = getattr(module, owner) if owner else module
    if not hasattr(holder, name):
        return
    original = getattr(holder, name)

    def wrapped(*args, **kwargs):
        if name == "paintEvent":
            if not any(step.startswith(dotted) for step, _ in marks):
                mark(dotted + ": the first")
            return original(*args, **kwargs)
        mark(dotted + " starts")
        try:
            return original(*args, **kwargs)
        finally:
            mark(dotted + " ends")
            if dotted.endswith("_after_first_paint"):
                print(json.dumps(marks), flush=True)

    setattr(holder, name, wrapped)

import startup_probe
mark("the probe has loaded")
import compassion_app.app
mark("app.py and its modules imported")
for module_name, dotted in {wrapped!r}:
    if module_name == "compassion_app.app":
        wrap(module_name, dotted)

run_window = compassion_app.app._run_window

def marked_run_window(*args, **kwargs):
    import PySide6.QtWidgets
    mark("PySide6.QtWidgets imported")
    import compassion_app.ui.main_window
    mark("ui.main_window and its modules imported")
    for module_name, dotted in {wrapped!r}:
        if module_name != "compassion_app.app":
            wrap(module_name, dotted)
    return run_window(*args, **kwargs)

compassion_app.app._run_window = marked_run_window
sys.meta_path.insert(0, startup_probe.PatchOnImport())
from compassion_app.__main__ import main
main(["--data-dir", sys.argv[1]])
"""


def one_start(data_dir: Path) -> list[tuple[str, float]]:
    code = CHILD.format(benchmarks=str(HERE), wrapped=WRAPPED)
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        env=child_env("offscreen"),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start failed (exit {done.returncode}):\n{done.stderr[-1500:]}")
    return [(name, seconds) for name, seconds in json.loads(lines[-1])]


def steps(starts: list[list[tuple[str, float]]]) -> list[tuple[str, float, float]]:
    """(mark, median CPU ms at it, median ms since the mark before) over the starts."""
    names = [name for name, _ in starts[0]]
    rows = []
    for index, name in enumerate(names):
        at = [start[index][1] for start in starts if len(start) == len(names)]
        since = [
            start[index][1] - (start[index - 1][1] if index else 0.0)
            for start in starts
            if len(start) == len(names)
        ]
        rows.append((name, 1000 * statistics.median(at), 1000 * statistics.median(since)))
    return rows


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-steps-") as scratch:
        returning = Path(scratch) / "returning"
        one_start(returning)  # the warm-up: caches the bytecode, and welcomes this folder
        new_starts, returning_starts = [], []
        for run in range(runs):
            new_starts.append(one_start(Path(scratch) / f"new-{run}"))
            returning_starts.append(one_start(returning))
            time.sleep(0.05)
    for who, starts in (("a new person", new_starts), ("a returning person", returning_starts)):
        print(f"CPU time of each step, {who} (median of {runs}; ms at the mark, ms since the last)")
        for name, at, since in steps(starts):
            print(f"  {at:7.1f}  {since:+7.1f}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
