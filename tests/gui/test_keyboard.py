"""Every control reachable and operable by keyboard alone, with a focus ring that can be seen."""

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from compassion_app import messages
from compassion_app.ui.palette import LIGHT
from helpers.screens import practices_on_disk


def press(qtbot, key):
    """A key as a person presses it: it goes to whatever has the keyboard focus."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def focus_on(qtbot, window, widget, limit=40):
    """Tab from wherever the focus is until `widget` has it (fails if Tab never gets there)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(
        f"Tab never reached {widget.text() if hasattr(widget, 'text') else widget}"
    )


def activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_enter_on_todays_begin_begins(qtbot, window):
    activate(qtbot, window)
    focus_on(qtbot, window, window.today.begin_button)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.practice)


def test_space_presses_the_focused_button_on_the_check_in(qtbot, window):
    activate(qtbot, window)
    window.today.begin_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.practice.checkin.isVisible())
    focus_on(qtbot, window, window.practice.checkin.skip_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.practice.controller.running)


def test_space_and_enter_press_the_focused_button_on_the_end_screen(qtbot, window):
    activate(qtbot, window)
    window.start_practice("soothing-rhythm-breathing", 1)
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.clock.now += 61
    after = window.practice.checkin_after
    qtbot.waitUntil(lambda: after.isVisible())
    focus_on(qtbot, window, after.skip_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not after.isVisible())
    focus_on(qtbot, window, window.practice.back_button)
    press(qtbot, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.current_screen is window.today)


def test_esc_on_before_you_begin_goes_back_to_today_and_keeps_nothing(qtbot, window):
    activate(qtbot, window)
    window.today.begin_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.practice.checkin.isVisible())
    assert window.practice.checkin.heading.text() == messages.CHECK_IN_BEFORE[0]
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_screen is window.today)
    window.close()
    assert practices_on_disk(window) == []


def settings_tab_of(window):
    return next(tab for tab in window._tabs if tab.text() == "Settings")


def test_tab_reaches_the_settings_tab_and_space_opens_it(qtbot, window):
    activate(qtbot, window)
    settings_tab = settings_tab_of(window)
    focus_on(qtbot, window, settings_tab)
    press(qtbot, Qt.Key.Key_Space)
    assert window.current_screen is window.settings_screen
    last = window.settings_screen.controls["volumes"].sliders["ambient"]  # the last control
    focus_on(qtbot, window, last)


def ring_colour(qtbot, button):
    """The colour of the button's edge, half-way down its left side, as drawn on screen."""
    window = button.window()
    image = window.grab(QRect(button.mapTo(window, QPoint(0, 0)), button.size())).toImage()
    return QColor(image.pixel(1, image.height() // 2))


def contrast(first, second):
    def luminance(colour):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(c) for c in (colour.red(), colour.green(), colour.blue()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_focus_ring_is_clearly_visible_on_every_kind_of_button(qtbot, window):
    activate(qtbot, window)
    for button in (window.today.begin_button, window.today.safety_link, settings_tab_of(window)):
        focus_on(qtbot, window, button)  # by Tab, which also scrolls it into view
        focused = ring_colour(qtbot, button)
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda button=button: not button.hasFocus())
        unfocused = ring_colour(qtbot, button)
        assert contrast(focused, unfocused) >= 3, button.text()
        assert contrast(focused, QColor(LIGHT.focus_ring)) < 1.2, button.text()
