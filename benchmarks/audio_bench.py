"""What the sound costs: mixing CPU, the real callback's timing, and rendering a long practice.

    .venv/bin/python benchmarks/audio_bench.py [--minutes 20] [--json]

The practice is soothing-rhythm breathing with every layer on: its recorded voice, bells (with
interval bells every 5 minutes), the breath sound and a rain bed. Figures:
- mix CPU: process CPU seconds per second of audio, rendering in 1024-frame blocks as the
  callback does (goal <= 0.005, i.e. 0.5 % of one core);
- callback: the real sounddevice stream through PortAudio and ALSA into /dev/null (ALSA's `file`
  plugin; no sound card needed). That sink does not pace the stream, so the whole practice runs
  back to back: durations are the callback's own work, max and 99th percentile, against the
  21.3 ms a block lasts;
- render: wall time to render the whole practice to WAV (24-bit) and to OGG, and the mix alone.
Prints a table, or with --json one JSON line for benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.engine import BLOCKSIZE
from compassion_app.audio.mixer import Mixer
from compassion_app.audio.render import render_to_file
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.paths import resource_path

SCRIPT = resource_path("scripts", "soothing-rhythm-breathing.toml")
ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
MIX_CPU_GOAL = 0.005
ASOUNDRC = """\
pcm.!default { type plug  slave { pcm "tofile" } }
pcm.tofile { type file  slave.pcm "null"  file "/dev/null"  format "raw" }
"""


def practice(minutes: int) -> tuple[Timeline, VoiceClips]:
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    script = replace(load_script(SCRIPT), ambient="rain", interval_bell_minutes=5.0)
    timeline = build_timeline(script, minutes, SAMPLE_RATE, clips.seconds)
    if not timeline.of_kind("voice"):
        sys.exit("No recorded voice clips found: these figures need the voice layer.")
    return timeline, clips


def mix_cpu(timeline: Timeline, clips: VoiceClips) -> dict[str, float]:
    began = time.perf_counter()
    mixer = Mixer(timeline, clips)
    prepare = time.perf_counter() - began
    out = np.empty((BLOCKSIZE, 2), dtype=np.float32)
    cpu = time.process_time()
    for start in range(0, timeline.total_frames, BLOCKSIZE):
        mixer.render_into(out, start)
    cpu = time.process_time() - cpu
    return {"prepare_s": prepare, "cpu_per_audio_s": cpu / (timeline.total_frames / SAMPLE_RATE)}


def callback_timing(minutes: int) -> dict[str, float]:
    """Run the real engine in a child process (PortAudio reads the ALSA setup once, at start-up)."""
    if not ALSA_CONF.is_file():
        return {}
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "every-layer.toml"
        script.write_text(
            SCRIPT.read_text().replace("default_minutes", 'ambient = "rain"\ndefault_minutes', 1)
            + "\n[bells]\ninterval_minutes = 5\n"
        )
        config, report = Path(folder) / "asoundrc", Path(folder) / "report.json"
        config.write_text(ASOUNDRC)
        env = os.environ | {"ALSA_CONFIG_PATH": f"{ALSA_CONF}:{config}"}
        voice = resource_path("audio", "voice")
        command = [
            sys.executable,
            "-m",
            "compassion_app.audio.play",
            str(script),
            "--minutes",
            str(minutes),
            "--voice-dir",
            str(voice),
            "--report",
            str(report),
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            print(done.stdout, done.stderr, file=sys.stderr)
            return {}
        figures: dict[str, float] = json.loads(report.read_text())
    return figures


def render_times(timeline: Timeline, clips: VoiceClips) -> dict[str, float]:
    times = {}
    began = time.perf_counter()
    mixer = Mixer(timeline, clips)
    block = np.empty((1 << 16, 2), dtype=np.float32)
    for start in range(0, timeline.total_frames, len(block)):
        mixer.render_into(block[: min(len(block), timeline.total_frames - start)], start)
    times["mix_only_s"] = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".wav", ".ogg"):
            began = time.perf_counter()
            render_to_file(timeline, clips, Path(folder) / f"practice{suffix}")
            times[f"to{suffix}_s"] = time.perf_counter() - began
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    timeline, clips = practice(args.minutes)
    figures = {"minutes": args.minutes, **mix_cpu(timeline, clips)}
    figures.update(
        {
            f"engine_{key}": value
            for key, value in callback_timing(args.minutes).items()
            if key not in ("failure", "total_frames")
        }
    )
    figures.update(render_times(timeline, clips))
    if args.json:
        print(json.dumps(figures))
    else:
        print_table(figures)
    return 0


def print_table(figures: dict[str, float]) -> None:
    minutes = figures["minutes"]
    print(f"Soothing-rhythm breathing, {minutes} min, every layer (voice, bells, breath, rain)")
    cpu = figures["cpu_per_audio_s"]
    print(
        f"  mix CPU, 1024-frame blocks  {cpu:.5f} s per s of audio   goal <= {MIX_CPU_GOAL}   "
        f"{'ok' if cpu <= MIX_CPU_GOAL else 'OVER'}"
    )
    print(f"  mixer preparation           {figures['prepare_s']:.3f} s")
    if "engine_block_seconds" in figures:
        block = figures["engine_block_seconds"] * 1000
        for label in ("max", "p99", "mean"):
            value = figures[f"engine_callback_{label}_seconds"] * 1000
            share = value / block
            print(
                f"  callback {label:4}               {value:7.3f} ms of a {block:.1f} ms block",
                end="",
            )
            print(f" ({share:.2%})")
        counts = f"{figures['engine_callbacks']:.0f} / {figures['engine_underruns']:.0f}"
        print(f"  callbacks / underruns       {counts}")
    else:
        print("  callback: not measured (no ALSA here)")
    print(f"  render {minutes} min: mix only     {figures['mix_only_s']:.2f} s")
    print(f"  render {minutes} min to WAV 24-bit {figures['to.wav_s']:.2f} s")
    print(f"  render {minutes} min to OGG        {figures['to.ogg_s']:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
