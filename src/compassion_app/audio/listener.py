"""Listening to the breath: a sounddevice input stream feeding the breath detector.

The input callback only copies each block into a ring prepared up front, with the practice
clock's reading at that moment; it never allocates, logs or locks. The GUI thread calls `poll()`
(the practice screen does, on its own timer), which hands the new blocks to `BreathDetector`
together with exactly what the app played for them: a second `Mixer` renders the same frames the
output stream plays, from the same clock, so the app's own voice, bells and breath sound can be
taken away from what the microphone hears. What remains of the delay between the two (sound card
buffers, the air) is found by the detector itself.

Sound is analysed in memory as it arrives and then dropped: nothing is recorded or stored.
No PortAudio, no input device, or a device that refuses to open: `open_listener` returns None
(and logs why); the practice then leads as it always has.

`python -m compassion_app.audio.listener --seconds 30` listens to the microphone for that long
and prints the level and the estimate once a second (with --json, one JSON line at the end).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from compassion_app import messages
from compassion_app.audio.engine import AudioUnavailable, load_sounddevice
from compassion_app.core.breath_detect import BreathDetector
from compassion_app.core.breath_rate import BreathEstimate

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000  # the practice's own rate, so the app's output lines up frame for frame
BLOCKSIZE = 1024
RING_SECONDS = 4.0  # how far the GUI may fall behind before blocks are dropped
RESYNC_SECONDS = 0.25  # the clock moved this far from where it should (a pause): start afresh
SILENT_DB = -120.0

Clock = Callable[[], int]  # frames of the practice played so far
Render = Callable[[np.ndarray, int], None]  # fill (frames, 2) float32 from a start frame


class BreathListener:
    def __init__(
        self,
        sample_rate: int = SAMPLE_RATE,
        device: int | str | None = None,
        clock: Clock | None = None,
        render: Render | None = None,
        blocksize: int = BLOCKSIZE,
        ring_seconds: float = RING_SECONDS,
        stop_after_seconds: float | None = None,
    ) -> None:
        """`stop_after_seconds`: the stream ends by itself once it has heard that much (for the
        command line, and for tests whose file-fed "microphone" runs faster than real time)."""
        self.sample_rate = sample_rate
        self.device = device
        self.blocksize = blocksize
        self.detector = BreathDetector(sample_rate)
        self.dropped = 0  # blocks lost because the GUI fell behind
        self.level_db = SILENT_DB  # loudness of the latest block, for a level meter
        self._clock = clock
        self._render = render
        slots = math.ceil(ring_seconds * sample_rate / blocksize)
        self._last_block = (
            None
            if stop_after_seconds is None
            else math.ceil(stop_after_seconds * sample_rate / blocksize)
        )
        self._ring = np.zeros((slots, blocksize), dtype=np.float32)
        self._lengths = np.zeros(slots, dtype=np.int64)
        self._positions = np.zeros(slots, dtype=np.int64)
        self._written = 0  # blocks written by the callback (only it writes this)
        self._heard_frames = 0
        self._read = 0  # blocks handed to the detector (only the GUI writes this)
        self._played = np.zeros((blocksize, 2), dtype=np.float32)
        self._reference_frame: int | None = None
        self._stream: Any = None
        self._sd: Any = None

    # -- what the GUI calls -------------------------------------------------------------------

    def start(self) -> None:
        """Open the microphone, or raise AudioUnavailable saying why not."""
        sd = self._sd = load_sounddevice()
        try:
            sd.query_devices(self.device, kind="input")
            self._stream = sd.InputStream(
                samplerate=self.sample_rate,
                channels=1,
                dtype="float32",
                blocksize=self.blocksize,
                latency="high",
                device=self.device,
                callback=self._callback,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as error:
            self.close()
            raise AudioUnavailable(f"no microphone: {error}") from error
        log.info("Listening for the breath (latency %.3f s)", self._stream.latency)

    def poll(self) -> BreathEstimate:
        """Analyse every block heard since the last call; the estimate now."""
        written = self._written
        if written - self._read > len(self._ring):
            lost = written - self._read - len(self._ring)
            self.dropped += lost
            log.warning("Breath listening fell behind: %d blocks dropped", lost)
            self._read = written - len(self._ring)
            self._reference_frame = None
        while self._read < written:
            slot = self._read % len(self._ring)
            length = int(self._lengths[slot])
            heard = self._ring[slot, :length]
            self.detector.feed(heard, self._reference(int(self._positions[slot]), length))
            self.level_db = _loudness_db(heard)
            self._read += 1
        return self.detector.estimate()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close(ignore_errors=True)
            self._stream = None

    @property
    def finished(self) -> bool:
        """The stream has stopped by itself (`stop_after_seconds`) and all it heard is analysed."""
        return self._last_block is not None and self._read >= self._last_block

    @property
    def seconds(self) -> float:
        """Seconds of sound analysed so far."""
        return self.detector.seconds

    # -- the audio thread ---------------------------------------------------------------------

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        slot = self._written % len(self._ring)
        count = min(frames, self.blocksize)
        np.copyto(self._ring[slot, :count], indata[:count, 0])
        self._lengths[slot] = count
        self._heard_frames += count
        # Without a practice clock, the frames heard so far stand in for it (the app's output
        # is then taken to run in step with the microphone, as in an offline check).
        self._positions[slot] = self._clock() if self._clock is not None else self._heard_frames
        self._written += 1
        if self._last_block is not None and self._written >= self._last_block:
            raise self._sd.CallbackStop

    # -- helpers ------------------------------------------------------------------------------

    def _reference(self, clock_frame: int, length: int) -> np.ndarray | None:
        """What the app played while this block was heard (None when it plays nothing)."""
        if self._render is None:
            return None
        # The block ends about where the output was when it arrived. Blocks follow on from one
        # another, unless the clock has jumped (a pause, a new practice): then start afresh.
        expected = clock_frame - length
        frame = self._reference_frame
        if frame is None or abs(frame - expected) > RESYNC_SECONDS * self.sample_rate:
            frame = expected
        self._reference_frame = frame + length
        if frame + length <= 0:
            return None
        played = self._played[:length]
        played.fill(0.0)
        start = max(0, frame)
        self._render(played[start - frame :], start)
        return np.asarray(played.mean(axis=1))


def open_listener(
    clock: Clock | None = None, render: Render | None = None, **options: Any
) -> BreathListener | None:
    """A listening microphone, or None (logged) when there is none to be had. `options` go to
    BreathListener (device, ring_seconds, stop_after_seconds)."""
    listener = BreathListener(clock=clock, render=render, **options)
    try:
        listener.start()
    except AudioUnavailable as error:
        log.warning("Not listening for the breath: %s", error.reason)
        return None
    return listener


def _loudness_db(block: np.ndarray) -> float:
    if len(block) == 0:
        return SILENT_DB
    power = float(np.mean(np.square(block, dtype=np.float64)))
    return max(SILENT_DB, 10.0 * math.log10(power)) if power > 0 else SILENT_DB


def _line(estimate: BreathEstimate, level_db: float) -> str:
    level = messages.BREATH_LEVEL_LINE.format(level=level_db)
    if estimate.breaths_per_minute is None:
        return messages.BREATH_RATE_LISTENING.format(seconds=estimate.seconds) + level
    rate = messages.BREATH_RATE_LINE.format(
        seconds=estimate.seconds, rate=estimate.breaths_per_minute, confidence=estimate.confidence
    )
    return rate + level


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Listen to the microphone for the breath.")
    parser.add_argument("--seconds", type=float, default=30.0, help="of sound to listen to")
    parser.add_argument("--json", action="store_true", help="one JSON line at the end")
    parser.add_argument("--timeout", type=float, default=None, help="wall-clock limit, seconds")
    parser.add_argument("--ring-seconds", type=float, default=RING_SECONDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    listener = open_listener(ring_seconds=args.ring_seconds, stop_after_seconds=args.seconds)
    if listener is None:
        print(json.dumps(None) if args.json else messages.BREATH_NO_MICROPHONE)
        return 1
    began = time.monotonic()
    limit = args.timeout if args.timeout is not None else args.seconds + 10.0
    next_report = 1.0
    estimate = listener.poll()
    while not listener.finished and time.monotonic() - began < limit:
        time.sleep(0.02)
        estimate = listener.poll()
        if not args.json and listener.seconds >= next_report:
            print(_line(estimate, listener.level_db))
            next_report += 1.0
    listener.close()
    if args.json:
        figures = {
            "seconds": listener.seconds,
            "breaths_per_minute": estimate.breaths_per_minute,
            "confidence": estimate.confidence,
            "phase": estimate.phase,
            "dropped": listener.dropped,
            "onsets": [start for start, _ in listener.detector.onsets],
        }
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
