"""Pause, resume and stop as the audio callback performs them: faded, exact, and never a click."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.audio import synth
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer, Volumes, gain_of
from compassion_app.audio.transport import Transport, fade_ramp
from compassion_app.core.timeline import Timeline
from helpers.audio_analysis import max_step

BLOCK = 1024


@pytest.fixture(scope="module")
def mixer(one_minute: Timeline, voice_clips: VoiceClips) -> Mixer:
    return Mixer(one_minute, voice_clips)


@pytest.fixture(scope="module")
def offline(mixer: Mixer) -> np.ndarray:
    return mixer.render_all()


def callbacks(transport: Transport, count: int) -> np.ndarray:
    out = np.empty((count * BLOCK, 2), dtype=np.float32)
    for block in range(count):
        transport.fill(out[block * BLOCK : (block + 1) * BLOCK])
    return out


def fade(transport: Transport, down: bool) -> np.ndarray:
    ramp = fade_ramp(transport.mixer.sample_rate)
    return (ramp[::-1] if down else ramp)[:, None]


def test_untouched_it_plays_exactly_the_offline_render(mixer: Mixer, offline: np.ndarray) -> None:
    transport = Transport(mixer)
    out = np.empty((BLOCK, 2), dtype=np.float32)
    played = []
    last = False
    while not last:
        last = transport.fill(out)
        played.append(out.copy())
    heard = np.concatenate(played)
    assert np.array_equal(heard[: len(offline)], offline)
    assert not heard[len(offline) :].any()
    assert transport.position == mixer.total_frames


def test_pause_fades_out_holds_its_place_and_resumes_from_it(
    mixer: Mixer, offline: np.ndarray
) -> None:
    transport = Transport(mixer)
    steps = transport.steps
    start = callbacks(transport, 20)  # mid start-bell: the loudest moment to be cut
    paused_at = transport.position
    transport.pause()
    fading = callbacks(transport, 3)
    assert transport.silent and transport.position == paused_at + steps  # the fade played content
    held = transport.position
    silence = callbacks(transport, 5)
    transport.resume()
    resumed = callbacks(transport, 10)

    assert np.array_equal(start, offline[:paused_at])
    assert np.array_equal(fading[:steps], offline[paused_at:held] * fade(transport, down=True))
    assert not fading[steps:].any() and not silence.any()
    assert np.array_equal(
        resumed[:steps], offline[held : held + steps] * fade(transport, down=False)
    )
    assert np.array_equal(resumed[steps:], offline[held + steps : held + len(resumed)])


def test_pause_and_resume_make_no_click(mixer: Mixer, offline: np.ndarray) -> None:
    transport = Transport(mixer)
    before = callbacks(transport, 20)
    transport.pause()
    after = callbacks(transport, 4)
    transport.resume()
    again = callbacks(transport, 4)
    # A click is a step larger than any the sound itself makes. Fading by g(n) changes a step by at
    # most |x| * max|g(n) - g(n-1)| = 0.45 * pi / (2 * 1201) < 0.0006 on top of the sound's own.
    own = max_step(offline[: len(before) + 8 * BLOCK])
    assert max_step(np.concatenate([before[-BLOCK:], after])) <= own + 6e-4
    assert max_step(np.concatenate([after, again])) <= own + 6e-4
    # Stopping dead instead would step by up to the sound's peak here: many times its own steps.
    assert np.abs(before[-BLOCK:]).max() > 5 * own


def test_resume_during_the_fade_turns_back_smoothly(mixer: Mixer, offline: np.ndarray) -> None:
    transport = Transport(mixer)
    before = callbacks(transport, 20)
    transport.pause()
    half = np.empty((transport.steps // 2, 2), dtype=np.float32)
    transport.fill(half)
    transport.resume()
    after = callbacks(transport, 4)
    own = max_step(offline[: len(before) + 5 * BLOCK])
    assert max_step(np.concatenate([before[-BLOCK:], half, after])) <= own + 6e-4


def test_stop_fades_out_then_asks_the_stream_to_end(mixer: Mixer) -> None:
    transport = Transport(mixer)
    callbacks(transport, 20)
    transport.stop()
    out = np.empty((BLOCK, 2), dtype=np.float32)
    assert transport.fill(out) is False  # 1024 of the 1200 fade steps
    assert transport.fill(out) is True
    assert not out[transport.steps - BLOCK :].any()


def test_starting_mid_practice_fades_in(mixer: Mixer, offline: np.ndarray) -> None:
    transport = Transport(mixer, start_frame=96_000, fade_in=True)
    played = callbacks(transport, 2)
    steps = transport.steps
    assert np.array_equal(
        played[:steps], offline[96_000 : 96_000 + steps] * fade(transport, down=False)
    )
    assert np.array_equal(played[steps:], offline[96_000 + steps : 96_000 + 2 * BLOCK])


def play_to_the_end(transport: Transport) -> np.ndarray:
    played = []
    last = False
    while not last:
        block = np.empty((BLOCK, 2), dtype=np.float32)
        last = transport.fill(block)
        played.append(block)
    return np.concatenate(played)


def test_finishing_early_fades_out_then_rings_the_end_bell_alone(
    mixer: Mixer, offline: np.ndarray
) -> None:
    transport = Transport(mixer)
    callbacks(transport, 200)  # about four seconds in, breathing
    at = transport.position
    transport.finish_early()
    played = play_to_the_end(transport)
    steps = transport.steps
    assert np.array_equal(played[:steps], offline[at : at + steps] * fade(transport, down=True))
    bell = synth.bell(mixer.sample_rate, "end") * np.float32(gain_of(Volumes().bells))
    bell *= np.float32(10 ** (mixer.timeline.level_db / 20))  # as loud as the practice's own
    assert np.array_equal(played[steps : steps + len(bell)], np.stack([bell, bell], axis=1))
    assert not played[steps + len(bell) :].any()
    assert transport.ended and transport.position == at + steps  # the clock stopped at the fade


def test_stopping_during_the_closing_bell_fades_it(mixer: Mixer) -> None:
    transport = Transport(mixer, start_frame=96_000)
    transport.finish_early()
    callbacks(transport, 30)  # the fade, then the bell ringing
    transport.stop()
    bell_then_stop = callbacks(transport, 3)
    own = max_step(synth.bell(mixer.sample_rate, "end")[: 40 * BLOCK])
    assert max_step(bell_then_stop) <= own
    assert not bell_then_stop[-BLOCK:].any()


def test_finishing_early_after_the_end_bell_changes_nothing(
    mixer: Mixer, offline: np.ndarray
) -> None:
    end_bell = mixer.timeline.practice_frames
    transport = Transport(mixer, start_frame=end_bell + BLOCK)
    transport.finish_early()
    assert np.array_equal(callbacks(transport, 2), offline[end_bell + BLOCK : end_bell + 3 * BLOCK])
