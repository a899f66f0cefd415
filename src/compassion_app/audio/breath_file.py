"""The breath detector over a recording: how people (and tests) check it on real sound.

The file is read block by block (a long recording never sits whole in memory), mixed to mono and
fed to the same `BreathDetector` the listener uses; every `every` seconds the running estimate is
taken, exactly as the pacer would have seen it at that moment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import soundfile

from compassion_app.core.breath_detect import BreathDetector
from compassion_app.core.breath_rate import BreathEstimate

READ_FRAMES = 1 << 15


class NotSound(OSError):
    """The file opens, but holds no sound libsndfile can read."""


def running_estimates(path: Path, every: float = 1.0) -> Iterator[BreathEstimate]:
    """The estimate after each `every` seconds of the recording.

    Raises the system's OSError if the file cannot be opened (missing, not allowed: opened here
    first, so the cause is kept), and NotSound if it is not audio libsndfile knows.
    """
    with path.open("rb") as handle:
        try:
            sound = soundfile.SoundFile(handle)
        except (soundfile.LibsndfileError, RuntimeError) as error:
            raise NotSound(str(error)) from error
        with sound:
            yield from _estimates(sound, every)


def _estimates(sound: soundfile.SoundFile, every: float) -> Iterator[BreathEstimate]:
    detector = BreathDetector(sound.samplerate)
    next_report = every
    for block in sound.blocks(READ_FRAMES, dtype="float32", always_2d=True):
        mono = block.mean(axis=1)
        for start in range(0, len(mono), detector.hop):
            detector.feed(mono[start : start + detector.hop])
            if detector.seconds + 1e-9 >= next_report:
                yield detector.estimate()
                next_report += every


def as_record(estimate: BreathEstimate) -> dict[str, float | None]:
    """One entry of `breath-rate --json`."""
    rate = estimate.breaths_per_minute
    return {
        "seconds": round(estimate.seconds, 3),
        "breaths_per_minute": None if rate is None else round(rate, 2),
        "confidence": round(estimate.confidence, 3),
    }
