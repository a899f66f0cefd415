"""Breathing patterns, and every breath of a practice laid out in time.

The timeline turns these breaths into frame-exact phases; the breath sound and the visual pacer both
read those same phases, so what is heard and what is seen can never drift apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PHASES = ("in", "hold_in", "out", "hold_out")

# "Start where I am": a pace most people find easy before any slowing (CONTENT.md, Steffen et al.
# 2021: people handed a fixed slow pacer breathed far faster than it).
COMFORTABLE_BREATHS_PER_MINUTE = 10.0
SHORTEST_PHASE_SECONDS = 0.25  # no pacer asks for less; it also bounds how many breaths fit


@dataclass(frozen=True)
class BreathPattern:
    """Seconds for each part of one breath."""

    inhale: float
    hold_in: float
    exhale: float
    hold_out: float

    def __post_init__(self) -> None:
        parts = (self.inhale, self.hold_in, self.exhale, self.hold_out)
        # NaN fails every comparison, so finiteness is checked first: a NaN or endless breath
        # would leave the planner looping for ever.
        if not all(math.isfinite(part) for part in parts) or min(parts) < 0:
            raise ValueError("a breath is made of finite, non-negative lengths")
        if self.inhale < SHORTEST_PHASE_SECONDS or self.exhale < SHORTEST_PHASE_SECONDS:
            raise ValueError("a breath needs an in-breath and an out-breath of a moment or more")

    @property
    def seconds(self) -> float:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    @property
    def per_minute(self) -> float:
        return 60.0 / self.seconds

    def parts(self) -> tuple[float, float, float, float]:
        return (self.inhale, self.hold_in, self.exhale, self.hold_out)

    def at_rate(self, per_minute: float) -> BreathPattern:
        """The same proportions, stretched or shrunk to a number of breaths per minute."""
        if not (math.isfinite(per_minute) and per_minute > 0):
            raise ValueError("a pace is a finite number of breaths a minute above zero")
        scale = (60.0 / per_minute) / self.seconds
        return BreathPattern(*(part * scale for part in self.parts()))

    @classmethod
    def from_rate(cls, per_minute: float, out_to_in: float = 1.2) -> BreathPattern:
        """A plain in/out pattern (no holds), the out-breath a little longer, as SRB suggests."""
        if not (math.isfinite(per_minute) and per_minute > 0):
            raise ValueError("a pace is a finite number of breaths a minute above zero")
        cycle = 60.0 / per_minute
        inhale = cycle / (1.0 + out_to_in)
        return cls(inhale, 0.0, cycle - inhale, 0.0)


def easing_start(own_per_minute: float | None = None) -> float:
    """Where "start where I am" begins: the slower, more comfortable, of about ten breaths a
    minute and the person's own pace (when it is known). `plan_breaths` never eases upwards."""
    if own_per_minute is None or not math.isfinite(own_per_minute) or own_per_minute <= 0:
        return COMFORTABLE_BREATHS_PER_MINUTE
    return min(COMFORTABLE_BREATHS_PER_MINUTE, own_per_minute)


@dataclass(frozen=True)
class BreathState:
    """Where the breath is at one moment."""

    phase: str  # one of PHASES
    progress: float  # 0..1 through the phase
    fullness: float  # 0 (empty) .. 1 (full), eased so motion and sound start and end softly
    phase_seconds: float  # length of the current phase


@dataclass(frozen=True)
class BreathCycle:
    start: float  # seconds from the start of the practice
    pattern: BreathPattern


def fullness(phase: str, progress: float) -> float:
    """How full the lungs are: a raised cosine, so pacer and breath sound ease in and out."""
    eased = (1.0 - math.cos(math.pi * progress)) / 2.0
    if phase == "in":
        return eased
    if phase == "out":
        return 1.0 - eased
    return 1.0 if phase == "hold_in" else 0.0


def plan_breaths(
    target: BreathPattern,
    start: float,
    end: float,
    ease_from_per_minute: float | None = None,
    ease_seconds: float = 0.0,
) -> list[BreathCycle]:
    """Lay out whole breaths from `start` to `end` seconds.

    With `ease_from_per_minute`, the first breaths go at that comfortable pace and slow, breath by
    breath, to the target over `ease_seconds` ("start where I am"). Easing only ever slows: a
    starting pace already at or below the target is simply the target. Only whole breaths are
    planned, so the last one never stops halfway through an in-breath.
    """
    if ease_from_per_minute is not None and ease_from_per_minute <= target.per_minute:
        ease_from_per_minute = None
    cycles: list[BreathCycle] = []
    moment = start
    while True:
        pattern = _pattern_at(target, moment - start, ease_from_per_minute, ease_seconds)
        if moment + pattern.seconds > end + 1e-9:
            break
        cycles.append(BreathCycle(moment, pattern))
        moment += pattern.seconds
    return cycles


def _pattern_at(
    target: BreathPattern, elapsed: float, ease_from: float | None, ease_seconds: float
) -> BreathPattern:
    if ease_from is None or ease_seconds <= 0 or elapsed >= ease_seconds:
        return target
    share = elapsed / ease_seconds
    per_minute = ease_from + (target.per_minute - ease_from) * share
    return target.at_rate(per_minute)
