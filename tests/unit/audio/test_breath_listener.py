"""The listener's own bookkeeping, without a device: what the input callback hands over reaches
the detector in order, with the app's output for the same frames; a GUI that falls behind loses
the oldest blocks, says so, and carries on."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.audio.listener import BreathListener

BLOCK = 1024


class Output:
    """The app's output as a ramp of frame numbers, so each rendered frame says which it is."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, int]] = []

    def render_into(self, out: np.ndarray, start: int) -> None:
        self.asked.append((start, len(out)))
        out[:, 0] = out[:, 1] = np.arange(start, start + len(out))


def hear(listener: BreathListener, blocks: int, start: int = 0) -> None:
    for n in range(start, start + blocks):
        listener._callback(np.full((BLOCK, 1), n, dtype=np.float32), BLOCK, None, None)


def test_blocks_reach_the_detector_in_order_with_the_output_for_the_same_frames(monkeypatch):
    output = Output()
    clock = [0]
    listener = BreathListener(clock=lambda: clock[0], render=output.render_into)
    fed: list[tuple[float, float | None]] = []
    monkeypatch.setattr(
        listener.detector,
        "feed",
        lambda heard, played=None: fed.append(
            (float(heard[0]), None if played is None else float(played[0]))
        ),
    )
    for n in range(5):
        clock[0] = (n + 1) * BLOCK  # the output has played this far when the block arrives
        hear(listener, 1, start=n)
    listener.poll()
    assert [heard for heard, _ in fed] == [0, 1, 2, 3, 4]
    assert [played for _, played in fed] == [n * BLOCK for n in range(5)]
    assert output.asked == [(n * BLOCK, BLOCK) for n in range(5)]


def test_a_pause_starts_the_output_afresh_from_the_clock(monkeypatch):
    output = Output()
    clock = [BLOCK]
    listener = BreathListener(clock=lambda: clock[0], render=output.render_into)
    monkeypatch.setattr(listener.detector, "feed", lambda heard, played=None: None)
    hear(listener, 1)
    clock[0] = 40 * BLOCK  # the clock jumped (a resumed practice elsewhere in it)
    hear(listener, 1, start=1)
    listener.poll()
    assert [start for start, _ in output.asked] == [0, 39 * BLOCK]


def test_without_output_or_clock_nothing_is_rendered():
    listener = BreathListener()
    hear(listener, 3)
    estimate = listener.poll()
    assert estimate.breaths_per_minute is None
    assert listener.seconds > 0.0


def test_a_gui_that_falls_behind_loses_the_oldest_blocks_and_carries_on():
    listener = BreathListener(ring_seconds=0.5)  # 24 blocks at 48 kHz
    hear(listener, 100)
    listener.poll()
    assert listener.dropped == 100 - 24
    assert listener.seconds == 24 * BLOCK / 48_000
    hear(listener, 10, start=100)
    listener.poll()
    assert listener.dropped == 76
    assert listener.level_db > -120.0  # the level meter shows the latest block


def test_the_stream_stops_by_itself_after_the_time_asked():
    class Stop(Exception):
        pass

    listener = BreathListener(stop_after_seconds=BLOCK * 3 / 48_000)
    listener._sd = type("sd", (), {"CallbackStop": Stop})
    hear(listener, 2)
    with pytest.raises(Stop):  # the third block ends the stream
        hear(listener, 1, start=2)
    listener.poll()
    assert listener.finished
