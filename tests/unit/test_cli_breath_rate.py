"""`compassion-app breath-rate FILE`, run as a person would: a fresh process over a recording."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from compassion_app import messages
from helpers.synthetic_breath import breathing, room_noise, scaled_to_snr

RATE = 16_000


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", "breath-rate", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A minute of breathing at about 9 a minute in a quiet room, as FLAC; and its true rate."""
    breath = breathing(60, RATE, per_minute=9.0, seed=2)
    path = tmp_path_factory.mktemp("breath") / "breathing.flac"
    noise = scaled_to_snr(breath.signal, room_noise(60, RATE), 10)
    soundfile.write(str(path), breath.signal + noise, RATE)
    return path, breath.recent_rate(breath.breaths[-1].out_end)


def test_json_lists_the_running_estimate_once_a_second(recording):
    path, true_rate = recording
    result = run(str(path), "--json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert len(entries) == 60
    assert set(entries[0]) == {"seconds", "breaths_per_minute", "confidence"}
    assert [round(e["seconds"]) for e in entries] == list(range(1, 61))
    assert entries[0]["breaths_per_minute"] is None and entries[0]["confidence"] == 0.0
    heard = [e for e in entries if e["confidence"] >= 0.5]
    assert heard and heard[0]["seconds"] < 30
    for entry in heard:
        assert entry["breaths_per_minute"] == pytest.approx(true_rate, abs=1.0)


def test_the_plain_text_says_the_rate_in_words(recording):
    path, true_rate = recording
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 60
    assert "listening" in lines[0]
    at_45 = lines[44].split()
    assert at_45[0].startswith("45.") and at_45[1] == "s"
    assert at_45[2] == "about" and at_45[4:7] == ["breaths", "a", "minute"]
    assert float(at_45[3]) == pytest.approx(true_rate, abs=1.0)


def test_a_stereo_wav_is_read_too(tmp_path):
    breath = breathing(40, 48_000, per_minute=12.0, seed=4)
    path = tmp_path / "stereo.wav"
    soundfile.write(str(path), np.column_stack([breath.signal, 0.5 * breath.signal]), 48_000)
    entries = json.loads(run(str(path), "--json").stdout)
    at_30 = entries[29]
    assert at_30["confidence"] >= 0.5
    assert at_30["breaths_per_minute"] == pytest.approx(breath.recent_rate(30), abs=1.0)


def test_a_file_that_is_not_sound_gets_a_clear_message(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_bytes(b"this is not a sound file")
    result = run(str(path), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == messages.BREATH_RATE_UNREADABLE.format(file=path)


def test_a_file_that_is_not_there_is_said_plainly_without_the_systems_words(tmp_path):
    path = tmp_path / "notes.wav"
    result = run(str(path), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "could not be found" in result.stderr
    assert "Errno" not in result.stderr and "No such file" not in result.stderr
