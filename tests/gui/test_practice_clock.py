"""The practice follows the sound's clock, and carries on kindly when the sound goes away."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from compassion_app.core.clock import SleepDetector
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import build_timeline
from compassion_app.messages import SLEPT, SOUND_LOST
from compassion_app.paths import resource_path
from compassion_app.ui.practice_controller import PracticeController
from helpers.fakes import FakeTime

RATE = 8000


class StreamStandIn:
    """Plays the part of the audio engine: a position that only the test moves."""

    def __init__(self) -> None:
        self.position = 0
        self.failure = None
        self.calls = []

    def pause(self):
        self.calls.append("pause")

    def resume(self):
        self.calls.append("resume")

    def finish_early(self, frame):
        self.calls.append(("finish_early", frame))

    def close(self):
        self.calls.append("close")


@pytest.fixture
def setup(qtbot):
    timeline = build_timeline(
        load_script(resource_path("scripts", "soothing-rhythm-breathing.toml")), 3, RATE
    )
    stream, time = StreamStandIn(), FakeTime()
    controller = PracticeController(
        timeline, lambda _t, _v: stream, {}, now=time, sleep_detector=SleepDetector(time, time)
    )
    moments, notices = [], []
    controller.moment_changed.connect(moments.append)
    controller.notice.connect(notices.append)
    controller.start()
    yield controller, stream, time, moments, notices
    controller.close()


def test_the_screen_follows_the_stream_not_the_system_clock(qtbot, setup):
    controller, stream, time, moments, _ = setup
    stream.position = 20 * RATE
    time.now += 0.01
    qtbot.waitUntil(lambda: moments[-1].elapsed_seconds == 20)


def test_when_the_device_goes_away_the_practice_carries_on_without_a_jump(qtbot, setup):
    controller, stream, time, moments, notices = setup
    stream.position = 30 * RATE
    qtbot.waitUntil(lambda: moments[-1].elapsed_seconds == 30)
    stream.failure = "device unplugged"
    qtbot.waitUntil(lambda: notices == [SOUND_LOST])
    assert moments[-1].elapsed_seconds == 30  # no jump back to zero, nor forward
    time.now += 2.5
    qtbot.waitUntil(lambda: moments[-1].elapsed_seconds == 32.5)


def test_pause_and_end_early_reach_the_sound(qtbot, setup):
    controller, stream, time, moments, _ = setup
    stream.position = 10 * RATE
    controller.pause()
    controller.resume()
    records = []
    controller.finished.connect(records.append)
    controller.end_early()
    assert stream.calls == ["pause", "resume", ("finish_early", 10 * RATE)]
    assert records[0].actual_seconds == 10 and not records[0].completed


def test_a_computer_that_slept_finds_its_practice_paused(qtbot, setup):
    controller, stream, time, moments, notices = setup
    time.now += 600  # the lid was closed
    qtbot.waitUntil(lambda: SLEPT in notices)
    assert controller.paused
    assert stream.calls == ["pause"]


def test_starting_another_practice_closes_the_last_ones_sound(qtbot, tmp_path):
    from compassion_app.core.library import load_library
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow

    streams = []

    def start_sound(_timeline, _volumes):
        streams.append(StreamStandIn())
        return streams[-1]

    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), start_sound)
        qtbot.addWidget(window)
        window.show()
        for _ in range(2):
            window.start_practice("soothing-rhythm-breathing", 1)
            qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
        assert streams[0].calls[-1] == "close"
        assert "close" not in streams[1].calls


def test_lingering_on_the_check_in_is_not_mistaken_for_the_computer_resting(qtbot):
    timeline = build_timeline(
        load_script(resource_path("scripts", "soothing-rhythm-breathing.toml")), 3, RATE
    )
    time = FakeTime()
    wall = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    controller = PracticeController(
        timeline,
        lambda _t, _v: "silent",
        {},
        now=time,
        sleep_detector=SleepDetector(time, time),
        wall=lambda: wall[0],
    )
    notices = []
    controller.notice.connect(notices.append)
    time.now += 40  # forty seconds on "Before you begin"
    wall[0] += timedelta(seconds=40)
    controller.start()
    time.now += 0.5
    qtbot.wait(60)
    assert not controller.paused
    assert SLEPT not in notices
    records = []
    controller.finished.connect(records.append)
    time.now += 2
    controller.end_early()
    controller.close()
    assert records[0].started_utc == datetime(2026, 3, 1, 9, 0, 40, tzinfo=UTC)
    assert records[0].actual_seconds == 2


def test_the_resting_notice_does_not_hide_the_silent_practice_notice(qtbot):
    from compassion_app.core.settings import Settings
    from compassion_app.ui.screens.practice import PracticeScreen
    from compassion_app.ui.sound import SILENT_NOTICE, no_sound

    timeline = build_timeline(
        load_script(resource_path("scripts", "soothing-rhythm-breathing.toml")), 3, RATE
    )
    time = FakeTime()
    controller = PracticeController(
        timeline, no_sound, {}, now=time, sleep_detector=SleepDetector(time, time)
    )
    screen = PracticeScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.begin(controller, Settings(checkins=False))
    time.now += 60  # the lid was closed for a minute
    qtbot.waitUntil(lambda: SLEPT in screen.notices.texts())
    assert screen.notices.texts() == [SILENT_NOTICE, SLEPT]

    def shown():
        labels = screen.notices.findChildren(QLabel)
        return [label.text() for label in labels if label.isVisible() and label.height() > 0]

    qtbot.waitUntil(lambda: shown() == [SILENT_NOTICE, SLEPT])
    controller.close()
