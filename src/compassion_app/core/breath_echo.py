"""How much of the app's own sound reaches the microphone, band by band, frame by frame.

The app knows exactly what it plays (the mixer renders it sample for sample), but not how the room
changes it on the way back: the delay through the sound card and the air, the colour of the
speakers, the reverberation, the volume the person has chosen. Two things are learned while
listening:

- the delay, to the sample (`DelayFinder`): the lag at which what was played best matches what
  was heard, by phase-transform cross-correlation (GCC-PHAT) of the last second or so, looked for
  again every few seconds. Sample-exact matters: the app's own breath sound is noise, and two
  windows of noise only share their ups and downs when they hold the same samples;
- the coupling of each band (`EchoEstimate`): the ratio of what was heard above the background to
  what was played at that delay, summed over the recent past with old frames forgotten, so a
  change of volume is learned again within seconds. (A ratio of sums rather than least squares:
  least squares shrinks the gain of every sharp sound when the alignment is not perfect.)

Until both are learned the estimate errs on the side of too much echo (any lag, strong coupling):
the detector then hears less while the app speaks, never its own sound as a person's breath.
Pure numpy; the correlation runs a few times a minute, the rest is a dozen numbers per frame.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

MAX_DELAY_SECONDS = 0.75  # sound card buffers both ways plus the air: generous on purpose
SEARCH_SECONDS = 1.5  # the stretch of sound compared when looking for the delay
SEARCH_EVERY_SECONDS = 3.0
PEAK_OVER_SPREAD = 6.0  # a correlation peak this far above the rest: a delay worth trusting
GAIN_MEMORY_SECONDS = 6.0  # the window over which the coupling of each band is learned
REVERB_SECONDS = 0.1  # how long the room keeps a sound ringing, in power
UNLEARNED_GAIN = 10.0  # louder than any microphone should hear the app: the cautious guess
LEARNED_AFTER_SECONDS = 1.0  # of clearly audible reference, before the learned gain is trusted
DRIFT_SAMPLES = 48  # a new delay this close to the old keeps the learned gain
AUDIBLE_OVER_FLOOR = 1e-3  # played bands weaker than this share of the room noise teach nothing


class DelayFinder:
    """Keeps the last few seconds of heard and played sound, and finds the delay between them."""

    def __init__(self, sample_rate: int, hop: int) -> None:
        self.max_delay = math.ceil(MAX_DELAY_SECONDS * sample_rate)
        self._search = 1 << math.ceil(math.log2(SEARCH_SECONDS * sample_rate))
        length = self._search + self.max_delay + 4 * hop
        self.played = np.zeros(length)  # ring of samples; `written` of them so far
        self._heard = np.zeros(length)
        self.written = 0
        self._every = max(1, round(SEARCH_EVERY_SECONDS * sample_rate / hop))
        self._hops = 0
        self.delay: int | None = None  # samples, once found

    def add(self, heard: Array, played: Array) -> None:
        at = np.arange(self.written, self.written + len(heard)) % len(self.played)
        self.played[at] = played
        self._heard[at] = heard
        self.written += len(heard)
        self._hops += 1
        if self._hops % self._every == 0 and self.written >= self._search + self.max_delay:
            self._look()

    def played_window(self, length: int, delay: int) -> Array:
        """The last `length` played samples as they reach the microphone `delay` samples later."""
        end = self.written - delay
        return np.asarray(self.played[np.arange(end - length, end) % len(self.played)])

    def _look(self) -> None:
        heard = self._recent(self._heard, self._search)
        played = self._recent(self.played, self._search + self.max_delay)
        if not played.any() or not heard.any():
            return
        size = 2 * len(played)
        cross = np.fft.rfft(heard, size) * np.conj(np.fft.rfft(played, size))
        cross /= np.maximum(np.abs(cross), 1e-20)
        # irfft gives r[k] = sum heard[i + k] * played[i]; heard[i] ~ played[i + max_delay - lag],
        # so a delay of `lag` samples peaks at k = lag - max_delay (wrapped round).
        correlation = np.fft.irfft(cross, size)
        lags = correlation[(np.arange(self.max_delay + 1) - self.max_delay) % size]
        best = int(np.argmax(lags))
        spread = float(np.median(np.abs(lags))) + 1e-12
        if lags[best] > PEAK_OVER_SPREAD * spread:
            self.delay = best

    def _recent(self, ring: Array, length: int) -> Array:
        end = self.written
        return np.asarray(ring[np.arange(end - length, end) % len(ring)])


class EchoEstimate:
    def __init__(self, bands: int, frame_seconds: float) -> None:
        self._recent = np.zeros((math.ceil(MAX_DELAY_SECONDS / frame_seconds) + 2, bands))
        self._frame = 0
        self._forget = math.exp(-frame_seconds / GAIN_MEMORY_SECONDS)
        self._reverb = math.exp(-frame_seconds / REVERB_SECONDS)
        self._heard = np.zeros(bands)  # forgetful sums: heard above the background...
        self._played = np.zeros(bands)  # ... and played, at the delay
        self._audible = 0.0  # forgetful count of frames with clearly audible reference
        self._learned_after = LEARNED_AFTER_SECONDS / frame_seconds
        self._ringing = np.zeros(bands)
        self._delay: int | None = None

    def update(self, heard: Array, played: Array, floor: Array, delay: int | None) -> Array:
        """The echo power in each band of this frame. heard: the microphone's bands; played: the
        same bands of the app's output `delay` samples earlier - or, while no delay is known,
        of its output now (the loudest of the last MAX_DELAY_SECONDS is then taken as the
        echo); floor: the background noise of each band."""
        if delay != self._delay:
            self._forget_gain(delay)
        if delay is None:
            self._recent[self._frame % len(self._recent)] = played
            self._frame += 1
            played = np.asarray(self._recent.max(axis=0))
        else:
            self._learn(np.maximum(heard - floor, 0.0), played, floor)
        self._ringing = np.maximum(played, self._ringing * self._reverb)
        return self._gain() * self._ringing

    def _forget_gain(self, delay: int | None) -> None:
        """The gain belonged to another alignment: learn it afresh (a drift of a few samples,
        as sound cards' clocks do, changes nothing that matters)."""
        if delay is None or self._delay is None or abs(delay - self._delay) > DRIFT_SAMPLES:
            self._heard[:] = 0.0
            self._played[:] = 0.0
            self._audible = 0.0
        self._delay = delay

    def _learn(self, excess: Array, played: Array, floor: Array) -> None:
        audible = played > floor * AUDIBLE_OVER_FLOOR
        self._heard *= self._forget
        self._played *= self._forget
        self._heard += np.where(audible, excess, 0.0)
        self._played += np.where(audible, played, 0.0)
        self._audible = self._audible * self._forget + float(audible.any())

    def _gain(self) -> Array:
        if self._audible < self._learned_after:
            return np.full(len(self._heard), UNLEARNED_GAIN)
        learned = self._heard / np.maximum(self._played, 1e-30)
        return np.asarray(np.where(self._played > 0, learned, UNLEARNED_GAIN))
