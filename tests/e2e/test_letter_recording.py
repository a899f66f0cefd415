"""Reading a letter aloud, end to end through PortAudio with no sound card.

ALSA's `file` plugin stands in for both ends: its `infile` is the microphone (a known voice
recording, as the stream's own float32 samples) and its `file` receives what is played. The kept
OGG must hold that voice (cross-correlation, level), and playing it back must send it to the
output device.
"""

from __future__ import annotations

import ctypes.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from compassion_app.paths import resource_path
from compassion_app.store.passphrase import unlock

ALSA_CONF = Path("/usr/share/alsa/alsa.conf")  # defines pcm.null, which the file plugin uses

RATE = 48_000
VOICE = resource_path("audio", "voice", "compassionate-self", "welcome.ogg")
SCRIPT = Path(__file__).with_name("letter_reading_aloud.py")

ASOUNDRC = """\
pcm.!default {{ type asym  playback.pcm "outfile"  capture.pcm "infile" }}
pcm.outfile {{ type file  slave.pcm "null"  file "{played}"  format "raw" }}
pcm.infile {{ type file  slave.pcm "null"  file "/dev/null"  infile "{spoken}"  format "raw" }}
"""


def best_match(haystack: np.ndarray, needle: np.ndarray) -> tuple[int, float]:
    """Where `needle` sits in `haystack`, and the normalised correlation there (1.0 = identical)."""
    size = 1 << int(np.ceil(np.log2(len(haystack) + len(needle))))
    spectrum = np.fft.rfft(haystack, size) * np.conj(np.fft.rfft(needle, size))
    correlation = np.fft.irfft(spectrum, size)[: len(haystack) - len(needle) + 1]
    offset = int(np.argmax(correlation))
    window = haystack[offset : offset + len(needle)]
    score = float(np.dot(window, needle) / (np.linalg.norm(window) * np.linalg.norm(needle)))
    return offset, score


def rms(signal: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(signal, dtype=np.float64))))


def skip_without_portaudio() -> None:
    if not sys.platform.startswith("linux") or not ALSA_CONF.is_file():
        pytest.skip("the file plugin needs ALSA (Linux)")
    if ctypes.util.find_library("portaudio") is None:
        pytest.skip("PortAudio is not installed (apt-get install libportaudio2)")


@pytest.mark.parametrize("protection", ["plain", "protected"])
def test_a_reading_fed_to_the_microphone_is_kept_as_ogg_and_plays_back(tmp_path, protection):
    skip_without_portaudio()
    voice, rate = soundfile.read(VOICE, dtype="float32")
    assert rate == RATE
    spoken, played = tmp_path / "spoken.f32", tmp_path / "played.f32"
    voice.astype(np.float32).tofile(spoken)
    config = tmp_path / "asoundrc"
    config.write_text(ASOUNDRC.format(played=played, spoken=spoken))
    data = tmp_path / "data"
    data.mkdir()
    environment = os.environ | {"ALSA_CONFIG_PATH": f"{ALSA_CONF}:{config}"}
    frames = str(len(voice) + RATE // 2)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(data), frames, protection],
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["recording"] and report["meter_shown"] and report["played"]
    assert report["kept"] == "Your reading is kept with this letter."
    assert report["play_visible"] and report["in_letter_folder"]

    kept_file = Path(report["path"])
    data_bytes = kept_file.read_bytes()
    if protection == "protected":  # sealed like the letters: no OGG on disk, only ciphertext
        assert not data_bytes.startswith(b"OggS")
        cipher = unlock(data, "a quiet harbour")
        data_bytes = cipher.decrypt(data_bytes)
    assert data_bytes.startswith(b"OggS")
    kept, kept_rate = soundfile.read(io.BytesIO(data_bytes), dtype="float32")
    assert kept_rate == RATE and soundfile.info(io.BytesIO(data_bytes)).subtype == "VORBIS"
    offset, score = best_match(kept, voice)
    assert offset < RATE // 10  # the reading starts at once, not after a gap
    assert score > 0.98  # the same voice, through a lossy codec
    heard = kept[offset : offset + len(voice)]
    assert abs(rms(heard) / rms(voice) - 1) < 0.05  # at the level it was spoken

    out = np.fromfile(played, dtype=np.float32).reshape(-1, 2)
    assert np.array_equal(out[:, 0], out[:, 1])  # the mono reading in both ears
    back_offset, back_score = best_match(out[:, 0].astype(np.float64), voice.astype(np.float64))
    assert back_score > 0.98
    assert abs(rms(out[back_offset : back_offset + len(voice), 0]) / rms(voice) - 1) < 0.05
