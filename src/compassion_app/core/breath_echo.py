"""How much of the app's own sound reaches the microphone, band by band, frame by frame.

The app knows exactly what it plays (the mixer renders it sample for sample), but not how the room
changes it on the way back: the delay through the sound card and the air, the colour of the
speakers, the reverberation, the volume the person has chosen. Two things are learned while
listening:

- the delay, to the sample (`DelayFinder`): the lag at which what was played best matches what
  was heard, by phase-transform cross-correlation (GCC-PHAT) of the last second or so, looked for
  again every few seconds. Sample-exact matters: the app's own breath sound is noise, and two
  windows of noise only share their ups and downs when they hold the same samples;
- the coupling of each band (`EchoEstimate`): from the cross-spectrum of what was heard and what
  was played at that delay, summed frame by frame with old frames forgotten, so a change of
  volume is learned again within seconds. The cross-spectrum keeps only what the two share: the
  person's breath, the room and everything else not played by the app are not correlated with
  the app's sound and average away. (A plain ratio of heard to played power does not: while the
  guide speaks on and on, the person's breath in the bands where the voice is weak was learned as
  echo, up to 20 dB too much, and the breath was then taken away with it.)

Until both are learned the estimate errs on the side of too much echo (any lag, strong coupling):
the detector then hears less while the app speaks, never its own sound as a person's breath.
Pure numpy; the correlation runs a few times a minute, the rest is two running sums per FFT bin
and a dozen numbers per frame.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
ComplexArray = npt.NDArray[np.complex128]

MAX_DELAY_SECONDS = 0.75  # sound card buffers both ways plus the air: generous on purpose
SEARCH_SECONDS = 1.5  # the stretch of sound compared when looking for the delay
SEARCH_EVERY_SECONDS = 3.0
SEARCH_RATE = 12_000  # samples a second the delay is looked for at
SETTLED_AFTER = 3  # searches agreeing in a row...
SETTLED_SLOWDOWN = 5  # ...after which the delay is checked this many times less often
PEAK_OVER_SPREAD = 6.0  # a correlation peak this far above the rest: a delay worth trusting
GAIN_MEMORY_SECONDS = 6.0  # the window over which the coupling of each band is learned
REVERB_SECONDS = 0.1  # how long the room keeps a sound ringing, in power
UNLEARNED_GAIN = 10.0  # louder than any microphone should hear the app: the cautious guess
LEARNED_AFTER_SECONDS = 1.0  # of clearly audible reference, before the learned gain is trusted
DRIFT_SAMPLES = 48  # a new delay this close to the old keeps the learned gain (a few steps)
AUDIBLE_OVER_FLOOR = 1e-3  # played this far under the room noise: no time towards LEARNED_AFTER


class DelayFinder:
    """Keeps the last moments of heard and played sound, and finds the delay between them.

    The search runs on a copy at about 12 kHz (block means): a delay known to within a few
    samples at 48 kHz lines up 2048-sample windows as well as an exact one, for a sixteenth of
    the work. Once the same delay has been found a few times, it is checked less often.
    """

    def __init__(self, sample_rate: int, hop: int) -> None:
        self.max_delay = math.ceil(MAX_DELAY_SECONDS * sample_rate)
        self._step = max(1, sample_rate // SEARCH_RATE)
        while hop % self._step:
            self._step -= 1
        self._search = 1 << math.ceil(math.log2(SEARCH_SECONDS * sample_rate / self._step))
        self._max_lag = math.ceil(self.max_delay / self._step)
        self.played = np.zeros(self.max_delay + 4 * hop)  # full rate, the newest last
        self._coarse_heard = np.zeros(self._search)
        self._coarse_played = np.zeros(self._search + self._max_lag)
        self.written = 0
        self._every = max(1, round(SEARCH_EVERY_SECONDS * sample_rate / hop))
        self._hops = 0
        self._agreed = 0  # searches in a row that found the same delay
        self.delay: int | None = None  # samples, once found

    def add(self, heard: Array, played: Array) -> None:
        _push(self.played, played)
        _push(self._coarse_heard, heard.reshape(-1, self._step).mean(axis=1))
        _push(self._coarse_played, played.reshape(-1, self._step).mean(axis=1))
        self.written += len(heard)
        self._hops += 1
        every = self._every * (SETTLED_SLOWDOWN if self._agreed >= SETTLED_AFTER else 1)
        full = self.written >= (self._search + self._max_lag) * self._step
        if self._hops % every == 0 and full:
            self._look()

    def played_window(self, length: int, delay: int) -> Array:
        """The last `length` played samples as they reach the microphone `delay` samples later."""
        end = len(self.played) - delay
        return self.played[end - length : end]

    def _look(self) -> None:
        heard, played = self._coarse_heard, self._coarse_played
        if not played.any() or not heard.any():
            return
        size = 1 << math.ceil(math.log2(len(heard) + len(played)))
        cross = np.fft.rfft(heard, size) * np.conj(np.fft.rfft(played, size))
        cross /= np.maximum(np.abs(cross), 1e-20)
        # irfft gives r[k] = sum heard[i + k] * played[i]; heard[i] ~ played[i + max_lag - lag],
        # so a delay of `lag` steps peaks at k = lag - max_lag (wrapped round).
        correlation = np.fft.irfft(cross, size)
        lags = correlation[(np.arange(self._max_lag + 1) - self._max_lag) % size]
        best = int(np.argmax(lags))
        spread = float(np.median(np.abs(lags))) + 1e-12
        if lags[best] <= PEAK_OVER_SPREAD * spread:
            return
        delay = best * self._step
        self._agreed = self._agreed + 1 if delay == self.delay else 0
        self.delay = delay


def _push(history: Array, newest: Array) -> None:
    """Slide `history` along by len(newest) and put `newest` at its end."""
    count = len(newest)
    history[:-count] = history[count:]
    history[-count:] = newest


class EchoEstimate:
    """The app's sound as the microphone hears it, band by band. `edges`: the FFT bins where
    each band begins, and where the last ends."""

    def __init__(self, edges: list[int], frame_seconds: float) -> None:
        bands = len(edges) - 1
        self._edges = edges
        self._recent = np.zeros((math.ceil(MAX_DELAY_SECONDS / frame_seconds) + 2, bands))
        self._frame = 0
        self._forget = math.exp(-frame_seconds / GAIN_MEMORY_SECONDS)
        self._reverb = math.exp(-frame_seconds / REVERB_SECONDS)
        # Forgetful sums, bin by bin: heard times played (conjugate), and played power.
        self._cross = np.zeros(edges[-1], dtype=np.complex128)
        self._played = np.zeros(edges[-1])
        self._audible = 0.0  # forgetful count of frames with clearly audible reference
        self._learned_after = LEARNED_AFTER_SECONDS / frame_seconds
        self._ringing = np.zeros(bands)
        self._delay: int | None = None

    def update(
        self,
        heard: ComplexArray,
        played: ComplexArray,
        floor: Array,
        delay: int | None,
    ) -> Array:
        """The echo power in each band of this frame. heard: the microphone's spectrum (windowed,
        scaled so that its power summed over a band is the band's power); played: the spectrum of
        the app's output `delay` samples earlier - or, while no delay is known, of its output now
        (the loudest of the last MAX_DELAY_SECONDS is then taken as the echo); floor: the
        background noise of each band."""
        if delay != self._delay:
            self._forget_gain(delay)
        played_bins = np.abs(played[: self._edges[-1]]) ** 2
        bands = np.add.reduceat(played_bins, self._edges[:-1])
        if delay is None:
            self._recent[self._frame % len(self._recent)] = bands
            self._frame += 1
            bands = np.asarray(self._recent.max(axis=0))
        else:
            self._learn(heard[: self._edges[-1]], played[: self._edges[-1]], bands, floor)
        self._ringing = np.maximum(bands, self._ringing * self._reverb)
        return self._gain() * self._ringing

    def _forget_gain(self, delay: int | None) -> None:
        """The gain belonged to another alignment: learn it afresh (a drift of a few samples,
        as sound cards' clocks do, changes nothing that matters)."""
        if delay is None or self._delay is None or abs(delay - self._delay) > DRIFT_SAMPLES:
            self._cross[:] = 0.0
            self._played[:] = 0.0
            self._audible = 0.0
        self._delay = delay

    def _learn(self, heard: ComplexArray, played: ComplexArray, bands: Array, floor: Array) -> None:
        self._cross *= self._forget
        self._played *= self._forget
        self._cross += heard * np.conj(played)
        self._played += np.abs(played) ** 2
        audible = bands > floor * AUDIBLE_OVER_FLOOR
        self._audible = self._audible * self._forget + float(audible.any())

    def _gain(self) -> Array:
        """Per band: the power of the part of the heard sound that follows the played one, over
        the played power (bin by bin |cross|² / played is that part's power)."""
        bands = len(self._edges) - 1
        if self._audible < self._learned_after:
            return np.full(bands, UNLEARNED_GAIN)
        coherent = np.abs(self._cross) ** 2 / np.maximum(self._played, 1e-30)
        played = np.add.reduceat(self._played, self._edges[:-1])
        learned = np.add.reduceat(coherent, self._edges[:-1]) / np.maximum(played, 1e-30)
        return np.asarray(np.where(played > 0, learned, UNLEARNED_GAIN))
