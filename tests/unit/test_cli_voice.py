"""`timeline` and `render` with the guide's voice off: captions only, the bells as ever.

Run as a person would, in a fresh process; the rendered files are measured, not trusted: the
guide's recorded words are found in a voice-on render and nowhere in a voice-off one, and the end
bell sounds in both.
"""

import json
import subprocess
import sys

import numpy as np
import pytest
import soundfile

from compassion_app.audio.clips import VoiceClips
from compassion_app.paths import DataPaths, resource_path
from compassion_app.store.db import Store
from helpers.audio_analysis import mid, rms

EXERCISE = "soothe-now"  # one minute: five spoken cues, the shortest render with a voice


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", *args], capture_output=True, text=True, timeout=90
    )


def kinds(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [event["kind"] for event in json.loads(result.stdout)["events"]]


def data_with_voice_saved(tmp_path, guide_voice: bool) -> str:
    paths = DataPaths(tmp_path / "data")
    paths.create()
    with Store.open(paths.store) as store:
        store.set_setting("preferences", {"guide_voice": guide_voice})
    return str(paths.root)


def test_timeline_follows_the_saved_voice_setting_and_the_options_have_the_last_word(tmp_path):
    folder = data_with_voice_saved(tmp_path, guide_voice=False)
    base = ("--data-dir", folder, "timeline", EXERCISE, "--json")
    saved_off = kinds(run(*base))
    assert "voice" not in saved_off and "caption" in saved_off and "bell" in saved_off
    assert "voice" in kinds(run(*base, "--voice"))
    empty = str(tmp_path / "nothing-saved")
    assert "voice" in kinds(run("--data-dir", empty, "timeline", EXERCISE, "--json"))
    assert "voice" not in kinds(
        run("--data-dir", empty, "timeline", EXERCISE, "--json", "--no-voice")
    )


def spoken_share(mix: np.ndarray, clip: np.ndarray, frame: int) -> float:
    """How much of the mix at `frame` is this clip's own waveform (normalised correlation)."""
    heard = mid(mix)[frame : frame + len(clip)]
    return abs(float(np.dot(heard, clip))) / (np.linalg.norm(heard) * np.linalg.norm(clip))


def test_a_render_with_the_voice_off_holds_no_voice_and_still_rings_the_end_bell(tmp_path):
    empty = str(tmp_path / "nothing-saved")
    renders = {}
    for name, option in (("on", "--voice"), ("off", "--no-voice")):
        out = tmp_path / f"{name}.wav"
        done = run("--data-dir", empty, "render", EXERCISE, "--out", str(out), option)
        assert done.returncode == 0, done.stderr
        renders[name], rate = soundfile.read(str(out), dtype="float32")
    schedule = json.loads(run("--data-dir", empty, "timeline", EXERCISE, "--json").stdout)
    voices = [e for e in schedule["events"] if e["kind"] == "voice"]
    clips = VoiceClips(resource_path("audio", "voice"), rate)
    assert len(renders["on"]) == len(renders["off"]) == schedule["total_frames"]
    for voice in voices:
        clip = clips.load(EXERCISE, voice["name"])
        assert spoken_share(renders["on"], clip, voice["frame"]) > 0.5, voice["name"]
        assert spoken_share(renders["off"], clip, voice["frame"]) < 0.05, voice["name"]
    # The end bell: loud and the same with or without the voice (the guide is quiet by then).
    end = schedule["practice_frames"]
    bell = {name: rms(mid(mix)[end : end + 2 * rate]) for name, mix in renders.items()}
    assert 20 * np.log10(bell["off"]) > -40.0  # dBFS: clearly heard (it rings near -29)
    assert 20 * np.log10(bell["off"] / bell["on"]) == pytest.approx(0.0, abs=0.5)


def test_render_follows_the_saved_voice_setting_too(tmp_path):
    folder = data_with_voice_saved(tmp_path, guide_voice=False)
    saved, asked = tmp_path / "saved.wav", tmp_path / "asked.wav"
    empty = str(tmp_path / "nothing-saved")
    assert run("--data-dir", folder, "render", EXERCISE, "--out", str(saved)).returncode == 0
    done = run("--data-dir", empty, "render", EXERCISE, "--out", str(asked), "--no-voice")
    assert done.returncode == 0
    assert saved.read_bytes() == asked.read_bytes()  # the same captions-only practice
