"""The real sound path end to end: the sounddevice stream, through PortAudio and ALSA, into a file.

What the device receives must be the offline render, sample for sample, after PortAudio's initial
silence; pause, resume and stop must fade without a click and lose or repeat nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from compassion_app.audio import synth
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.audio.transport import fade_ramp
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.paths import resource_path
from helpers.audio_analysis import find_onsets, first_nonzero, max_step, mid, with_every_layer

# Fixtures from tests/e2e/conftest.py (typed Any here: conftest modules are not imported by name):
# `alsa_file_sink` plays through PortAudio into a file, `alsa_without_devices` runs Python where
# ALSA offers no device.

VOICE_DIR = resource_path("audio", "voice")
PREFILL_LIMIT = SAMPLE_RATE // 4  # PortAudio's silent start; about 3072 frames here


def practice(tmp_path: Path, minutes: int) -> tuple[Path, Timeline, Mixer]:
    """The breathing practice with every layer (voice, bells, breath, rain), as file and mix."""
    bundled = resource_path("scripts", "soothing-rhythm-breathing.toml").read_text()
    script_path = tmp_path / "every-layer.toml"
    script_path.write_text(with_every_layer(bundled, interval_minutes=0.5 if minutes < 5 else 2.0))
    clips = VoiceClips(VOICE_DIR, SAMPLE_RATE)
    timeline = build_timeline(load_script(script_path), minutes, SAMPLE_RATE, clips.seconds)
    return script_path, timeline, Mixer(timeline, clips)


def play(sink: Any, script: Path, minutes: int, *extra: str) -> dict[str, object]:
    report = sink.directory / "report.json"
    sink.play(
        str(script),
        "--minutes",
        str(minutes),
        "--voice-dir",
        str(VOICE_DIR),
        "--report",
        str(report),
        *extra,
    )
    figures: dict[str, object] = json.loads(report.read_text())
    assert figures["failure"] is None and figures["underruns"] == 0
    return figures


def assert_device_got_the_render(played: np.ndarray, mixer: Mixer) -> int:
    """Compare block by block (a long practice never sits whole in memory); the pre-fill length."""
    prefill: int = first_nonzero(played)  # the start bell sounds from its very first sample
    assert 0 <= prefill < PREFILL_LIMIT
    assert not played[:prefill].any()
    block = np.empty((1 << 18, 2), dtype=np.float32)
    for start in range(0, mixer.total_frames, len(block)):
        expected = block[: min(len(block), mixer.total_frames - start)]
        mixer.render_into(expected, start)
        at = prefill + start
        assert np.array_equal(played[at : at + len(expected)], expected), f"differs after {start}"
    assert not played[prefill + mixer.total_frames :].any()
    return prefill


def test_the_device_receives_exactly_the_offline_render(
    tmp_path: Path, alsa_file_sink: Any
) -> None:
    script, timeline, mixer = practice(tmp_path, 1)
    figures = play(alsa_file_sink, script, 1)
    assert figures["position"] == timeline.total_frames
    played = alsa_file_sink.frames()
    prefill = assert_device_got_the_render(played, mixer)
    bells = {name: synth.bell(SAMPLE_RATE, name) for name in ("start", "end")}
    heard = find_onsets(mid(played[: prefill + timeline.total_frames]), bells)
    assert heard == {"start": [prefill], "end": [prefill + timeline.practice_frames]}


@pytest.mark.slow
def test_ten_minutes_reach_the_device_sample_for_sample(
    tmp_path: Path, alsa_file_sink: Any
) -> None:
    script, timeline, mixer = practice(tmp_path, 10)
    play(alsa_file_sink, script, 10)
    played = alsa_file_sink.frames()
    prefill = assert_device_got_the_render(played, mixer)
    heard = find_onsets(mid(played), {"bell": synth.bell(SAMPLE_RATE, "start")})
    assert heard == {"bell": [prefill]}
    bells = [event for event in timeline.of_kind("bell") if event.name != "start"]
    for bell in bells:
        window = played[prefill + bell.frame - SAMPLE_RATE : prefill + bell.frame + SAMPLE_RATE]
        found = find_onsets(mid(window), {bell.name: synth.bell(SAMPLE_RATE, bell.name)})
        assert found == {bell.name: [SAMPLE_RATE]}, bell


def test_pause_resume_and_stop_fade_without_a_click_or_a_lost_frame(
    tmp_path: Path, alsa_file_sink: Any
) -> None:
    script, timeline, mixer = practice(tmp_path, 1)
    # Pause in the start bell's loudest ring, where a cut would click hardest; stop mid-practice.
    figures = play(alsa_file_sink, script, 1, "--pause-at", "24000", "--stop-at", "1200000")
    held, stopped = int(figures["resumed_at"]), int(figures["position"])  # type: ignore[call-overload]
    offline = mixer.render_all()[: stopped + SAMPLE_RATE]
    ramp = fade_ramp(SAMPLE_RATE)[:, None]
    steps = len(ramp)
    played = np.asarray(alsa_file_sink.frames())
    prefill = first_nonzero(played)

    # Up to the pause: the render, its last 25 ms faded down.
    before = played[prefill : prefill + held]
    assert np.array_equal(before[:-steps], offline[: held - steps])
    assert np.array_equal(before[-steps:], offline[held - steps : held] * ramp[::-1])
    # Silence while paused, then the render again from exactly the frame where it went quiet.
    gap = first_nonzero(played[prefill + held :])
    assert gap > 0
    resumed = played[prefill + held + gap : prefill + held + gap + stopped - held]
    expected = offline[held:stopped].copy()
    expected[:steps] *= ramp
    expected[-steps:] *= ramp[::-1]  # and the stop's fade
    assert np.array_equal(resumed, expected)
    assert not played[prefill + held + gap + stopped - held :].any()

    # No click: a fade adds at most |x| * max|g[n] - g[n-1]| (under 6e-4 here) to the sound's own
    # largest step; a hard cut mid-bell would have stepped by up to the bell's peak (~0.3).
    resumed_at = prefill + held + gap
    edges = {prefill + held: held, resumed_at: held, resumed_at + stopped - held: stopped}
    for in_file, in_practice in edges.items():
        own = max_step(offline[in_practice - 4 * steps : in_practice + 4 * steps])
        assert max_step(played[in_file - 2 * steps : in_file + 2 * steps]) <= own + 6e-4


def test_with_no_sound_device_the_practice_gets_a_kind_notice(alsa_without_devices: Any) -> None:
    probe = alsa_without_devices.run(
        "-c", "import sounddevice; print(len(sounddevice.query_devices()))"
    )
    if probe.stdout.strip() != "0":
        pytest.skip("this computer has a sound card; the no-device case cannot be staged")
    script = resource_path("scripts", "soothing-rhythm-breathing.toml")
    played = alsa_without_devices.run(
        "-m", "compassion_app.audio.play", str(script), "--minutes", "1"
    )
    assert played.returncode == 3, played.stderr
    assert "Sound is not available on this computer right now" in played.stdout
    assert "Traceback" not in played.stderr
