"""A pacer that meets the person where they are, then eases them toward a soothing rhythm.

While the breath is heard clearly (the detector's confidence), the pacer takes the person's own
rate and eases it toward the practice's target by at most `ease_per_minute` breaths a minute,
each minute: never faster than the person, and never far below them, so it is always within
reach. Its phase meets theirs at the bottom of each breath: when the circle has emptied and the
person is still breathing out, it rests until their in-breath begins (a short while at most).
It only ever waits, it never hurries.

When the breath can no longer be heard clearly for a few seconds, the pacer lets go: it says so
once (`change == "lost"`) and leads, gliding from wherever it is toward the target at the same
gentle pace (before anything is heard it leads the same way, from `start_per_minute`; the
ordinary pacer's plan, without listening, eases faster: over two minutes). Nothing here judges
the breath; the rates are kept only so the practice can say, if the person likes, where their
breath began and where it settled.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from compassion_app.core.breath_rate import BreathEstimate
from compassion_app.core.breathing import (
    COMFORTABLE_BREATHS_PER_MINUTE,
    PHASES,
    BreathPattern,
    BreathState,
    fullness,
)

FOUND_CONFIDENCE = 0.5  # heard clearly enough to follow...
LOST_CONFIDENCE = 0.25  # ...and this unclear, for LOST_AFTER_SECONDS, to let go
LOST_AFTER_SECONDS = 4.0
EASE_PER_MINUTE = 1.0  # breaths a minute slower, per minute, at most
FURTHEST_BELOW = 2.0  # breaths a minute the pacer may be slower than the person
LONGEST_WAIT = 0.3  # of a breath: how long the empty circle waits for the person's in-breath
MAX_STEP_SECONDS = 1.0  # a longer gap between updates (a stall) counts as this much
SETTLED_SECONDS = 60.0  # "settled near": the rates heard over the last minute of following


@dataclass(frozen=True)
class FollowState:
    breath: BreathState  # what the pacer shows now
    per_minute: float  # the pacer's own rate now
    following: bool  # True while it follows the heard breath, False while it leads
    change: str | None  # "found" or "lost" on the update where that happened, else None


class PacerFollow:
    def __init__(
        self,
        target: BreathPattern,
        start_per_minute: float = COMFORTABLE_BREATHS_PER_MINUTE,
        ease_per_minute: float = EASE_PER_MINUTE,
    ) -> None:
        self.target = target
        self.per_minute = max(start_per_minute, target.per_minute)
        self.following = False
        self._ease = ease_per_minute
        self._cycle = 0.0  # how far through the current breath, 0..1
        self._waiting = 0.0  # cycles spent resting at the bottom, waiting for the person
        self._last: float | None = None
        self._unclear_since: float | None = None
        self._heard: list[tuple[float, float]] = []  # (seconds, rate) while following

    def update(self, seconds: float, estimate: BreathEstimate | None) -> FollowState:
        step = 0.0 if self._last is None else min(MAX_STEP_SECONDS, max(0.0, seconds - self._last))
        self._last = seconds
        change = self._listen(seconds, estimate)
        person = estimate.breaths_per_minute if self.following and estimate else None
        self._set_rate(step, person)
        self._advance(step, estimate if self.following else None)
        if person is not None and (not self._heard or seconds - self._heard[-1][0] >= 1.0):
            self._heard.append((seconds, person))
        return FollowState(self._state(), self.per_minute, self.following, change)

    # -- what the person's breath says ------------------------------------------------------

    def _listen(self, seconds: float, estimate: BreathEstimate | None) -> str | None:
        clear = estimate is not None and estimate.breaths_per_minute is not None
        confidence = estimate.confidence if estimate is not None and clear else 0.0
        if not self.following:
            if confidence >= FOUND_CONFIDENCE:
                self.following = True
                self._unclear_since = None
                assert estimate is not None and estimate.breaths_per_minute is not None
                self.per_minute = estimate.breaths_per_minute  # start at their own pace
                return "found"
            return None
        if confidence >= LOST_CONFIDENCE:
            self._unclear_since = None
            return None
        if self._unclear_since is None:
            self._unclear_since = seconds
        if seconds - self._unclear_since >= LOST_AFTER_SECONDS:
            self.following = False
            return "lost"
        return None

    def _set_rate(self, step: float, person: float | None) -> None:
        goal = self.target.per_minute
        most = self._ease * step / 60.0
        if person is None:  # leading: glide toward the target, either way, at the easing pace
            self.per_minute += max(-most, min(most, goal - self.per_minute))
            return
        eased = max(goal, self.per_minute - most)
        # Never faster than the person, never out of their reach below.
        self.per_minute = min(person, max(person - FURTHEST_BELOW, eased))

    # -- the pacer's own breath -------------------------------------------------------------

    def _advance(self, step: float, estimate: BreathEstimate | None) -> None:
        moved = step * self.per_minute / 60.0
        if self._cycle + moved < 1.0:
            self._cycle += moved
            return
        if estimate is not None and self._should_wait(estimate):
            self._cycle = 1.0 - 1e-9  # rest at the bottom, empty, until they breathe in
            self._waiting += moved
            return
        self._cycle = (self._cycle + moved) % 1.0
        self._waiting = 0.0

    def _should_wait(self, estimate: BreathEstimate) -> bool:
        """The circle is empty; wait while the person is still on their out-breath."""
        if self._waiting >= LONGEST_WAIT:
            return False
        return estimate.phase == "out"

    def _state(self) -> BreathState:
        parts = self.target.at_rate(self.per_minute).parts()
        moment = self._cycle * sum(parts)
        for phase, length in zip(PHASES, parts, strict=True):
            if moment < length or phase == PHASES[-1]:
                progress = min(1.0, moment / length) if length > 0 else 1.0
                return BreathState(phase, progress, fullness(phase, progress), length)
            moment -= length
        raise AssertionError("unreachable: the last phase always returns")

    # -- for the line after the practice ---------------------------------------------------------

    @property
    def started_near(self) -> float | None:
        """The rate first heard (None if the breath was never heard clearly)."""
        return self._heard[0][1] if self._heard else None

    @property
    def settled_near(self) -> float | None:
        """The median rate heard over the last minute of following."""
        if not self._heard:
            return None
        last = self._heard[-1][0]
        return statistics.median(rate for at, rate in self._heard if at >= last - SETTLED_SECONDS)
