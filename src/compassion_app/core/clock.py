"""The practice clock, counted in frames of the audio sample clock.

While sound plays, the clock is the stream's own count of frames played, so the pacer and captions
follow exactly what is heard. Without sound, or once the device has gone away, a monotonic clock
carries on from the same frame, so nothing jumps.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# Longer than any ordinary gap between two looks at the clock (a busy machine may stall a second or
# two); shorter than anyone would mistake for still practising.
SLEEP_GAP_SECONDS = 5.0


class PracticeClock:
    def __init__(self, sample_rate: int, now: Callable[[], float] = time.monotonic) -> None:
        self.sample_rate = sample_rate
        self._now = now
        self._audio: Callable[[], int] | None = None
        self._base = 0  # frames counted before the current running stretch
        self._since: float | None = None  # when the current stretch began; None while paused
        self.paused = True

    def follow_audio(self, audio_position: Callable[[], int]) -> None:
        """From now on, read positions from the audio stream (which pauses itself)."""
        self._audio = audio_position

    def leave_audio(self) -> None:
        """The stream has stopped for good: carry on from its last frame on the monotonic clock."""
        if self._audio is None:
            return
        self._base = self._audio()
        self._audio = None
        self._since = None if self.paused else self._now()

    @property
    def follows_audio(self) -> bool:
        return self._audio is not None

    def start(self) -> None:
        self.resume()

    def pause(self) -> None:
        if not self.paused:
            self._base = self.position()
            self._since = None
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self._since = self._now()
            self.paused = False

    def position(self) -> int:
        if self._audio is not None:
            return self._audio()
        if self._since is None:
            return self._base
        return self._base + round((self._now() - self._since) * self.sample_rate)


class SleepDetector:
    """Notices that the computer slept, so a practice can pause instead of racing ahead.

    Wall time keeps running through a suspend while the monotonic clock (on Linux and macOS) does
    not; a large gap in either between two checks means the person was away.
    """

    def __init__(
        self,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._last = (wall(), monotonic())

    def slept(self) -> bool:
        wall, mono = self._wall(), self._monotonic()
        wall_gap, mono_gap = wall - self._last[0], mono - self._last[1]
        self._last = (wall, mono)
        return max(wall_gap, mono_gap) > SLEEP_GAP_SECONDS
