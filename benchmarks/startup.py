"""Start-up benchmark: fresh child processes, app and floor interleaved so they share machine noise.

Time runs from just before Popen in this process to the child's first complete paint of its main
window (see startup_probe.py), so it includes starting Python, every import, and Qt's first frame.
Each child is new, but the OS page cache is warm (one untimed warm-up run of each comes first):
this is a warm-cache "cold start", the usual case of opening the app a second time in a day.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD_TIMEOUT_S = 60


def child_env(platform: str) -> dict[str, str]:
    """Offscreen (or the given) Qt platform, and bytecode caching on, in a folder of our own.

    An installed app runs from compiled bytecode; a developer shell may forbid writing it
    (PYTHONDONTWRITEBYTECODE), which would make every start recompile our modules and the floor
    (one small file) would not pay that. The warm-up run fills the cache under build/.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(HERE.parent / "build" / "bench-pycache")
    env["QT_QPA_PLATFORM"] = platform
    return env


def launch(args: list[str], platform: str) -> dict[str, object]:
    """One child start: its probe line, plus 'first_paint_s' measured from here."""
    env = child_env(platform)
    command = [sys.executable, str(HERE / "startup_probe.py"), *args]
    start = time.time()  # wall clock, as the child's marks: both on this machine's clock
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        out, err = child.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        raise RuntimeError(
            f"start-up child {args[0]} gave no first paint in {CHILD_TIMEOUT_S} s"
        ) from None
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if child.returncode != 0 or not lines:
        raise RuntimeError(
            f"start-up child {args[0]} failed (exit {child.returncode}):\n{err[-1500:]}"
        )
    marks = json.loads(lines[-1])
    return {
        "first_paint_s": marks["painted"] - start,
        "python_up_s": marks["probe_started"] - start,
        "to_qapplication_s": marks["qapplication"] - marks["probe_started"],
        "qapplication_to_paint_s": marks["painted"] - marks["qapplication"],
        "cpu_to_paint_s": marks["cpu_s"],
        "peak_rss_mib": marks["peak_rss_mib"],
        "loaded": marks["loaded"],
    }


def measure(
    runs: int, big_store_dir: Path | None, platform: str = "offscreen"
) -> dict[str, object]:
    """Medians per variant, each also as a paired ratio to the floor.

    - 'app': a new person (a fresh data folder every run, so the welcome is the first picture);
    - 'app_returning': a person who has been welcomed (the same folder every run), seeing Today;
    - 'app_10y': the given ten-year store, when there is one;
    - 'floor': a bare PySide6 window with one label;
    - 'today_floor': Today's widgets in plain Qt with the app's style sheet (today_floor.py), the
      least that Today's first picture could cost with no code of ours at all.
    """
    variants: dict[str, list[dict[str, object]]] = {
        "app": [],
        "app_returning": [],
        "floor": [],
        "today_floor": [],
    }
    if big_store_dir is not None:
        variants["app_10y"] = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        style_sheet = write_style_sheet(Path(scratch))

        def args_for(variant: str, run: int) -> list[str]:
            if variant == "floor":
                return ["floor"]
            if variant == "today_floor":
                return ["today-floor", str(style_sheet)]
            if variant == "app_10y":
                return ["app", str(big_store_dir)]
            if variant == "app_returning":
                return ["app", str(Path(scratch) / "returning")]  # welcomed at the warm-up
            return ["app", str(Path(scratch) / f"data-{run}")]  # a new person, every run

        for variant in variants:  # warm-up: fills the page cache and Python's bytecode cache
            launch(args_for(variant, -1), platform)
        for run in range(runs):
            for variant, samples in variants.items():
                samples.append(launch(args_for(variant, run), platform))
    result = {name: summarise(samples) for name, samples in variants.items()}
    for name in result.keys() - {"floor"}:
        for key in ("first_paint_s", "cpu_to_paint_s", "peak_rss_mib"):
            result[name][f"{key}_paired_ratio"] = paired_ratio(
                variants[name], variants["floor"], key
            )
    return result


def write_style_sheet(folder: Path) -> Path:
    """The app's light style sheet at offscreen Qt's default text size (9 pt), for today_floor."""
    from compassion_app.ui.palette import LIGHT
    from compassion_app.ui.style import stylesheet

    path = folder / "today.qss"
    path.write_text(stylesheet(9.0, LIGHT), encoding="utf-8")
    return path


def paired_ratio(ours: list[dict[str, object]], floor: list[dict[str, object]], key: str) -> float:
    """Median of each run's ours/floor: the two start back to back, so their ratio cancels most
    machine noise, and its median is steadier than the ratio of two medians."""
    pairs = zip(ours, floor, strict=True)
    return statistics.median(float(a[key]) / float(b[key]) for a, b in pairs)  # type: ignore[arg-type]


def summarise(samples: list[dict[str, object]]) -> dict[str, object]:
    keys = [key for key, value in samples[0].items() if isinstance(value, float)]
    summary: dict[str, object] = {
        key: statistics.median(float(sample[key]) for sample in samples)  # type: ignore[arg-type]
        for key in keys
    }
    summary["first_paint_all_s"] = [round(float(s["first_paint_s"]), 4) for s in samples]  # type: ignore[arg-type]
    summary["loaded_at_first_paint"] = samples[-1]["loaded"]
    summary["runs"] = len(samples)
    return summary


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5, None), indent=2))
