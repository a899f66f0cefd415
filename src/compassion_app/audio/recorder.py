"""Recording a person reading their letter aloud, and playing the reading back.

The microphone comes in through one sounddevice `InputStream`. Its callback only copies each
block into buffers prepared ahead and notes the block's level for the meter; it never logs, locks
or writes files. When the reading ends, the frames are encoded as OGG/Vorbis (soundfile) into
bytes, which the caller keeps with the letter - so the same bytes can be protected like the letter.

No PortAudio, no input device, or a device that refuses to open: `RecordingUnavailable`, whose
text is the kind sentence for the person and whose `reason` is for the log.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from typing import Any

import numpy as np

from compassion_app import messages
from compassion_app.audio.engine import AudioUnavailable, load_sounddevice

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
BLOCKSIZE = 1024
CHUNK_FRAMES = 1 << 19  # about 11 s of mono audio: the callback allocates once per chunk at most
LONGEST_SECONDS = 30 * 60  # a reading longer than half an hour stops growing (the stream runs on)


class RecordingUnavailable(Exception):
    """Recording (or playback) cannot happen; `str(error)` is for the person, `reason` for logs."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text)
        self.reason = reason


class Recorder:
    """One reading: `start()`, then `stop()` gives the frames; `level` feeds the meter meanwhile."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, device: int | str | None = None) -> None:
        self.sample_rate = sample_rate
        self.device = device
        self.level = 0.0  # RMS of the latest block, 0..1: written by the audio thread only
        self.overflows = 0
        self._chunks: list[np.ndarray] = []
        self._filled = 0  # frames written into the last chunk
        self._limit = LONGEST_SECONDS * sample_rate
        self._stream: Any = None

    def start(self) -> None:
        sd = _sounddevice(messages.LETTER_NO_MICROPHONE)
        try:
            sd.query_devices(self.device, kind="input")
            self._chunks = [np.zeros(CHUNK_FRAMES, dtype=np.float32)]
            self._filled = 0
            self._stream = sd.InputStream(
                samplerate=self.sample_rate,
                channels=1,
                dtype="float32",
                blocksize=BLOCKSIZE,
                device=self.device,
                callback=self._callback,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as error:
            self._close()
            log.warning("No recording: %s", error)
            raise RecordingUnavailable(messages.LETTER_NO_MICROPHONE, str(error)) from error
        log.info("Recording started at %d Hz", self.sample_rate)

    @property
    def recording(self) -> bool:
        return self._stream is not None

    @property
    def frames_recorded(self) -> int:
        return (len(self._chunks) - 1) * CHUNK_FRAMES + self._filled if self._chunks else 0

    def stop(self) -> np.ndarray:
        """End the reading; its frames as mono float32 (empty if nothing was heard)."""
        self._close()
        self.level = 0.0
        if not self._chunks:
            return np.zeros(0, dtype=np.float32)
        frames = np.concatenate([*self._chunks[:-1], self._chunks[-1][: self._filled]])
        self._chunks = []
        self._filled = 0
        if self.overflows:
            log.warning("Recording: %d input overflows", self.overflows)
        return frames

    def _close(self) -> None:
        if self._stream is not None:
            self._stream.close(ignore_errors=True)
            self._stream = None

    # -- the audio thread ---------------------------------------------------------------------

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status.input_overflow:
            self.overflows += 1
        block = indata[:, 0]
        self.level = float(np.sqrt(np.mean(np.square(block)))) if frames else 0.0
        recorded = (len(self._chunks) - 1) * CHUNK_FRAMES + self._filled
        take = min(frames, self._limit - recorded)
        while take > 0:
            chunk = self._chunks[-1]
            room = min(take, CHUNK_FRAMES - self._filled)
            start = frames - take
            chunk[self._filled : self._filled + room] = block[start : start + room]
            self._filled += room
            take -= room
            if self._filled == CHUNK_FRAMES:
                self._chunks.append(np.zeros(CHUNK_FRAMES, dtype=np.float32))
                self._filled = 0


def encode_ogg(frames: np.ndarray, sample_rate: int) -> bytes:
    """The reading as OGG/Vorbis bytes (mono)."""
    import soundfile

    buffer = io.BytesIO()
    soundfile.write(buffer, frames, sample_rate, format="OGG", subtype="VORBIS")
    return buffer.getvalue()


def decode_ogg(data: bytes) -> tuple[np.ndarray, int]:
    """Frames (mono float32) and sample rate of a kept reading."""
    import soundfile

    frames, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return np.ascontiguousarray(frames[:, 0]), int(rate)


BED_LEVEL = 0.04  # the ambient bed's RMS under a reading: heard, never over the voice
BED_FADE_SECONDS = 1.5


class Player:
    """Plays a kept reading once through the default output; `finished` when it has all played.

    With `bed` (a stereo loop from `audio.synth.ambient`, RMS about 1), a soft ambient sound plays
    under the voice, fading in and out with it. The callback mixes into buffers made beforehand.
    """

    def __init__(
        self,
        frames: np.ndarray,
        sample_rate: int,
        device: int | str | None = None,
        bed: np.ndarray | None = None,
    ):
        self._frames = np.ascontiguousarray(frames, dtype=np.float32)
        self.sample_rate = sample_rate
        self.device = device
        self.position = 0  # frames handed to the device so far
        self._bed = None if bed is None else np.ascontiguousarray(bed * BED_LEVEL, np.float32)
        fade = max(1, min(round(BED_FADE_SECONDS * sample_rate), len(self._frames) // 2))
        self._fade = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        self._index = np.zeros(BLOCKSIZE * 4, dtype=np.int64)
        self._gain = np.zeros(BLOCKSIZE * 4, dtype=np.float32)
        self._done = threading.Event()
        self._stream: Any = None
        self._sd: Any = None

    def start(self) -> None:
        sd = self._sd = _sounddevice(messages.LETTER_NO_PLAYBACK)
        try:
            sd.query_devices(self.device, kind="output")
            self._stream = sd.OutputStream(
                samplerate=self.sample_rate,
                channels=2,
                dtype="float32",
                blocksize=BLOCKSIZE,
                device=self.device,
                callback=self._callback,
                finished_callback=self._done.set,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as error:
            self.stop()
            log.warning("No playback: %s", error)
            raise RecordingUnavailable(messages.LETTER_NO_PLAYBACK, str(error)) from error

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float) -> bool:
        """Block until the reading has played (for the command line and tests)."""
        deadline = time.monotonic() + timeout
        while not self._done.wait(0.05):
            if time.monotonic() > deadline:
                return False
        return True

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.close(ignore_errors=True)
            self._stream = None

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        block = self._frames[self.position : self.position + frames]
        count = len(block)
        outdata[:count, 0] = block
        outdata[:count, 1] = block
        outdata[count:] = 0.0
        if self._bed is not None and 0 < count <= len(self._index):
            self._mix_bed(outdata[:count], count)
        self.position += count
        if self.position >= len(self._frames):
            raise self._sd.CallbackStop

    def _mix_bed(self, out: np.ndarray, count: int) -> None:
        """Add the looping bed under `count` frames, faded at the reading's start and end."""
        assert self._bed is not None
        index, gain = self._index[:count], self._gain[:count]
        np.add(np.arange(count), self.position, out=index)  # small: one block's frame numbers
        total, fade = len(self._frames), len(self._fade)
        gain.fill(1.0)
        head = index < fade
        gain[head] = self._fade[index[head]]
        tail = index >= total - fade
        gain[tail] = self._fade[total - 1 - index[tail]]
        np.mod(index, len(self._bed), out=index)
        out += self._bed[index] * gain[:, None]


def _sounddevice(kind_text: str) -> Any:
    try:
        return load_sounddevice()
    except AudioUnavailable as error:
        raise RecordingUnavailable(kind_text, error.reason) from error
