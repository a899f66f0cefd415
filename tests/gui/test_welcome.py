"""The first-run welcome: shown once, to someone new; skippable; an invitation to one minute."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from compassion_app import messages
from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.screens.welcome import WelcomeScreen
from compassion_app.ui.sound import no_sound
from helpers.fakes import FakeTime
from helpers.screens import practices_on_disk


def _words_on(screen):
    return " ".join(label.text() for label in screen.findChildren(QLabel) if label.isVisible())


def test_someone_new_is_welcomed_with_what_the_app_is_privacy_and_safety(window):
    window.welcome_if_new()
    assert window.current_screen is window.welcome
    assert not window.navigation.isVisible()  # nothing else pulls at their attention
    shown = _words_on(window.welcome)
    for words in (messages.WELCOME_WHAT, messages.WELCOME_PRIVATE, messages.WELCOME_SAFETY):
        assert words in shown
    assert window.welcome.try_button.hasFocus()  # Enter accepts the invitation


def test_the_safety_link_opens_support_and_safety(qtbot, window):
    window.welcome_if_new()
    qtbot.mouseClick(window.welcome.safety_link, Qt.MouseButton.LeftButton)
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert [d.windowTitle() for d in dialogs] == ["Support and safety"]


def test_skipping_leads_to_today_with_its_tabs(qtbot, window):
    window.welcome_if_new()
    qtbot.mouseClick(window.welcome.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.today
    assert window.navigation.isVisible()


def test_accepting_begins_one_minute_of_soothing_rhythm_breathing(qtbot, window):
    window.welcome_if_new()
    qtbot.keyClick(window.welcome.try_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.practice)
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    controller = window.practice.controller
    assert controller.practice.timeline.exercise_id == "soothing-rhythm-breathing"
    window.clock.now += 65
    qtbot.waitUntil(lambda: controller.done)
    (saved,) = practices_on_disk(window)
    assert saved.exercise_id == "soothing-rhythm-breathing"
    assert saved.planned_seconds == 60


def _reopened(qtbot, path):
    store = Store.open(path)
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, now=FakeTime())
    qtbot.addWidget(window)
    window.show()
    window.welcome_if_new()
    return window, store


def test_the_welcome_is_shown_once_even_if_it_was_only_closed(qtbot, window):
    window.welcome_if_new()
    window.close()
    window.store.close()
    again, store = _reopened(qtbot, window.store_path)
    assert again.current_screen is again.today
    assert not hasattr(again, "welcome")
    assert store.get_setting(STORE_KEY, {})["welcomed"] is True
    store.close()


def test_someone_who_has_practised_here_is_never_welcomed(qtbot, window):
    from helpers.screens import begin

    begin(qtbot, window, 1)
    window.clock.now += 70
    qtbot.waitUntil(lambda: window.practice.controller.done)
    window.close()
    window.store.close()
    again, store = _reopened(qtbot, window.store_path)
    assert again.current_screen is again.today
    store.close()


def test_without_the_breathing_exercise_the_welcome_only_invites_a_look_around(qtbot):
    screen = WelcomeScreen(offer_practice=False)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.try_button.isVisible()
    assert messages.WELCOME_INVITE not in _words_on(screen)
    assert screen.skip_button.isVisible()
