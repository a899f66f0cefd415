"""Compassion Companion's benchmarks, each against the floor a bare PySide6 app reaches here.

    .venv/bin/python benchmarks/run.py [--quick] [--skip-bundle] [--json PATH] [--platform NAME]

Prints one table (metric | ours | floor | ratio | goal | ok?) and writes every figure, the machine
and the raw samples to benchmarks/results/latest.json. Floor and app run in the same session, so
ratios hold from machine to machine even when the absolute figures do not. Each part runs in
child processes with timeouts; a part that fails is reported and the others still run.
docs/performance.md explains each figure and records the latest results.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import bundle
import startup
from report import Row, table, write_json

HERE = Path(__file__).resolve().parent
CHILD_TIMEOUT_S = 900


def run_child(script: str, *args: str, platform: str = "offscreen") -> dict[str, object]:
    """Run benchmarks/<script> in a fresh Python; its last JSON line on stdout is the result."""
    command = [sys.executable, str(HERE / script), *args]
    done = subprocess.run(
        command,
        env=startup.child_env(platform),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{script} {' '.join(args)} failed (exit {done.returncode}):\n{done.stderr[-1500:]}"
        )
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def startup_rows(data: dict[str, dict[str, float]]) -> list[Row]:
    floor = data["floor"]
    rows = []
    variants = (
        ("app", ", a new person"),
        ("app_returning", ", a returning person"),
        ("app_10y", ", 10-year store"),
        ("today_floor", ", Today's widgets in plain Qt"),  # no goal: a second floor
    )
    for variant, label in variants:
        ours = data.get(variant)
        if ours is None:
            continue
        for key, what, limit, digits in (
            ("first_paint_s", f"start-up to first paint{label} (s)", 1.25, 3),
            ("cpu_to_paint_s", f"CPU time to first paint{label} (s)", 1.25, 3),
            ("peak_rss_mib", f"peak RSS at first paint{label} (MiB)", 1.3, 1),
        ):
            paired = ours.get(f"{key}_paired_ratio")
            goal = None if variant == "today_floor" else limit
            rows.append(Row(what, ours[key], floor[key], goal, True, digits, paired_ratio=paired))
    # Where the time goes (no goal): our imports, then our window's construction and first frame.
    app = data["app"]
    for key, what in (
        ("to_qapplication_s", "  start -> QApplication: imports (ms)"),
        ("qapplication_to_paint_s", "  QApplication -> first paint (ms)"),
    ):
        rows.append(Row(what, 1000 * app[key], 1000 * floor[key], digits=1))
    return rows


def running_rows(practice: dict[str, float], idle: dict[str, float]) -> list[Row]:
    return [
        Row("CPU, practice animating (% of a core)", practice["cpu_percent"], limit=3.0, digits=2),
        Row("  frames shown per second", practice["frames_per_s"], digits=1),
        Row("CPU, idle on Today (% of a core)", idle["cpu_percent"], limit=0.1, digits=3),
        Row(
            "None/True refs lost per s, practice", practice["refs_lost_per_s"], limit=1.0, digits=0
        ),
    ]


def store_rows(data: dict[str, dict[str, float | None]]) -> list[Row]:
    def ms(key: str, label: str, limit: float | None = None) -> Row:
        floor = data[key]["floor"]
        return Row(
            label,
            1000 * float(data[key]["ours"] or 0),
            1000 * floor if floor else None,
            limit,
            digits=1,
        )

    return [
        Row(
            "store files, 36,500 practices + 1,000 letters (MiB)",
            data["file_mib"]["ours"],
            digits=1,
        ),
        ms("open_s", "store open: the main file only (ms; floor json.loads of it)"),
        ms("first_practices_since_s", "first practices(since last 1 Jan): 2 years (ms)"),
        ms("first_practices_s", "first practices(): all 10 years (ms)"),
        ms("append_s", "add_practice, one append (ms; floor raw atomic write)", 20),
        ms("letter_autosave_s", "letter autosave (ms; floor raw atomic write)", 10),
        ms("setting_s", "set_setting (ms; floor raw atomic write)"),
        ms("encode_year_s", "encode one year's file, orjson (ms; floor: json)"),
        ms("search_first_s", "first letter search, reads 1,000 letters (ms)"),
        ms("search_again_s", "letter search again (ms)"),
        ms("export_s", "export everything to JSON (ms; floor raw atomic write)", 2000),
        ms("migrate_s", "one-time move of a version-1 file into shards (ms)"),
        ms("stats_s", "full stats: streak + minutes today (ms)", 16),
        ms("today_refresh_s", "Today refresh with 10 years (ms)", 16),
    ]


def audio_part(quick: bool) -> tuple[list[Row], dict[str, object]]:
    """audio_bench.py is the audio engineer's; with `--json` it prints one JSON line."""
    script = HERE / "audio_bench.py"
    if not script.exists():
        return [], {"skipped": "benchmarks/audio_bench.py does not exist yet"}
    args = ["--json", *(["--minutes", "5"] if quick else [])]
    figures = run_child("audio_bench.py", *args)
    return audio_rows(figures), figures


def audio_rows(figures: dict[str, object]) -> list[Row]:
    """Mix CPU against its goal; the real callback's max and p99 against the block's duration."""

    def number(key: str) -> float | None:
        value = figures.get(key)
        return float(value) if isinstance(value, (int, float)) else None

    rows = [
        Row("audio: mix CPU (s per s of audio)", number("cpu_per_audio_s"), limit=0.005, digits=4)
    ]
    block = number("engine_block_seconds")
    for label in ("max", "p99"):
        took = number(f"engine_callback_{label}_seconds")
        if took is not None and block:
            # A callback must finish well inside its block; half the block is our margin.
            rows.append(
                Row(
                    f"audio: callback {label} (ms; floor = block)",
                    1000 * took,
                    1000 * block,
                    0.5,
                    True,
                    3,
                )
            )
    if number("engine_underruns") is not None:
        rows.append(Row("audio: underruns", number("engine_underruns"), limit=0, digits=0))
    return rows


def progress_rows(result: dict[str, dict[str, float]]) -> list[Row]:
    """Every progress figure over ten years, and the progress screen's first paint (stats_bench)."""
    figures, screen = result["figures"], result["screen"]
    every = next(seconds for name, seconds in figures.items() if name.startswith("every figure"))
    floor = next(iter(figures.values()))
    paint = next(seconds for name, seconds in screen.items() if name.startswith("progress screen"))
    bare = next(iter(screen.values()))
    return [
        Row("progress: every figure, 10 years (ms; floor = one look per record)",
            1000 * every, 1000 * floor, 20, False, 2),
        Row("progress: screen's first paint, 10 years (ms; floor = bare widget)",
            1000 * paint, 1000 * bare, 100, False, 1),
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument(
        "--quick", action="store_true", help="5 start-ups, 10 s CPU spans, 3 repeats"
    )
    options.add_argument("--skip-bundle", action="store_true", help="skip the PyInstaller builds")
    options.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    options.add_argument(
        "--platform", default="offscreen", help="Qt platform for start-up (xcb needs a display)"
    )
    args = options.parse_args(argv)
    runs, span, repeats = (5, 10, 3) if args.quick else (7, 30, 5)
    rows: list[Row] = []
    details: dict[str, object] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "quick": args.quick,
        "platform": args.platform,
        "runs": runs,
        "cpu_span_s": span,
    }
    failures = []

    def part(name: str, action: Callable[[], list[Row]]) -> None:
        print(f"... {name}", file=sys.stderr, flush=True)
        try:
            rows.extend(action())
        except Exception as error:  # noqa: BLE001 - report it, and carry on with the other parts
            failures.append(name)
            details[f"{name}_error"] = "".join(traceback.format_exception_only(error)).strip()
            rows.append(Row(f"{name}: FAILED (see JSON details)", None))

    with tempfile.TemporaryDirectory(prefix="bench-10y-") as big_store:

        def start_up() -> list[Row]:
            run_child("store_bench.py", "--keep", big_store)  # the 10-year store, for one variant
            details["startup"] = startup.measure(runs, Path(big_store), args.platform)
            return startup_rows(details["startup"])  # type: ignore[arg-type]

        part("startup", start_up)

    def running() -> list[Row]:
        practice = run_child("running_cost.py", "practice", str(span))
        idle = run_child("running_cost.py", "idle", str(span))
        details["running"] = {"practice": practice, "idle": idle}
        return running_rows(practice, idle)  # type: ignore[arg-type]

    def store() -> list[Row]:
        details["store"] = run_child("store_bench.py", "--repeats", str(repeats))
        return store_rows(details["store"])  # type: ignore[arg-type]

    def audio() -> list[Row]:
        audio_rows_, details["audio"] = audio_part(args.quick)
        return audio_rows_

    def progress() -> list[Row]:
        details["progress"] = run_child("stats_bench.py", "--json", "--repeats", str(repeats))
        return progress_rows(details["progress"])  # type: ignore[arg-type]

    def bundle_size() -> list[Row]:
        details["bundle"] = sizes = bundle.measure()
        return [Row("bundle, one folder (MB)", sizes["app_mb"], sizes["floor_mb"], digits=1)]  # type: ignore[arg-type]

    part("running", running)
    part("store", store)
    part("audio", audio)
    part("progress", progress)
    if not args.skip_bundle:
        part("bundle", bundle_size)

    rows = [row.judge() for row in rows]
    print(table(rows))
    command = "python benchmarks/run.py " + " ".join(argv)
    write_json(args.json, rows, details, command.strip())
    print(f"\nJSON: {os.path.relpath(args.json)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
