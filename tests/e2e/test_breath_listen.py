"""The listener end to end: a real sounddevice InputStream, through PortAudio and ALSA, whose
"microphone" is a file of synthetic breathing (ALSA's `file` plugin with an `infile`).

PortAudio reads the ALSA configuration once, at start-up, so each run is its own process. The
file-fed microphone does not pace itself: the stream hears a minute of sound in about a second,
so the listener is given a ring that holds it all and stops by itself once it has heard enough.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers.synthetic_breath import (
    Breathing,
    breathing,
    guidance_through_speakers,
    room_noise,
    scaled_to_snr,
)

RATE = 48_000
ASOUNDRC = """\
pcm.!default {{ type asym  playback.pcm "outfile"  capture.pcm "infile" }}
pcm.outfile {{ type file  slave.pcm "null"  file "/dev/null"  format "raw" }}
pcm.infile {{ type file  slave.pcm "null"  file "/dev/null"  infile "{path}"  format "raw" }}
"""

# The listener with the practice's own sound as its reference: a second mixer renders the
# breathing practice at the listener's clock - here the frames heard so far, as if the output ran
# in step with the microphone; in the app, the output stream's own position.
WITH_REFERENCE = """
import json, sys, time
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.listener import open_listener
from compassion_app.audio.mixer import Mixer
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import build_timeline
from compassion_app.paths import resource_path

seconds = float(sys.argv[1])
clips = VoiceClips(resource_path("audio", "voice"), 48000)
script = load_script(resource_path("scripts", "soothing-rhythm-breathing.toml"))
mixer = Mixer(build_timeline(script, 10, 48000, clips.seconds), clips)
listener = open_listener(
    render=mixer.render_into, ring_seconds=seconds + 10, stop_after_seconds=seconds
)
"""


ALSA_CONF = Path("/usr/share/alsa/alsa.conf")


def skip_without_portaudio() -> None:
    if not sys.platform.startswith("linux") or not ALSA_CONF.is_file():
        pytest.skip("the file-fed microphone needs ALSA (Linux)")
    if ctypes.util.find_library("portaudio") is None:
        pytest.skip("PortAudio is not installed (apt-get install libportaudio2)")


def microphone(tmp_path: Path, sound: np.ndarray) -> dict[str, str]:
    skip_without_portaudio()
    raw = tmp_path / "microphone.f32"
    sound.astype(np.float32).tofile(raw)
    config = tmp_path / "asoundrc"
    config.write_text(ASOUNDRC.format(path=raw))
    return os.environ | {"ALSA_CONFIG_PATH": f"{ALSA_CONF}:{config}"}


def listen(environment: dict[str, str], seconds: float) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "compassion_app.audio.listener",
            "--seconds",
            str(seconds),
            "--json",
            "--timeout",
            "60",
            "--ring-seconds",
            str(seconds + 10),
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures: dict = json.loads(result.stdout)
    return figures


def quiet_room(breath: Breathing, snr_db: float) -> np.ndarray:
    noise = scaled_to_snr(breath.signal, room_noise(breath.seconds, RATE), snr_db)
    return 0.05 * (breath.signal + noise)


def test_breathing_fed_to_the_microphone_is_heard_at_its_rate(tmp_path):
    breath = breathing(60, RATE, per_minute=9.0, seed=2)
    until = breath.breaths[-1].out_end + 0.3
    figures = listen(microphone(tmp_path, quiet_room(breath, 10)), until)
    assert figures["dropped"] == 0
    assert figures["seconds"] == pytest.approx(until, abs=0.05)
    assert figures["confidence"] >= 0.5
    assert figures["breaths_per_minute"] == pytest.approx(breath.recent_rate(until), abs=1.0)
    # Every breath was heard where it was: each true onset has a detected one close by.
    onsets = np.array(figures["onsets"])
    for true_onset, _phase in breath.onsets():
        assert np.min(np.abs(onsets - true_onset)) < 0.5


@pytest.mark.slow  # renders the guidance and listens to it in full: CI runs it with -m slow
def test_the_apps_own_guidance_through_the_speakers_is_not_taken_for_breath(tmp_path):
    seconds = 75.0
    guidance = guidance_through_speakers(seconds, RATE)
    heard = guidance.heard + 0.002 * room_noise(seconds, RATE)
    environment = microphone(tmp_path, heard)
    script = WITH_REFERENCE + FINISH
    figures = run_script(script, environment, seconds)
    assert figures["max_confidence"] == 0.0
    assert figures["delay_samples"] is not None


@pytest.mark.slow
def test_breath_is_heard_through_the_guidance(tmp_path):
    seconds = 75.0
    guidance = guidance_through_speakers(seconds, RATE)
    breath = breathing(seconds, RATE, per_minute=7.0, seed=8)
    # The guidance reaches the microphone at half the breath's loudness (RMS, whole length).
    coupling = 0.5 * float(np.std(breath.signal) / np.std(guidance.heard))
    room = scaled_to_snr(breath.signal, room_noise(seconds, RATE), 15)
    heard = 0.05 * (breath.signal + coupling * guidance.heard + room)
    until = breath.breaths[-1].out_end + 0.3
    figures = run_script(WITH_REFERENCE + FINISH, microphone(tmp_path, heard), until)
    assert figures["delay_samples"] is not None
    assert figures["confidence"] >= 0.5
    assert figures["breaths_per_minute"] == pytest.approx(breath.recent_rate(until), abs=1.0)


FINISH = """
top = 0.0
began = time.monotonic()
while not listener.finished and time.monotonic() - began < 60:
    time.sleep(0.01)
    estimate = listener.poll()
    top = max(top, estimate.confidence)
listener.close()
print(json.dumps({
    "max_confidence": top,
    "confidence": estimate.confidence,
    "breaths_per_minute": estimate.breaths_per_minute,
    "delay_samples": listener.detector._delay.delay,
}))
"""


def run_script(script: str, environment: dict[str, str], seconds: float) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", script, str(seconds)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures: dict = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def test_without_a_microphone_the_listener_is_simply_absent():
    skip_without_portaudio()
    result = subprocess.run(
        [sys.executable, "-m", "compassion_app.audio.listener", "--seconds", "2", "--json"],
        env=os.environ | {"ALSA_CONFIG_PATH": str(ALSA_CONF)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout) is None
    assert "no microphone" in result.stderr
