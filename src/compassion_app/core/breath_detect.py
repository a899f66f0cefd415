"""Hearing breath in a microphone's sound: pure numpy over blocks, for the pacer that follows.

Blocks of any length go in (`feed`), with the app's own output for the same moment when it plays
something; a running estimate comes out (`estimate`: breaths a minute, a confidence, the phase).
Sound is analysed as it arrives and then dropped: nothing is kept but a few numbers per frame.

Each frame (about 20 ms, with a window twice as long):
1. the power in a dozen bands from 200 Hz to 5 kHz, where breath noise lives;
2. the app's own sound, known exactly, is removed: `EchoEstimate` says how much of it reaches the
   microphone in each band, and that much is taken away (and counted as background);
3. the background of each band is followed from below (a low percentile that rises slowly and
   falls fast), so a steady fan or hum is never mistaken for breath;
4. the breath score is the mean rise above the background, in dB, of the six bands that rose most:
   breath is broad noise, so many bands rise together; voiced speech (sharp harmonics: a low
   spectral flatness) scores nothing, and a median over five frames drops clicks;
5. a burst begins when the score stays above ON_DB for a moment and ends when it falls back
   (below OFF_DB, or well below the burst's own peak): these bursts go to `BreathTracker`.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from compassion_app.core.breath_echo import ComplexArray, DelayFinder, EchoEstimate
from compassion_app.core.breath_rate import NOTHING_HEARD, BreathEstimate, BreathTracker, Burst

Array = npt.NDArray[np.float64]

FRAME_SECONDS = 0.02  # rounded up to a power of two in samples: 1024 at 48 kHz
LOW_HZ, HIGH_HZ, BANDS = 200.0, 5000.0, 12
SPLIT_HZ = 1200.0  # brightness compares the noise above this with the noise below it
TOP_BANDS = 6  # the score is the mean of this many most-risen bands
CLICK_FRAMES = 5  # band powers are the median of this many frames: typing is not breath
SMOOTH_SECONDS = 0.04  # band powers are smoothed this much before anything else
FLOOR_RISE_DB_PER_SECOND = 1.0  # the background follows a louder room within seconds...
FLOOR_FALL_DB_PER_SECOND = 13.0  # ...and a quieter one at once (it sits at a low percentile)
ECHO_UNCERTAINTY = 0.5  # share of the removed echo still counted as background: it is not exact
ECHO_FREE = 0.1  # the background is learned only where the echo is less than this share
VOICED_FLATNESS = 0.2  # below this, sharp harmonics: a voice, not breath
FLATNESS_LOW_HZ, FLATNESS_HIGH_HZ = 300.0, 3000.0
ON_DB, OFF_DB = 6.0, 3.5  # score thresholds (dB above background) to begin and to end a burst
CONFIRM_SECONDS = 0.1  # above ON_DB this long before a burst counts: clicks are shorter
DROP_DB = 9.0  # a burst also ends when its score falls this far below its own peak...
RISE_AGAIN_DB = 5.0  # ...and the next begins only once the score rises this far from its dip
END_SECONDS = 0.05  # below the end threshold this long
SHORTEST_BREATH_SECONDS = 0.35
QUIETEST = 1e-14  # band power of digital silence, near enough (-140 dB): keeps divisions finite
SETTLE_SECONDS = 1.0  # of echo-free sound, while a band's background finds its level


class BreathDetector:
    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.hop = 1 << math.ceil(math.log2(FRAME_SECONDS * sample_rate))
        self.frame_seconds = self.hop / sample_rate
        self._window = np.hanning(2 * self.hop)
        self._scale = 1.0 / float(self._window @ self._window) / self.hop  # band power ~ RMS²
        self._edges, self._split = _band_edges(sample_rate, 2 * self.hop)
        bin_hz = sample_rate / (2 * self.hop)
        self._flat_bins = slice(round(FLATNESS_LOW_HZ / bin_hz), round(FLATNESS_HIGH_HZ / bin_hz))
        self._mic = np.zeros(2 * self.hop)
        self._pending = np.zeros(0)
        self._pending_played = np.zeros(0)
        self._frames = 0
        self._echo = EchoEstimate(self._edges, self.frame_seconds)
        self._delay = DelayFinder(sample_rate, self.hop)
        self._smooth = 1.0 - math.exp(-self.frame_seconds / SMOOTH_SECONDS)
        self._heard = np.zeros(BANDS)
        self._echo_power = np.zeros(BANDS)
        self._echo_now = np.zeros(BANDS)  # this frame's echo, before the median and smoothing
        self._background = _Background(self.frame_seconds)
        self._recent_bands = np.zeros((CLICK_FRAMES, BANDS))
        self._recent_echo = np.zeros((CLICK_FRAMES, BANDS))
        self._segmenter = _Segmenter(self.frame_seconds)
        self.tracker = BreathTracker(ON_DB)
        self.onsets: list[tuple[float, float]] = []  # (onset, when it was reported), seconds

    @property
    def seconds(self) -> float:
        """The detector's clock: seconds of sound analysed."""
        return self._frames * self.frame_seconds

    def feed(self, heard: npt.ArrayLike, played: npt.ArrayLike | None = None) -> None:
        """Analyse a block of microphone sound (mono), with what the app played meanwhile
        (the same length; None while it plays nothing)."""
        heard = np.asarray(heard, dtype=np.float64).reshape(-1)
        if played is None:
            played = np.zeros(len(heard))
        else:
            played = np.asarray(played, dtype=np.float64).reshape(-1)[: len(heard)]
            played = np.pad(played, (0, len(heard) - len(played)))
        if len(self._pending):
            heard = np.concatenate([self._pending, heard])
            played = np.concatenate([self._pending_played, played])
        whole = len(heard) // self.hop * self.hop
        for start in range(0, whole, self.hop):
            end = start + self.hop
            self._frame(heard[start:end], played[start:end])
        self._pending = heard[whole:]
        self._pending_played = played[whole:]

    def estimate(self) -> BreathEstimate:
        if self._frames == 0:
            return NOTHING_HEARD
        return self.tracker.estimate(self.seconds)

    # -- one frame ----------------------------------------------------------------------------

    def _frame(self, heard: Array, played: Array) -> None:
        self._mic[: self.hop] = self._mic[self.hop :]
        self._mic[self.hop :] = heard
        complex_spectrum = self._spectrum(self._mic)
        spectrum = np.abs(complex_spectrum) ** 2
        bands = self._bands(spectrum)
        self._frames += 1
        floor = self._background.for_learning()
        if self._frames == 1:
            self._recent_bands[:] = bands
            self._heard = bands.copy()
        self._heard += self._smooth * (self._median(self._recent_bands, bands) - self._heard)
        if played.any() or self._delay.written:
            self._delay.add(heard, played)
            delay = self._delay.delay
            window = self._delay.played_window(2 * self.hop, delay or 0)
            echo = self._echo.update(complex_spectrum, self._spectrum(window), floor, delay)
            self._echo_now = echo
            # The same median as the microphone's, so that a sound of the app's own ends in
            # both at the same frame.
            echo = self._median(self._recent_echo, echo)
            self._echo_power += self._smooth * (echo - self._echo_power)
        cleaned = np.maximum(self._heard - self._echo_power, QUIETEST)
        background = self._background.follow(self._heard, cleaned, self._echo_power)
        risen = cleaned / (np.maximum(background, QUIETEST) + ECHO_UNCERTAINTY * self._echo_power)
        risen = np.where(self._background.settled, risen, 1.0)
        rise_db = 10.0 * np.log10(np.maximum(risen, 1.0))
        score = float(np.sort(rise_db)[-TOP_BANDS:].mean())
        voiced = score > ON_DB and self._voiced(spectrum, bands)
        if self._background.settled.sum() < TOP_BANDS or voiced:
            score = 0.0
        brightness = math.log(float(risen[self._split :].sum()) + 1e-3) - math.log(
            float(risen[: self._split].sum()) + 1e-3
        )
        self._segmenter.step(self.seconds, score, brightness, self.tracker, self.onsets)

    def _median(self, recent: Array, bands: Array) -> Array:
        """The median of the last CLICK_FRAMES frames, band by band: a click, however loud,
        fills one or two of them and is gone."""
        recent[self._frames % CLICK_FRAMES] = bands
        return np.asarray(np.sort(recent, axis=0)[CLICK_FRAMES // 2])

    def _spectrum(self, samples: Array) -> ComplexArray:
        """Windowed and scaled so that its power summed over a band is the band's power."""
        return np.asarray(np.fft.rfft(samples * self._window) * math.sqrt(self._scale))

    def _bands(self, spectrum: Array) -> Array:
        return np.asarray(np.add.reduceat(spectrum[: self._edges[-1]], self._edges[:-1]))

    def _voiced(self, spectrum: Array, bands: Array) -> bool:
        # This frame's echo against this frame's sound (the smoothed ones lag a word's onset by
        # a few frames, and the app's own voice then passed for a person speaking).
        if self._echo_now.sum() > 0.3 * bands.sum():
            return False  # the harmonics are the app's own voice, already taken away
        part = spectrum[self._flat_bins] + 1e-20
        flatness = math.exp(float(np.log(part).mean())) / float(part.mean())
        return flatness < VOICED_FLATNESS


class _Background:
    """The room's own sound in each band, followed from below: a low percentile that rises
    slowly and falls fast, learned only where the app's echo is slight."""

    def __init__(self, frame_seconds: float) -> None:
        self.level: Array | None = None
        self.settled = np.zeros(BANDS, dtype=bool)
        self._clear_frames = np.zeros(BANDS)
        self._settle_frames = SETTLE_SECONDS / frame_seconds
        self._rise = 10 ** (FLOOR_RISE_DB_PER_SECOND * frame_seconds / 10)
        self._fall = 10 ** (-FLOOR_FALL_DB_PER_SECOND * frame_seconds / 10)

    def for_learning(self) -> Array:
        """The background where it is known, else 0: what the echo's gain is measured above."""
        if self.level is None:
            return np.zeros(BANDS)
        return np.asarray(np.where(self.settled, self.level, 0.0))

    def follow(self, heard: Array, cleaned: Array, echo: Array) -> Array:
        if self.level is None:
            # From above (echo and all): a background too high only hides breath for a moment,
            # one too low would hear breath everywhere until it had risen.
            self.level = heard.copy()
        clear = echo < ECHO_FREE * heard
        # While settling, up as fast as down: the level is found within a second.
        rise = np.where(self.settled, self._rise, 1.0 / self._fall)
        moved = np.where(cleaned > self.level, self.level * rise, self.level * self._fall)
        self.level = np.where(clear, moved, self.level)
        self._clear_frames += clear
        self.settled = self._clear_frames >= self._settle_frames
        return self.level


class _Segmenter:
    """Turns the frame-by-frame score into bursts of breath, with a little hysteresis."""

    def __init__(self, frame_seconds: float) -> None:
        self._frame = frame_seconds
        self._confirm = max(1, round(CONFIRM_SECONDS / frame_seconds))
        self._end = max(1, round(END_SECONDS / frame_seconds))
        self._above = 0  # frames in a row above ON_DB, before a burst is confirmed
        self._quiet_since = 0.0  # when the score was last at its dip: a burst's true start
        self._dip = 0.0  # the lowest score since the last burst ended
        self._burst: tuple[float, float, float] | None = None  # start, peak, brightness sum
        self._brightness: list[float] = []
        self._below = 0
        self._below_since = 0.0

    def step(
        self,
        now: float,
        score: float,
        brightness: float,
        tracker: BreathTracker,
        onsets: list[tuple[float, float]],
    ) -> None:
        if self._burst is None:
            self._wait_for_onset(now, score, brightness, tracker, onsets)
        else:
            self._follow_burst(now, score, brightness, tracker)

    def _wait_for_onset(
        self,
        now: float,
        score: float,
        brightness: float,
        tracker: BreathTracker,
        onsets: list[tuple[float, float]],
    ) -> None:
        if score < OFF_DB or score <= self._dip:
            self._quiet_since = now
            self._dip = min(self._dip, score)
        if score <= ON_DB or score < self._dip + RISE_AGAIN_DB:
            self._above = 0
            self._brightness = []
            return
        self._above += 1
        self._brightness.append(brightness)
        if self._above >= self._confirm:
            start = self._quiet_since
            self._burst = (start, score, 0.0)
            self._below = 0
            tracker.begin(Burst(start, None, _mean(self._brightness), score))
            onsets.append((start, now))

    def _follow_burst(
        self, now: float, score: float, brightness: float, tracker: BreathTracker
    ) -> None:
        assert self._burst is not None
        start, peak, _ = self._burst
        peak = max(peak, score)
        self._burst = (start, peak, 0.0)
        if score < max(OFF_DB, peak - DROP_DB):
            if self._below == 0:
                self._below_since = now - self._frame
            self._below += 1
        else:
            self._below = 0
            self._brightness.append(brightness)
        if self._below < self._end:
            return
        self._burst = None
        self._above = 0
        self._quiet_since = now
        self._dip = score
        end = self._below_since
        if end - start < SHORTEST_BREATH_SECONDS:
            tracker.discard()
        else:
            tracker.update(Burst(start, end, _mean(self._brightness), peak))
        self._brightness = []


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _band_edges(sample_rate: int, window: int) -> tuple[list[int], int]:
    """FFT bin edges of BANDS log-spaced bands (each at least two bins wide), and the index of
    the first band above SPLIT_HZ."""
    bin_hz = sample_rate / window
    high = min(HIGH_HZ, 0.45 * sample_rate)
    edges: list[int] = []
    for frequency in np.geomspace(LOW_HZ, high, BANDS + 1):
        edge = round(float(frequency) / bin_hz)
        edges.append(max(edge, edges[-1] + 2) if edges else edge)
    split = next(i for i, edge in enumerate(edges) if edge * bin_hz >= SPLIT_HZ)
    return edges, split
