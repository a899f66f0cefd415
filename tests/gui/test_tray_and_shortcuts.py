"""The tray menu (tested as a menu: there is no tray offscreen), the window with no tray, and
the window's shortcuts: Ctrl+Q saves a practice under way before the app ends."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from compassion_app import messages
from compassion_app.core.library import Library
from compassion_app.ui.tray import TrayMenu, soothe_practice
from helpers.keyboard import shortcuts_ready
from helpers.screens import begin, practices_on_disk

# The menu brings the window forward; the offscreen platform says it cannot raise a window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_the_menu_offers_the_five_ways_back_in_order(qtbot, window):
    menu = TrayMenu(window, window._library)
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        messages.TRAY_SOOTHE,
        messages.TRAY_TODAY,
        messages.TRAY_LETTER,
        messages.TRAY_OPEN,
        messages.TRAY_QUIT,
    ]


def test_soothe_now_begins_the_one_minute_soothe_now_and_brings_the_window_forward(qtbot, window):
    menu = TrayMenu(window, window._library)
    window.hide()
    menu.soothe.trigger()
    assert window.isVisible()
    assert window.current_screen is window.practice
    timeline = window.practice.controller.practice.timeline
    assert (timeline.exercise_id, timeline.minutes) == ("soothe-now", 1)


def test_without_soothe_now_it_is_one_minute_of_soothing_rhythm_breathing(window):
    breathing = window._library.get("soothing-rhythm-breathing")
    assert soothe_practice(Library({"soothing-rhythm-breathing": breathing})) == (
        "soothing-rhythm-breathing",
        1,
    )
    assert soothe_practice(Library()) is None


def test_write_a_letter_opens_the_letters_screen(window):
    TrayMenu(window, window._library).letter.trigger()
    assert window.current_screen is window.letters


def test_todays_practice_comes_back_to_today(window):
    window.show_settings()
    TrayMenu(window, window._library).today.trigger()
    assert window.current_screen is window.today


def test_offscreen_there_is_no_tray_and_closing_the_window_ends_as_before(qtbot, window):
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert window.tray is None
    window.desktop.choose(replace(window.desktop.settings, keep_in_tray=True))
    window.close()
    assert not window.isVisible()  # with no tray to live in, closing closes


def test_quit_in_the_menu_saves_the_practice_under_way(qtbot, window):
    begin(qtbot, window, 5)
    window.clock.now += 90
    qtbot.wait(30)
    TrayMenu(window, window._library).quit.trigger()
    assert not window.isVisible()
    (saved,) = practices_on_disk(window)
    assert not saved.completed
    assert saved.actual_seconds >= 89


def test_ctrl_q_saves_the_practice_under_way_and_quits(qtbot, window):
    begin(qtbot, window, 5)
    window.clock.now += 120
    qtbot.wait(30)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    (saved,) = practices_on_disk(window)
    assert saved.actual_seconds >= 119


def test_the_platforms_help_key_opens_support_and_safety(qtbot, window):
    from PySide6.QtWidgets import QDialog

    shortcuts_ready(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert [d.windowTitle() for d in window.findChildren(QDialog) if d.isVisible()] == [
        "Support and safety"
    ]
