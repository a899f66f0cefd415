"""Breath-follow through the real window: the offer, the setting, a pacer that follows what it
hears and says kindly when it cannot, and the line after the practice.

The microphone is a stand-in here (what it "hears" is set by the test); the real listener, fed
by ALSA from a file, has its own end-to-end tests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.core.breath_rate import BreathEstimate
from helpers.screens import begin, practices_on_disk


class HeardBreath:
    """A listener that reports whatever breathing the test says is heard."""

    def __init__(self) -> None:
        self.per_minute = 12.0
        self.confidence = 0.9
        self.opened_with: dict | None = None
        self.closed = False

    def open(self, **options):
        self.opened_with = options
        return self

    def poll(self) -> BreathEstimate:
        return BreathEstimate(0.0, self.per_minute, self.confidence, "out", 0.0, 2.0, 3.0)

    def close(self) -> None:
        self.closed = True


def advance(qtbot, window, seconds: float, step: float = 0.5) -> None:
    """Let practice time pass in small steps, as the screen's own timer sees it."""
    for _ in range(round(seconds / step)):
        window.clock.now += step
        qtbot.wait(25)


def test_the_offer_comes_as_a_breathing_practice_opens_and_not_now_is_kept(qtbot, window):
    begin(qtbot, window, 1)
    offer = window.practice.listen_offer
    assert offer.isVisible()
    assert offer.question.text() == "Let the app listen to your breathing?"
    assert "never recorded or stored" in offer.promise.text()
    assert window.practice.time_left.text().endswith("left")  # the practice runs meanwhile
    qtbot.mouseClick(offer.no_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    assert window.settings.asked_to_listen and not window.settings.listen_to_breath
    window.practice.controller.end_early()
    begin(qtbot, window, 1)
    assert not window.practice.listen_offer.isVisible()  # asked once, never again


def test_yes_without_a_microphone_says_the_circle_will_lead(qtbot, window):
    window.open_listener = lambda **options: None
    begin(qtbot, window, 1)
    qtbot.mouseClick(window.practice.listen_offer.yes_button, Qt.MouseButton.LeftButton)
    assert messages.BREATH_NO_MICROPHONE in window.practice.notices.texts()
    assert window.settings.listen_to_breath
    advance(qtbot, window, 15)
    assert window.practice.pacer.breath is not None  # the circle leads as it always has


def test_the_circle_follows_the_breath_and_says_kindly_when_it_cannot_hear(qtbot, window):
    heard = HeardBreath()
    window.open_listener = heard.open
    begin(qtbot, window, 5)
    qtbot.mouseClick(window.practice.listen_offer.yes_button, Qt.MouseButton.LeftButton)
    assert heard.opened_with is not None and heard.opened_with["render"] is None  # no sound here
    assert (
        heard.opened_with["sample_rate"] == window.practice.controller.practice.timeline.sample_rate
    )
    follow = window.practice.controller.breath_follow
    advance(qtbot, window, 30)
    assert follow.pacer.following
    assert 10.0 <= follow.pacer.per_minute <= 12.0  # at their pace, never faster
    assert messages.BREATH_CANNOT_HEAR not in window.practice.notices.texts()

    heard.confidence = 0.1
    advance(qtbot, window, 6)
    assert not follow.pacer.following
    assert window.practice.notices.texts().count(messages.BREATH_CANNOT_HEAR) == 1

    heard.confidence, heard.per_minute = 0.9, 7.0
    advance(qtbot, window, 70)
    window.practice.controller.end_early()
    qtbot.waitUntil(lambda: window.practice.thanks.text() == "Thank you for practising")
    assert heard.closed  # the microphone is let go as the practice ends
    assert (
        "You started around 12 breaths a minute and settled near 7."
        in window.practice.summary.text()
    )
    (record,) = practices_on_disk(window)
    assert (record.breath_rate_start, record.breath_rate_end) == (12.0, 7.0)


def test_with_the_setting_on_listening_begins_with_the_practice(qtbot, window):
    heard = HeardBreath()
    window.open_listener = heard.open
    window.show_settings()
    screen = window.settings_screen
    assert screen.controls["listen_to_breath"].text() == messages.BREATH_LISTEN_SETTING
    screen.controls["listen_to_breath"].click()  # it may sit below the fold; a click all the same
    assert window.settings.listen_to_breath
    window.show_today()
    begin(qtbot, window, 1)
    assert not window.practice.listen_offer.isVisible()
    assert heard.opened_with is not None


def test_without_listening_nothing_is_kept_about_the_breath(qtbot, window):
    begin(qtbot, window, 1)
    advance(qtbot, window, 61, step=1.0)
    qtbot.waitUntil(lambda: window.practice.thanks.text() == "Thank you for practising")
    assert "breaths a minute" not in window.practice.summary.text()
    (record,) = practices_on_disk(window)
    assert (record.breath_rate_start, record.breath_rate_end) == (None, None)


class Microphone:
    """A microphone hearing a steady sound at `level_db`."""

    def __init__(self, level_db: float) -> None:
        self.level_db = level_db
        self.closed = False

    def poll(self) -> BreathEstimate:
        return BreathEstimate(0.0, None, 0.0, None, None, None, None)

    def close(self) -> None:
        self.closed = True


def test_the_microphone_check_shows_what_it_hears_and_lets_go(qtbot, window):
    window.show_settings()
    check = window.settings_screen.microphone_check
    microphone = Microphone(-20.0)
    check.open_listener = lambda **options: microphone
    assert check.button.text() == messages.BREATH_CHECK_MICROPHONE
    check.button.click()
    assert check.status.text() == messages.BREATH_CHECK_LISTENING
    qtbot.waitUntil(lambda: check.meter.fill > 0.5)
    check.button.click()
    assert microphone.closed and check.meter.fill == 0.0
    assert check.button.text() == messages.BREATH_CHECK_MICROPHONE


def test_the_microphone_check_says_plainly_when_there_is_none(qtbot, window):
    window.show_settings()
    check = window.settings_screen.microphone_check
    check.open_listener = lambda **options: None
    check.button.click()
    assert check.status.text() == messages.BREATH_NO_MICROPHONE
    assert not check.listening
