"""Playback through one sounddevice output stream, whose played frames are the practice clock.

sounddevice is imported only when sound is first started: a computer without PortAudio, or
without any output device, gets `AudioUnavailable` carrying a kind message for the person and the
technical reason for the log - and the practice runs silently on another clock.

Sample rate: the stream is opened at the timeline's rate (48 kHz). If the device refuses it,
`AudioUnavailable.device_sample_rate` holds the rate the device prefers, so the caller may rebuild
the timeline and mixer at that rate and call `start` again.

Threads: the callback reads only what it owns plus two booleans written by the GUI (see
`Transport`); it never logs, never locks, and allocates nothing sizeable. Its errors, underruns
and timings are recorded in plain attributes and reported from the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from types import ModuleType
from typing import Any

import numpy as np

from compassion_app.audio import SILENT_NOTICE
from compassion_app.audio.mixer import Mixer
from compassion_app.audio.transport import Transport

log = logging.getLogger(__name__)

BLOCKSIZE = 1024  # 21 ms at 48 kHz: fixed, so the callback's work is the same every time
LATENCY = "high"  # robustness over immediacy: nothing in a practice needs a fast response
STALL_SECONDS = 2.0  # no callback for this long while playing: the device has gone
TIMING_SLOTS = 65536  # callback durations kept for the benchmark (a 23-minute practice)


class AudioUnavailable(Exception):
    """Sound cannot be played; `str(error)` is the kind notice, `reason` the technical cause."""

    def __init__(self, reason: str, device_sample_rate: int | None = None) -> None:
        super().__init__(SILENT_NOTICE)
        self.reason = reason
        self.device_sample_rate = device_sample_rate


def load_sounddevice() -> ModuleType:
    """sounddevice, or AudioUnavailable when PortAudio (or the module) is missing."""
    try:
        import sounddevice
    except (OSError, ImportError) as error:  # OSError: "PortAudio library not found"
        log.warning("No sound: sounddevice cannot be loaded (%s)", error)
        raise AudioUnavailable(f"sounddevice cannot be loaded: {error}") from error
    module: ModuleType = sounddevice
    return module


class AudioEngine:
    def __init__(self, device: int | str | None = None, blocksize: int = BLOCKSIZE) -> None:
        self.device = device
        self.blocksize = blocksize
        self.underruns = 0  # output underflows reported by PortAudio
        self._durations = np.zeros(TIMING_SLOTS)  # a ring of callback durations, seconds
        self.callbacks = 0
        self._reported_underruns = 0
        self._transport: Transport | None = None
        self._stream: Any = None
        self._finished = threading.Event()
        self._callback_error: BaseException | None = None
        self._failure: str | None = None
        self._last_callback = 0.0
        self._sd: ModuleType | None = None

    # -- what the GUI calls -------------------------------------------------------------------

    def start(self, mixer: Mixer, start_frame: int = 0) -> None:
        """Play `mixer` from `start_frame` (fading in if mid-practice) or raise AudioUnavailable."""
        self.stop()
        sd = self._sd = load_sounddevice()
        self._transport = Transport(mixer, start_frame, fade_in=start_frame > 0)
        self._finished.clear()
        self._failure = None
        self._callback_error = None
        self._stream = self._open(sd, mixer.sample_rate)
        self._last_callback = time.monotonic()
        try:
            self._stream.start()
        except sd.PortAudioError as error:  # e.g. the device is busy or was unplugged just now
            self._close_stream()
            log.warning("No sound: the output stream cannot start (%s)", error)
            raise AudioUnavailable(f"cannot start the output stream: {error}") from error
        log.info("Sound started at frame %d (latency %.3f s)", start_frame, self._stream.latency)

    def pause(self) -> None:
        if self._transport is not None:
            self._transport.pause()

    def resume(self) -> None:
        if self._transport is not None:
            self._transport.resume()

    def finish_early(self, frame: int) -> None:
        """End the practice here: the sound fades out and the end bell rings out on its own.

        `frame` is the clock's reading, for the log; the fade starts from what is playing now.
        Once the bell has rung, the stream ends by itself (`ended` becomes True).
        """
        if self._transport is not None:
            log.info("Finishing early at frame %d", frame)
            self._transport.finish_early()

    def stop(self, timeout: float = 1.0) -> None:
        """Fade out (about 25 ms), let the device play it, then close the stream."""
        if self._transport is not None:
            self._transport.stop()
        if self._stream is not None:
            self._finished.wait(timeout)
        self._close_stream()

    def close(self) -> None:
        """The same as `stop()`: what a practice calls when it is put away."""
        self.stop()

    def set_volume(self, layer: str, value: float) -> None:
        if self._transport is not None:
            self._transport.mixer.set_volume(layer, value)

    @property
    def position(self) -> int:
        """Content frames rendered so far: the practice clock while sound plays."""
        return self._transport.position if self._transport is not None else 0

    @property
    def paused(self) -> bool:
        """True once a pause has faded right out (the clock then stands still)."""
        return (
            self._transport is not None
            and not self._transport.wants_play
            and self._transport.silent
        )

    @property
    def ended(self) -> bool:
        """All has been rendered: the practice and its end bell, or the early end bell."""
        return self._transport is not None and self._transport.ended

    @property
    def latency(self) -> float:
        """Seconds between rendering a frame and hearing it (the device's output latency)."""
        return float(self._stream.latency) if self._stream is not None else 0.0

    @property
    def failure(self) -> str | None:
        """Why sound stopped by itself (device lost, callback error), or None while all is well."""
        if self._failure is None and self._stalled():
            self._failure = "The sound device stopped responding."
            log.warning("Sound stalled: no callback for %.1f s", STALL_SECONDS)
        return self._failure

    def log_health(self) -> None:
        """Log new underruns; call from the GUI thread now and then (stop does it too)."""
        if self.underruns > self._reported_underruns:
            log.warning("Sound underruns: %d so far", self.underruns)
            self._reported_underruns = self.underruns

    def timings(self) -> np.ndarray:
        """The callback durations recorded so far (the most recent TIMING_SLOTS), in seconds."""
        return self._durations[: min(self.callbacks, TIMING_SLOTS)].copy()

    # -- the audio thread ---------------------------------------------------------------------

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        began = time.perf_counter()
        self._last_callback = time.monotonic()
        if status.output_underflow:
            self.underruns += 1
        assert self._transport is not None and self._sd is not None
        try:
            last = self._transport.fill(outdata)
        except Exception as error:  # never let an error escape into PortAudio's thread
            self._callback_error = error
            outdata.fill(0.0)
            raise self._sd.CallbackAbort from None
        finally:
            self._durations[self.callbacks % TIMING_SLOTS] = time.perf_counter() - began
            self.callbacks += 1
        if last:
            raise self._sd.CallbackStop

    def _on_finished(self) -> None:
        transport = self._transport
        expected = transport is not None and (transport.ended or transport.wants_stop)
        if self._callback_error is not None:
            self._failure = f"Sound stopped after an error: {self._callback_error!r}"
        elif not expected:
            self._failure = "The sound device stopped unexpectedly."
        if self._failure is not None:
            log.error("%s", self._failure)
        self._finished.set()

    # -- helpers ------------------------------------------------------------------------------

    def _close_stream(self) -> None:
        if self._stream is not None:
            self._stream.close(ignore_errors=True)  # abandons anything still queued
            self._stream = None
            self.log_health()

    def _open(self, sd: ModuleType, sample_rate: int) -> Any:
        try:
            sd.query_devices(self.device, kind="output")
        except (sd.PortAudioError, ValueError) as error:
            log.warning("No sound: no output device (%s)", error)
            raise AudioUnavailable(f"no output device: {error}") from error
        try:
            return sd.OutputStream(
                samplerate=sample_rate,
                channels=2,
                dtype="float32",
                blocksize=self.blocksize,
                latency=LATENCY,
                device=self.device,
                callback=self._callback,
                finished_callback=self._on_finished,
            )
        except (sd.PortAudioError, ValueError) as error:
            preferred = self._preferred_rate(sd)
            log.warning(
                "No sound: the output stream cannot be opened at %d Hz (%s)", sample_rate, error
            )
            rate = preferred if preferred != sample_rate else None
            raise AudioUnavailable(f"cannot open the output stream: {error}", rate) from error

    def _preferred_rate(self, sd: ModuleType) -> int | None:
        try:
            return int(sd.query_devices(self.device, kind="output")["default_samplerate"])
        except (sd.PortAudioError, ValueError, KeyError):
            return None

    def _stalled(self) -> bool:
        transport = self._transport
        if self._stream is None or transport is None or transport.ended or self._finished.is_set():
            return False
        return time.monotonic() - self._last_callback > STALL_SECONDS
