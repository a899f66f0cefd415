"""How well the breath detector hears synthetic breathing, and what it costs.

    .venv/bin/python benchmarks/breath_bench.py [--sample-rate 48000] [--seconds 90] [--json]

Breathing is made by tests/helpers/synthetic_breath.py (noise bursts that swell with the flow,
8 % jitter in each breath's length, varied in/out shares) at rates of 4 to 20 a minute, mixed with
room noise at a signal-to-noise ratio (whole-length powers), and fed to the detector in blocks of
1024 frames, as the listener does. Figures:
- rate MAE: mean absolute error, breaths a minute, of every estimate from 30 s on, against the
  true rate of the last four whole breaths (goal <= 1 at rest); `(heard)` the same over only the
  estimates with a confidence of at least 0.5 (those the pacer follows); `heard` is the share of
  that time with such a confidence, and `first` when it began;
- phase: share of moments from 30 s on where the phase said (in/out) is the true one (goal >= 85 %);
- latency: from a breath's true onset to the moment the detector reports it (median, 90th pct);
- false hearing: seconds with confidence >= 0.5 over sound with no breath in it - a quiet room,
  typing, talking, and the app's own guidance through the speakers, with its output given to the
  detector (and, as a control, without it) (goal 0);
- with company: breathing at 10 dB over the room, plus typing, talking or the guidance as loud as
  the breath;
- CPU: process CPU per second of sound, detection with the app's output given, against a bare
  loop that only copies the same blocks (goal <= 1 % of one core).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from compassion_app.core.breath_detect import BreathDetector  # noqa: E402
from compassion_app.core.breath_rate import BreathEstimate  # noqa: E402
from helpers.synthetic_breath import (  # noqa: E402
    Breathing,
    breathing,
    guidance_through_speakers,
    keyboard,
    room_noise,
    scaled_to_snr,
    speech_like,
)

BLOCK = 1024
HEARD = 0.5
SETTLED_AFTER = 30.0
RATES = (4.0, 6.0, 8.0, 12.0, 16.0, 20.0)
SNRS = (20.0, 10.0, 5.0, 0.0)


def listen(
    heard: np.ndarray, sample_rate: int, played: np.ndarray | None = None
) -> tuple[BreathDetector, list[BreathEstimate]]:
    detector = BreathDetector(sample_rate)
    estimates = []
    for start in range(0, len(heard), BLOCK):
        detector.feed(
            heard[start : start + BLOCK], None if played is None else played[start : start + BLOCK]
        )
        estimates.append(detector.estimate())
    return detector, estimates


def accuracy(breath: Breathing, detector: BreathDetector, estimates: list[BreathEstimate]) -> dict:
    later = [e for e in estimates if SETTLED_AFTER <= e.seconds <= breath.breaths[-1].out_end]
    errors = [
        abs(e.breaths_per_minute - breath.recent_rate(e.seconds))
        for e in later
        if e.breaths_per_minute is not None
    ]
    heard_errors = [
        abs(e.breaths_per_minute - breath.recent_rate(e.seconds))
        for e in later
        if e.breaths_per_minute is not None and e.confidence >= HEARD
    ]
    phases = [e.phase == breath.phase_at(e.seconds) for e in later if e.phase is not None]
    confident = [e for e in estimates if e.confidence >= HEARD]
    return {
        "rate_mae": statistics.fmean(errors) if errors else None,
        "rate_mae_heard": statistics.fmean(heard_errors) if heard_errors else None,
        "heard_share": sum(e.confidence >= HEARD for e in later) / max(1, len(later)),
        "first_heard_s": confident[0].seconds if confident else None,
        "phase_accuracy": statistics.fmean(phases) if phases else None,
        "latencies": latencies(breath, detector),
    }


def latencies(breath: Breathing, detector: BreathDetector) -> list[float]:
    """Seconds from each true onset (after the first 10 s) to the report of the matching one."""
    found = []
    for onset, _kind in breath.onsets():
        if onset < 10.0:
            continue
        near = [reported for start, reported in detector.onsets if abs(start - onset) < 0.6]
        if near:
            found.append(near[0] - onset)
    return found


def at_snr(rate: float, snr: float, seconds: float, sample_rate: int) -> dict:
    breath = breathing(seconds, sample_rate, per_minute=rate, seed=int(rate * 10 + snr))
    noise = scaled_to_snr(breath.signal, room_noise(seconds, sample_rate, seed=9), snr)
    detector, estimates = listen(breath.signal + noise, sample_rate)
    return {"rate": rate, "snr_db": snr} | accuracy(breath, detector, estimates)


def no_breath(seconds: float, sample_rate: int) -> list[dict]:
    guidance = guidance_through_speakers(seconds, sample_rate)
    room = room_noise(seconds, sample_rate)
    cases: list[tuple[str, np.ndarray, np.ndarray | None]] = [
        ("quiet room", 0.01 * room, None),
        ("typing", 0.001 * room + 0.01 * keyboard(seconds, sample_rate), None),
        ("talking", 0.001 * room + 0.01 * speech_like(seconds, sample_rate), None),
        ("guidance, output given", 0.002 * room + guidance.heard, guidance.played),
        ("guidance, output not given (control)", 0.002 * room + guidance.heard, None),
    ]
    rows = []
    for name, heard, played in cases:
        detector, estimates = listen(heard.astype(np.float32), sample_rate, played)
        frame = BLOCK / sample_rate
        rows.append(
            {
                "case": name,
                "false_heard_s": sum(e.confidence >= HEARD for e in estimates) * frame,
                "max_confidence": max(e.confidence for e in estimates),
            }
        )
    return rows


def with_company(seconds: float, sample_rate: int) -> list[dict]:
    guidance = guidance_through_speakers(seconds, sample_rate)
    rows = []
    for rate in (6.0, 12.0):
        breath = breathing(seconds, sample_rate, per_minute=rate, seed=int(rate) + 50)
        room = scaled_to_snr(breath.signal, room_noise(seconds, sample_rate), 10)
        guidance_scale = float(
            np.sqrt(np.mean(breath.signal**2.0) / np.mean(guidance.heard.astype(np.float64) ** 2))
        )
        cases: list[tuple[str, np.ndarray, np.ndarray | None]] = [
            ("typing", scaled_to_snr(breath.signal, keyboard(seconds, sample_rate), 0), None),
            ("talking", scaled_to_snr(breath.signal, speech_like(seconds, sample_rate), 0), None),
            ("guidance", guidance.heard * guidance_scale, guidance.played * guidance_scale),
        ]
        for name, company, played in cases:
            detector, estimates = listen(breath.signal + room + company, sample_rate, played)
            rows.append({"rate": rate, "company": name} | accuracy(breath, detector, estimates))
    return rows


def cpu(seconds: float, sample_rate: int) -> dict:
    guidance = guidance_through_speakers(seconds, sample_rate)
    breath = breathing(seconds, sample_rate, per_minute=8.0, seed=1)
    heard = breath.signal + 0.3 * guidance.heard

    def bare() -> None:
        sink = np.empty(BLOCK, dtype=np.float32)
        for start in range(0, len(heard) - BLOCK, BLOCK):
            np.copyto(sink, heard[start : start + BLOCK])
            np.copyto(sink, guidance.played[start : start + BLOCK])

    def detect() -> None:
        listen(heard, sample_rate, guidance.played)

    floor, detection = _cpu_seconds(bare), _cpu_seconds(detect)
    return {
        "detection_core_share": detection / seconds,
        "bare_core_share": floor / seconds,
        "ratio_to_bare": detection / max(floor, 1e-9),
    }


def _cpu_seconds(work: Callable[[], None]) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample-rate", type=int, default=48_000)
    parser.add_argument("--seconds", type=float, default=90.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rate, seconds = args.sample_rate, args.seconds
    figures = {
        "sample_rate": rate,
        "seconds": seconds,
        "by_snr": [at_snr(r, snr, seconds, rate) for snr in SNRS for r in RATES],
        "no_breath": no_breath(120.0, rate),
        "with_company": with_company(seconds, rate),
        "cpu": cpu(60.0, rate),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print_table(figures)
    return 0


def _f(value: float | None, form: str) -> str:
    return "-" if value is None else format(value, form)


def print_table(figures: dict) -> None:
    print(f"Breath detector at {figures['sample_rate']} Hz, {figures['seconds']:.0f} s each\n")
    print(" SNR dB  rate   MAE bpm  (heard)  heard  first s  phase  latency med/p90 s")
    for snr in SNRS:
        rows = [row for row in figures["by_snr"] if row["snr_db"] == snr]
        for row in rows:
            print(_accuracy_line(f"{snr:7.0f} {row['rate']:5.0f}", row))
        maes = [row["rate_mae"] for row in rows if row["rate_mae"] is not None]
        phases = [row["phase_accuracy"] for row in rows if row["phase_accuracy"] is not None]
        print(
            f"{snr:7.0f}   all   {_f(statistics.fmean(maes) if maes else None, '6.2f')}"
            f"                          {_f(statistics.fmean(phases) if phases else None, '5.0%')}"
        )
    print("\nNo breath at all: seconds heard as breath (confidence >= 0.5), highest confidence")
    for row in figures["no_breath"]:
        print(f"  {row['case']:40} {row['false_heard_s']:6.1f} s   {row['max_confidence']:.2f}")
    print("\nBreath at 10 dB over the room, with company as loud as the breath")
    print(" company   rate   MAE bpm  (heard)  heard  first s  phase  latency med/p90 s")
    for row in figures["with_company"]:
        print(_accuracy_line(f" {row['company']:9}{row['rate']:4.0f}", row))
    share = figures["cpu"]
    print(
        f"\nCPU: detection {share['detection_core_share']:.2%} of a core (with the app's output);"
        f" a bare copy of the same blocks {share['bare_core_share']:.3%};"
        f" ratio {share['ratio_to_bare']:.0f}x"
    )


def _accuracy_line(head: str, row: dict) -> str:
    lat = row["latencies"]
    latency = f"{statistics.median(lat):.2f}/{float(np.percentile(lat, 90)):.2f}" if lat else "-"
    return (
        f"{head}   {_f(row['rate_mae'], '6.2f')}   {_f(row['rate_mae_heard'], '6.2f')}"
        f"  {row['heard_share']:5.0%}"
        f"  {_f(row['first_heard_s'], '6.1f')}  {_f(row['phase_accuracy'], '5.0%')}  {latency}"
    )


if __name__ == "__main__":
    sys.exit(main())
