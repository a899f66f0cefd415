"""Play one practice through the default output device, from the command line.

    python -m compassion_app.audio.play SCRIPT.toml --minutes 1 [--voice-dir DIR]
        [--pause-at FRAME --pause-blocks N] [--stop-at FRAME] [--report FILE.json]

A developer's tool, and the way the end-to-end tests drive the real PortAudio stream: PortAudio
reads the ALSA configuration once, when it starts, so each configuration needs its own process.
Pause, resume and stop are requested the way the GUI requests them - from another thread, while
the stream runs - at the first moment the clock has passed the given frame.
Exit status: 0 played, 3 no sound (the notice is printed), 4 the stream failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.engine import AudioEngine, AudioUnavailable
from compassion_app.audio.mixer import Mixer
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import SAMPLE_RATE, build_timeline

POLL_SECONDS = 0.0005  # the file sink does not pace the stream: it runs far faster than real time


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    script = load_script(args.script)
    clips = VoiceClips(args.voice_dir, args.rate) if args.voice_dir else None
    timeline = build_timeline(script, args.minutes, args.rate, clips.seconds if clips else None)
    engine = AudioEngine()
    report: dict[str, object] = {"total_frames": timeline.total_frames}
    try:
        engine.start(Mixer(timeline, clips))
    except AudioUnavailable as error:
        print(error)
        print(f"({error.reason})", file=sys.stderr)
        return 3
    began = time.perf_counter()
    try:
        report.update(_drive(engine, args))
    finally:
        engine.stop()  # faded, even on Ctrl+C
    report.update(_figures(engine, time.perf_counter() - began, timeline.sample_rate))
    report["failure"] = engine.failure
    if args.report:
        args.report.write_text(json.dumps(report, indent=2))
    return 4 if engine.failure else 0


def _drive(engine: AudioEngine, args: argparse.Namespace) -> dict[str, int]:
    """Pause, resume and stop as asked, then wait for the end; the clock at each request."""
    moments = {}
    if args.pause_at is not None:
        moments["paused_at"] = _when(engine, lambda: engine.position >= args.pause_at, engine.pause)
        _wait(engine, lambda: engine.paused)
        resume_after = engine.callbacks + args.pause_blocks  # silent blocks the device plays
        moments["resumed_at"] = _when(
            engine, lambda: engine.callbacks >= resume_after, engine.resume
        )
    if args.stop_at is not None:
        moments["stopped_at"] = _when(engine, lambda: engine.position >= args.stop_at, engine.stop)
    else:
        _wait(engine, lambda: engine.ended)
    return moments


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m compassion_app.audio.play")
    parser.add_argument("script", type=Path)
    parser.add_argument("--minutes", type=int, default=1)
    parser.add_argument("--rate", type=int, default=SAMPLE_RATE)
    parser.add_argument("--voice-dir", type=Path)
    parser.add_argument("--pause-at", type=int, help="pause once the clock passes this frame")
    parser.add_argument(
        "--pause-blocks", type=int, default=20, help="silent blocks before resuming"
    )
    parser.add_argument("--stop-at", type=int, help="stop once the clock passes this frame")
    parser.add_argument("--report", type=Path, help="write figures as JSON here")
    return parser.parse_args(argv)


def _wait(engine: AudioEngine, condition: Callable[[], bool]) -> None:
    while not condition():
        if engine.failure:
            return
        time.sleep(POLL_SECONDS)


def _when(engine: AudioEngine, condition: Callable[[], bool], action: Callable[[], None]) -> int:
    """Do `action` as soon as `condition` holds; the clock's reading at that moment."""
    _wait(engine, condition)
    position = engine.position
    action()
    return position


def _figures(engine: AudioEngine, wall_seconds: float, sample_rate: int) -> dict[str, object]:
    timings = engine.timings()
    block = engine.blocksize / sample_rate
    return {
        "wall_seconds": wall_seconds,
        "position": engine.position,
        "underruns": engine.underruns,
        "callbacks": engine.callbacks,
        "block_seconds": block,
        "callback_max_seconds": float(timings.max()) if len(timings) else 0.0,
        "callback_p99_seconds": float(np.percentile(timings, 99)) if len(timings) else 0.0,
        "callback_mean_seconds": float(timings.mean()) if len(timings) else 0.0,
    }


if __name__ == "__main__":
    sys.exit(main())
