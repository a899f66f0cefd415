"""The real window and the real sound together: the practice follows the audio stream's clock.

ALSA's file sink does not pace the stream, so the audio clock runs far faster than real time. A
1-minute practice that finishes in a few seconds of wall time therefore proves that the screen
follows the stream's frames rather than a timer of its own, and the file shows what was played.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.scripts import load_script
from compassion_app.core.settings import Settings
from compassion_app.core.timeline import END_BELL_RING_SECONDS, SAMPLE_RATE, build_timeline
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.sound import SILENT_NOTICE

WINDOW_PRACTICE = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow

app = QApplication([])
store = Store.open(Path(sys.argv[1]))
store.set_setting("preferences", {"checkins": False})
# Without sound the monotonic clock runs the practice; a brisk one keeps the test short.
brisk = lambda: time.monotonic() * 30
window = MainWindow(store, load_library(resource_path("scripts")), now=brisk)
window.show()
started = time.monotonic()
window.start_practice("soothing-rhythm-breathing", 1)
screen = window.practice
while screen.record is None and time.monotonic() - started < 50:
    app.processEvents()
    time.sleep(0.002)
wall = time.monotonic() - started
controller = screen.controller
while controller.player and not controller.player.ended and time.monotonic() - started < 50:
    time.sleep(0.01)  # let the end bell ring out into the file
print(json.dumps({
    "wall_seconds": wall,
    "followed_audio": controller.clock.follows_audio,
    "notice": " ".join(screen.notices.texts()),
    "thanks": screen.thanks.text(),
}))
controller.close()
store.close()
"""


def test_the_window_plays_a_practice_on_the_audio_clock(alsa_file_sink: Any, tmp_path):
    environment = alsa_file_sink.environment() | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_PRACTICE, str(tmp_path / "store.json")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["notice"] == ""  # sound was there, so no silent-practice notice
    assert shown["followed_audio"]
    assert shown["thanks"] == "Thank you for practising"
    assert shown["wall_seconds"] < 30  # the clock was the (unpaced) stream, not the wall

    with Store.open(tmp_path / "store.json") as store:
        (record,) = store.practices()
    assert (record.actual_seconds, record.completed) == (60, True)

    played = alsa_file_sink.frames()
    prefill = int(np.flatnonzero(played[:, 0])[0])  # PortAudio's silent start
    assert prefill < SAMPLE_RATE // 4
    heard = played[prefill : prefill + len(expected := window_render())]
    assert np.array_equal(heard, expected)  # what the window played is the practice, exactly


def window_render() -> np.ndarray:
    """The offline render of the practice the window started, with the window's own settings."""
    settings = Settings(checkins=False)
    script = settings.apply_to(
        load_script(resource_path("scripts", "soothing-rhythm-breathing.toml"))
    )
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    timeline = build_timeline(script, 1, SAMPLE_RATE, clips.seconds)
    assert timeline.total_frames == (60 + END_BELL_RING_SECONDS) * SAMPLE_RATE
    return Mixer(timeline, clips, settings.volumes).render_all()


def test_with_no_sound_device_the_practice_runs_silently_and_is_still_saved(
    alsa_without_devices: Any, tmp_path
):
    result = alsa_without_devices.run("-c", WINDOW_PRACTICE, str(tmp_path / "store.json"))
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["notice"] == SILENT_NOTICE
    assert not shown["followed_audio"]
    assert shown["thanks"] == "Thank you for practising"
    with Store.open(tmp_path / "store.json") as store:
        (record,) = store.practices()
    assert record.completed


RELEASE_AFTER_PRACTICE = """
import gc, json, os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow

def held():
    gc.collect()
    objects = gc.get_objects()
    return {
        "mixers": sum(isinstance(o, Mixer) for o in objects),
        "voice_bytes": sum(o.decoded_bytes for o in objects if isinstance(o, VoiceClips)),
        # The ALSA file sink keeps its file open exactly as long as the output stream is open.
        "device_open": any(
            os.path.realpath(f"/proc/self/fd/{fd}") == sys.argv[2]
            for fd in os.listdir("/proc/self/fd")
        ),
    }

def run_events_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)

app = QApplication([])
store = Store.open(Path(sys.argv[1]))
store.set_setting("preferences", {"checkins": False})
window = MainWindow(store, load_library(resource_path("scripts")))
window.show()
window.start_practice("soothing-rhythm-breathing", 1)
during = held()
screen = window.practice
controller = screen.controller
if sys.argv[3] == "early":
    run_events_until(lambda: controller.player.position > 48_000 * 5, 50)
    controller.end_early()
run_events_until(lambda: screen.record is not None, 50)
run_events_until(lambda: controller.player.ended, 50)
run_events_until(lambda: False, 2.0)  # the app carries on, on Today or the end screen
print(json.dumps({"during": during, "after": held(), "saved": screen.record is not None}))
store.close()
"""


@pytest.mark.parametrize("ending", ["full", "early"])
def test_a_finished_practice_lets_go_of_the_sound_device_and_its_voice(
    alsa_file_sink: Any, tmp_path, ending
):
    environment = alsa_file_sink.environment() | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", RELEASE_AFTER_PRACTICE, str(tmp_path / "store.json")]
        + [str(alsa_file_sink.raw.resolve()), ending],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["saved"]
    playing = shown["during"]
    assert (playing["mixers"], playing["device_open"]) == (1, True)  # the mixer holds every sound
    assert shown["after"] == {"mixers": 0, "voice_bytes": 0, "device_open": False}
