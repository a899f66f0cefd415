"""The practice the window builds follows the settings in use at the moment Begin is pressed."""

from dataclasses import replace

from PySide6.QtCore import Qt

from compassion_app.core.settings import STORE_KEY


def test_settings_given_to_the_window_shape_the_next_practice_and_are_kept(qtbot, window):
    window.settings = replace(window.settings, checkins=False)
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert not window.practice.checkin.isVisible()  # straight into the practice
    controller = window.practice.controller
    assert controller is not None and controller.running
    assert window.store.get_setting(STORE_KEY, {})["checkins"] is False  # saved at Begin
