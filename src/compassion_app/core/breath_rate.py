"""From breath sounds to a rhythm: which sound is an in-breath, how many breaths a minute, and how
sure we are.

The detector hands over bursts of breath noise. Each is labelled "in" or "out" by three cues read
together over the recent bursts (a small Viterbi search over the two labels):
- in and out take turns, unless a long silence says one was not heard;
- the in-breath sounds brighter than the out-breath (more of its noise above ~1.2 kHz);
- the turn from in to out is short, while a pause usually follows the out-breath.

The phase is the label of the latest burst; once the rhythm is clear, the turn from in to out is
said when it is due rather than a moment later, when the out-breath's sound is confirmed.

The rate is the median time from one in-breath to the next (and from one out-breath to the next)
over the last few breaths. The confidence, from 0 to 1, is high only when several breaths were
heard clearly, evenly, taking turns, and recently; noise, speech and typing keep it near 0.
Nothing here judges the breath: the numbers only let the pacer meet the person.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

LABELS = ("in", "out")
KEPT_BURSTS = 14  # the recent past the labels are read over
RATE_CYCLES = 4  # breaths the rate is the median of (per label)
RATE_WINDOW_SECONDS = 45.0
SLOWEST_PER_MINUTE, FASTEST_PER_MINUTE = 2.5, 30.0
SAME_LABEL_PENALTY = 3.0  # in log-likelihood: two in-breaths in a row need strong evidence
TRUST_THE_RHYTHM = 0.5  # confidence at which the turn to the out-breath is said when it is due
MISSED_GAP_FACTOR = 1.8  # a silence this many times the usual one may hide an unheard breath


@dataclass(frozen=True)
class Burst:
    """One stretch of breath noise, in seconds of the detector's clock."""

    start: float
    end: float | None  # None while it is still sounding
    brightness: float  # log of (noise above the split) / (noise below it)
    strength: float  # how far above the background it rose, in dB


@dataclass(frozen=True)
class BreathEstimate:
    """The breathing as heard at `seconds`; nothing to go on gives None and a confidence of 0."""

    seconds: float
    breaths_per_minute: float | None
    confidence: float
    phase: str | None  # "in" or "out": the phase under way, as far as it was heard
    phase_since: float | None  # when that phase began
    in_seconds: float | None  # typical length of an in-breath (onset to the out-breath's onset)
    out_seconds: float | None  # typical length of the rest of a breath

    @property
    def cycle_seconds(self) -> float | None:
        if self.breaths_per_minute is None:
            return None
        return 60.0 / self.breaths_per_minute


NOTHING_HEARD = BreathEstimate(0.0, None, 0.0, None, None, None, None)


class BreathTracker:
    def __init__(self, on_db: float) -> None:
        self._on_db = on_db
        self._bursts: list[Burst] = []  # finished bursts, oldest first
        self._sounding: Burst | None = None
        self._labels: list[str] = []  # one for each finished burst, and one for a sounding one

    def begin(self, burst: Burst) -> None:
        """A burst has started (confirmed, still sounding)."""
        self._sounding = burst
        self._relabel()

    def update(self, burst: Burst) -> None:
        """The sounding burst has finished (its `end` set), or was not breath (None)."""
        self._sounding = None
        self._bursts.append(burst)
        del self._bursts[:-KEPT_BURSTS]
        self._relabel()

    def discard(self) -> None:
        """The sounding burst was too short to be a breath (a click, a knock)."""
        self._sounding = None
        self._relabel()

    def estimate(self, now: float) -> BreathEstimate:
        phase, since = self._phase()
        cycles, in_parts = self._cycles(now)
        if len(cycles) < 2:
            return BreathEstimate(now, None, 0.0, phase, since, None, None)
        cycle = statistics.median(cycles)
        per_minute = 60.0 / cycle
        in_seconds = statistics.median(in_parts) if in_parts else cycle * 0.4
        confidence = self._confidence(now, cycles, in_parts, cycle)
        if not SLOWEST_PER_MINUTE <= per_minute <= FASTEST_PER_MINUTE:
            confidence = 0.0
        due = phase == "in" and since is not None and now - since > in_seconds
        if due and confidence >= TRUST_THE_RHYTHM:
            # The turn is due: the out-breath's sound takes a moment to be heard and confirmed,
            # and a rhythm heard clearly enough is trusted that long.
            assert since is not None
            phase, since = "out", since + in_seconds
        return BreathEstimate(
            now, per_minute, confidence, phase, since, in_seconds, cycle - in_seconds
        )

    # -- labels -----------------------------------------------------------------------------

    def _everything(self) -> list[Burst]:
        return self._bursts + ([self._sounding] if self._sounding is not None else [])

    def _relabel(self) -> None:
        self._labels = _viterbi(self._everything())

    def _phase(self) -> tuple[str | None, float | None]:
        bursts = self._everything()
        if not bursts:
            return None, None
        return self._labels[-1], bursts[-1].start

    # -- rate and confidence ------------------------------------------------------------------

    def _cycles(self, now: float) -> tuple[list[float], list[float]]:
        """Recent breath lengths (onset to the next onset of the same label, with exactly one
        of the other label between) and in-breath lengths (in onset to out onset)."""
        bursts, labels = self._bursts, self._labels[: len(self._bursts)]
        cycles: dict[str, list[float]] = {"in": [], "out": []}
        in_parts: list[float] = []
        for i in range(len(bursts) - 1):
            if bursts[i].start < now - RATE_WINDOW_SECONDS:
                continue
            if labels[i] == "in" and labels[i + 1] == "out":
                in_parts.append(bursts[i + 1].start - bursts[i].start)
            if i + 2 < len(bursts) and labels[i] == labels[i + 2] != labels[i + 1]:
                cycles[labels[i]].append(bursts[i + 2].start - bursts[i].start)
        recent = cycles["in"][-RATE_CYCLES:] + cycles["out"][-RATE_CYCLES:]
        return recent, in_parts[-RATE_CYCLES:]

    def _confidence(
        self, now: float, cycles: list[float], in_parts: list[float], cycle: float
    ) -> float:
        # Mean deviations (not medians): one wild interval among a few should count.
        spread = statistics.fmean(abs(c - cycle) for c in cycles) / cycle
        if in_parts:
            typical = statistics.median(in_parts)
            spread = max(spread, statistics.fmean(abs(p - typical) for p in in_parts) / cycle)
        last_onset = self._everything()[-1].start
        recent = [b for b in self._bursts if b.start >= now - RATE_WINDOW_SECONDS]
        strength = statistics.median(b.strength for b in recent) if recent else 0.0
        labels = self._labels[-len(recent) :] if recent else []
        turns = sum(a != b for a, b in zip(labels, labels[1:], strict=False))
        taking_turns = turns / max(1, len(labels) - 1)
        factors = (
            _ramp(len(cycles), 1, 4),  # enough breaths heard
            1.0 - _ramp(spread, 0.07, 0.2),  # evenly
            1.0 - _ramp(now - last_onset, 0.8 * cycle, 1.4 * cycle),  # and lately
            _ramp(strength, self._on_db, self._on_db + 4.0),  # clearly
            _ramp(taking_turns, 0.7, 0.95),  # in and out taking turns
        )
        return math.prod(factors)


def _ramp(value: float, low: float, high: float) -> float:
    """0 at or below `low`, 1 at or above `high`, straight in between."""
    return min(1.0, max(0.0, (value - low) / (high - low)))


def _viterbi(bursts: list[Burst]) -> list[str]:
    """The most likely in/out labels for a run of bursts (see the module's docstring)."""
    if not bursts:
        return []
    evidence = _evidence(bursts)
    gaps = _gaps(bursts)
    usual_gap = statistics.median(gaps) if gaps else 1.0
    scores = [evidence[0], -evidence[0]]  # log-likelihood of "in", of "out"
    back: list[tuple[int, int]] = []
    for i in range(1, len(bursts)):
        missed = gaps[i - 1] > MISSED_GAP_FACTOR * usual_gap + 0.5
        same = -SAME_LABEL_PENALTY * (0.3 if missed else 1.0)
        came_from = []
        new_scores = []
        for state, sign in ((0, 1.0), (1, -1.0)):
            stay, switch = scores[state] + same, scores[1 - state]
            came_from.append(state if stay >= switch else 1 - state)
            new_scores.append(max(stay, switch) + sign * evidence[i])
        back.append((came_from[0], came_from[1]))
        scores = new_scores
    state = 0 if scores[0] >= scores[1] else 1
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return [LABELS[s] for s in reversed(path)]


def _gaps(bursts: list[Burst]) -> list[float]:
    """Silence between each burst and the next (0 where the first is still sounding)."""
    return [
        max(0.0, after.start - before.end) if before.end is not None else 0.0
        for before, after in zip(bursts, bursts[1:], strict=False)
    ]


def _evidence(bursts: list[Burst]) -> list[float]:
    """For each burst, how much more it sounds like an in-breath than an out-breath."""
    brightness = [b.brightness for b in bursts]
    middle = statistics.median(brightness)
    spread = max(0.15, statistics.median(abs(b - middle) for b in brightness))
    evidence = [max(-2.0, min(2.0, (b - middle) / spread)) for b in brightness]
    gaps = _gaps(bursts)
    finished = [g for g, b in zip(gaps, bursts, strict=False) if b.end is not None]
    if len(finished) >= 2:
        usual = max(0.05, statistics.median(finished))
        for i, gap in enumerate(gaps):
            # A short silence after a burst: it was an in-breath turning into an out-breath.
            evidence[i] += max(-1.5, min(1.5, math.log(usual / max(gap, 0.02))))
    return evidence
