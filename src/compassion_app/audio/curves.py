"""Gain curves evaluated block by block: fades, ducking and volume changes.

Every curve is a pure function of the frame (or, for volume slews, a per-sample recurrence), using
only float32 multiply and add, so rendering in blocks of any size gives bit-identical samples.
Where a curve is flat over a whole block it is returned as one float32 scalar: the common case
then costs nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

Gain = np.float32 | np.ndarray  # one value for the whole block, or one per sample
Factor = Gain | float


class Envelope:
    """Straight-ish lines between breakpoints: smoothstep ramps, so fades start and end softly."""

    def __init__(self, points: Sequence[tuple[int, float]], default: float = 0.0) -> None:
        frames = [frame for frame, _ in points]
        if frames != sorted(frames):
            raise ValueError("envelope breakpoints must be in order")
        self.frames = frames
        self.values = [np.float32(value) for _, value in points]
        self.default = np.float32(default)  # the value everywhere when there are no breakpoints

    def block(
        self,
        start: int,
        length: int,
        ramp: np.ndarray,
        out: np.ndarray,
        square: np.ndarray | None = None,
    ) -> Gain:
        """Values for frames [start, start+length); `ramp` is 0, 1, 2... `out` and `square` are
        scratch (the audio callback passes a prepared `square` so that it allocates nothing)."""
        first = bisect.bisect_right(self.frames, start)
        last = bisect.bisect_right(self.frames, start + length - 1)
        if first == last and self._flat(first):
            return self._held(first)
        out = out[:length]
        square = np.empty_like(out) if square is None else square[:length]
        for index in range(first, last + 1):
            lo = max(start, self.frames[index - 1]) if index > 0 else start
            hi = (
                min(start + length, self.frames[index])
                if index < len(self.frames)
                else start + length
            )
            if hi > lo:
                here = slice(lo - start, hi - start)
                self._segment(index, lo, hi - lo, ramp, out[here], square[here])
        return out

    def _flat(self, index: int) -> bool:
        return index in (0, len(self.frames)) or self.values[index - 1] == self.values[index]

    def _held(self, index: int) -> np.float32:
        if not self.frames:
            return self.default
        return self.values[0] if index == 0 else self.values[index - 1]

    def _segment(
        self,
        index: int,
        start: int,
        length: int,
        ramp: np.ndarray,
        out: np.ndarray,
        square: np.ndarray,
    ) -> None:
        if self._flat(index):
            out[:] = self._held(index)
            return
        begin, end = self.frames[index - 1], self.frames[index]
        low, high = self.values[index - 1], self.values[index]
        smoothstep(ramp[:length], start - begin, 1.0 / (end - begin), out, square)
        np.multiply(out, high - low, out=out)
        np.add(out, low, out=out)


def smoothstep(
    ramp: np.ndarray, offset: int, scale: float, out: np.ndarray, square: np.ndarray
) -> None:
    """out = 3x² - 2x³ with x = (ramp + offset) * scale: zero slope at both ends, so no kink."""
    np.add(ramp, offset, out=out)
    np.multiply(out, scale, out=out)
    np.clip(out, 0.0, 1.0, out=out)
    np.multiply(out, out, out=square)
    np.multiply(out, -2.0, out=out)
    np.add(out, 3.0, out=out)
    np.multiply(out, square, out=out)


class Slew:
    """A layer's volume: changes glide linearly over `glide_frames`, so a slider never clicks."""

    def __init__(self, value: float, glide_frames: int) -> None:
        self.current = np.float32(value)
        self.target = np.float32(value)  # written by the GUI thread; one assignment, GIL-atomic
        self.step = np.float32(1.0 / glide_frames)

    def set(self, value: float) -> None:
        self.target = np.float32(value)

    def block(self, length: int, ramp_from_one: np.ndarray, out: np.ndarray) -> Gain:
        target = self.target
        if self.current == target:
            return self.current
        step = self.step if target > self.current else -self.step
        out = out[:length]
        np.multiply(ramp_from_one[:length], step, out=out)
        np.add(out, self.current, out=out)
        if step > 0:
            np.minimum(out, target, out=out)
        else:
            np.maximum(out, target, out=out)
        self.current = out[-1]
        return out


def combine(factors: Sequence[Factor], out: np.ndarray) -> Gain:
    """The product of gains, left to right in float32, whether scalars or per-sample arrays.

    The same order and precision in both cases keeps a sample's value independent of whether its
    block happened to be flat.
    """
    product: Gain = np.float32(1.0)
    for factor in factors:
        if isinstance(product, np.ndarray):
            np.multiply(product, factor, out=product)
        elif isinstance(factor, np.ndarray):
            np.multiply(factor, product, out=out[: len(factor)])
            product = out[: len(factor)]
        else:
            product = np.float32(product * factor)
    return product
