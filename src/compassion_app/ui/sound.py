"""The bridge from a practice to the audio engine, kept apart so screens never touch sounddevice.

Each practice gets its own decoded voice and its own output stream, and lets go of both as soon as
its end bell has rung out: a finished practice holds no sound device and no memory (the decoded
voice of a long practice is tens of MiB of float32), whether or not another practice follows.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from compassion_app.audio import SILENT_NOTICE
from compassion_app.paths import resource_path

if TYPE_CHECKING:
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.audio.engine import AudioEngine
    from compassion_app.core.timeline import ClipSeconds, Timeline

log = logging.getLogger(__name__)

# How often a playing practice looks whether its end bell has been rendered. Four looks a second
# cost nothing, and the stream is closed well within a second of the bell's last sample.
WATCH_INTERVAL_MS = 250
# Once everything is rendered, the device still has its buffer to play: wait that long (plus a
# little) before closing, so the bell's last moment is heard rather than cut.
RING_OUT_MARGIN_S = 0.1


def voice_clips(sample_rate: int) -> VoiceClips:
    """The bundled voice, read from disk only when a clip is loaded (headers are cheap)."""
    from compassion_app.audio.clips import VoiceClips

    return VoiceClips(resource_path("audio", "voice"), sample_rate)


def voice_clip_seconds(sample_rate: int, spoken: bool = True) -> ClipSeconds | None:
    """The clips' lengths for the timeline; None with the guide's voice off (captions only).

    With no clip lengths the timeline has no voice events at all, so no clip is ever decoded or
    played, and every caption is held for its reading time instead.
    """
    return voice_clips(sample_rate).seconds if spoken else None


def start_sound(timeline: Timeline, volumes: Mapping[str, float]) -> PracticeSound | str:
    """A playing sound for this practice, or a kind sentence saying why it will be silent."""
    from compassion_app.audio.engine import AudioEngine, AudioUnavailable
    from compassion_app.audio.mixer import Mixer

    try:
        engine = AudioEngine()
        engine.start(Mixer(timeline, voice_clips(timeline.sample_rate), volumes))
    except AudioUnavailable as error:
        log.warning("Practising without sound: %s", getattr(error, "reason", error))
        return SILENT_NOTICE
    return PracticeSound(engine)


def no_sound(timeline: Timeline, volumes: Mapping[str, float]) -> str:
    """For tests and for people who choose silence."""
    return SILENT_NOTICE


class PracticeSound:
    """One practice's playing engine, released by itself once its end bell has rung out.

    Releasing closes the stream and drops the engine, and with it the mixer that holds every
    prepared sound. What the practice reads afterwards (position, ended, failure) keeps its last
    value, so the practice's clock and screens see no difference.
    """

    def __init__(self, engine: AudioEngine) -> None:
        self._engine: AudioEngine | None = engine
        self._position = 0
        self._failure: str | None = None
        self._watch = QTimer()
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self._release_when_heard)
        self._watch.start()

    @property
    def stream_open(self) -> bool:
        return self._engine is not None

    @property
    def position(self) -> int:
        return self._engine.position if self._engine is not None else self._position

    @property
    def failure(self) -> str | None:
        return self._engine.failure if self._engine is not None else self._failure

    @property
    def ended(self) -> bool:
        return self._engine.ended if self._engine is not None else True

    def pause(self) -> None:
        if self._engine is not None:
            self._engine.pause()

    def resume(self) -> None:
        if self._engine is not None:
            self._engine.resume()

    def finish_early(self, frame: int) -> None:
        if self._engine is not None:
            self._engine.finish_early(frame)

    def set_volume(self, layer: str, value: float) -> None:
        if self._engine is not None:
            self._engine.set_volume(layer, value)

    def close(self) -> None:
        """Stop now (a short fade) and let go of the stream and every prepared sound."""
        self._watch.stop()
        engine, self._engine = self._engine, None
        if engine is not None:
            self._position, self._failure = engine.position, engine.failure
            engine.close()
            del engine  # the last reference: the mixer and every prepared sound go with it
            _return_freed_memory()
            log.info("Practice sound closed at frame %d", self._position)

    def _release_when_heard(self) -> None:
        engine = self._engine
        if engine is None:
            return
        if engine.failure is not None:  # the stream has already stopped by itself
            self.close()
        elif engine.ended:
            self._watch.stop()
            QTimer.singleShot(round((engine.latency + RING_OUT_MARGIN_S) * 1000), self.close)


def _return_freed_memory() -> None:
    """Hand the practice's freed sound memory back to the system, where the C library allows it.

    glibc keeps freed memory for reuse, and after the first large frees it serves even big numpy
    arrays from that kept heap: without a trim, a finished 10-minute practice would leave the app
    ~100 MiB larger although nothing uses that memory any more. Elsewhere this does nothing.
    """
    gc.collect()  # the closed stream's callback ties the engine in a cycle: free it now
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    # Not glibc (e.g. musl): no malloc_trim, and that allocator returns memory by itself.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
