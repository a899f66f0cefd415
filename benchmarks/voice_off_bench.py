"""The guide's voice off, and the render's own file writing, each against its floor.

    python benchmarks/voice_off_bench.py [MINUTES] [EXERCISE]

1. Memory: the voice the mixer decodes for one practice, voice on and voice off (captions only).
2. Render CPU: `render_to_file` writes through a small file object of its own, so that a failed
   write keeps its cause (a full disk); the floor is the same mixed blocks written by libsndfile
   straight to a path. Medians of 5 runs, process CPU time, per format. Prints JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np
import soundfile

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.audio.render import FORMATS, RENDER_BLOCK_FRAMES, render_to_file
from compassion_app.core.library import load_library
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.paths import resource_path

RUNS = 5


def floor_render(timeline: Timeline, clips: VoiceClips, path: Path) -> None:
    """The same blocks, written by libsndfile to a path it opens itself."""
    mixer = Mixer(timeline, clips)
    block = np.empty((RENDER_BLOCK_FRAMES, 2), dtype=np.float32)
    container, subtype = FORMATS[path.suffix]
    with soundfile.SoundFile(str(path), "w", SAMPLE_RATE, 2, subtype, format=container) as sink:
        for start in range(0, mixer.total_frames, RENDER_BLOCK_FRAMES):
            piece = block[: min(RENDER_BLOCK_FRAMES, mixer.total_frames - start)]
            mixer.render_into(piece, start)
            sink.write(piece)


def cpu_seconds(job: object) -> float:
    started = time.process_time()
    job()  # type: ignore[operator]
    return time.process_time() - started


def main() -> None:
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    exercise = sys.argv[2] if len(sys.argv) > 2 else "calm-place"
    script = load_library(resource_path("scripts")).get(exercise)
    assert script is not None, exercise
    voice_dir = resource_path("audio", "voice")
    on = build_timeline(script, minutes, SAMPLE_RATE, VoiceClips(voice_dir, SAMPLE_RATE).seconds)
    off = build_timeline(script, minutes, SAMPLE_RATE, None)
    decoded = {}
    for name, timeline in (("voice_on", on), ("voice_off", off)):
        clips = VoiceClips(voice_dir, SAMPLE_RATE)
        Mixer(timeline, clips)
        decoded[name] = round(clips.decoded_bytes / 2**20, 2)
    results: dict[str, object] = {"exercise": exercise, "minutes": minutes, "voice_MiB": decoded}
    clips = VoiceClips(voice_dir, SAMPLE_RATE)
    folder = Path(tempfile.mkdtemp())
    for suffix in FORMATS:
        ours, floor = [], []
        for run in range(RUNS):
            # Alternate which goes first, so neither always meets a warm cache.
            ours_path, floor_path = folder / f"ours{suffix}", folder / f"floor{suffix}"
            pair = [
                (ours, partial(render_to_file, on, clips, ours_path)),
                (floor, partial(floor_render, on, clips, floor_path)),
            ]
            for times, job in pair if run % 2 == 0 else pair[::-1]:
                times.append(cpu_seconds(job))
        results[suffix] = {
            "render_cpu_s": round(statistics.median(ours), 3),
            "floor_cpu_s": round(statistics.median(floor), 3),
            "ratio": round(statistics.median(ours) / statistics.median(floor), 3),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
