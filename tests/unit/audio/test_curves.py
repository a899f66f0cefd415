"""Gain curves: smooth ramps, volume glides, and the same value whatever block a frame falls in."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.audio.curves import Envelope, Factor, Slew, combine

RAMP = np.arange(10_000, dtype=np.float32)
RAMP_FROM_ONE = RAMP + 1


def whole(envelope: Envelope, start: int, length: int) -> np.ndarray:
    values = envelope.block(start, length, RAMP, np.zeros(10_000, dtype=np.float32))
    return np.broadcast_to(np.asarray(values), (length,)).copy()


def test_envelope_ramps_smoothly_between_breakpoints_and_holds_elsewhere() -> None:
    envelope = Envelope([(100, 0.0), (1100, 1.0)])
    values = whole(envelope, 0, 1300)
    assert np.all(values[:101] == 0.0) and np.all(values[1100:] == 1.0)
    assert values[600] == pytest.approx(0.5)
    assert np.all(np.diff(values) >= 0)
    assert np.abs(np.diff(values)).max() < 1.6 / 1000  # smoothstep's steepest slope is 1.5


def test_flat_block_is_one_scalar() -> None:
    envelope = Envelope([(100, 0.0), (1100, 1.0)])
    assert isinstance(envelope.block(2000, 512, RAMP, np.zeros(512, dtype=np.float32)), np.float32)
    assert Envelope([], default=0.0).block(0, 64, RAMP, np.zeros(64, dtype=np.float32)) == 0.0


def test_envelope_values_do_not_depend_on_block_boundaries() -> None:
    envelope = Envelope([(100, 0.0), (1100, 1.0), (3000, 1.0), (3500, 0.25)])
    at_once = whole(envelope, 0, 4000)
    pieces = np.concatenate([whole(envelope, start, 7) for start in range(0, 4000, 7)])[:4000]
    assert np.array_equal(at_once, pieces)


def test_volume_glides_linearly_to_its_target() -> None:
    slew = Slew(1.0, glide_frames=100)
    assert slew.block(64, RAMP_FROM_ONE, np.zeros(64, dtype=np.float32)) == 1.0
    slew.set(0.5)
    glide = np.asarray(slew.block(128, RAMP_FROM_ONE, np.zeros(128, dtype=np.float32)))
    assert glide[0] == pytest.approx(0.99) and glide[24] == pytest.approx(0.75)
    assert np.all(glide[49:] == np.float32(0.5))
    assert slew.block(64, RAMP_FROM_ONE, np.zeros(64, dtype=np.float32)) == np.float32(0.5)


def test_combine_gives_the_same_product_for_scalars_and_arrays() -> None:
    factors: list[Factor] = [np.float32(0.7) ** 2, np.float32(0.3), 0.05]
    scalar = combine(factors, np.zeros(4, dtype=np.float32))
    arrays = combine(
        [np.full(4, factors[0], dtype=np.float32), factors[1], factors[2]],
        np.zeros(4, dtype=np.float32),
    )
    assert np.all(np.asarray(arrays) == scalar)
