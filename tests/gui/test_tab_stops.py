"""What Tab reaches on every screen and in every dialog: each control a person can use, each one
with a name a screen reader says, and never a stop where nothing can be seen or said.

The screens are visited as in a day with the app; on each, Tab goes all the way round.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from compassion_app import messages
from compassion_app.ui.screens.safety import SafetyDialog
from helpers.keyboard import focused, name_of, own_words, press, tab_cycle, tab_to


def painted_by_us(widget):
    """A widget of ours that paints itself (a picture with no words of its own)."""
    return any(
        kind.__module__.startswith("compassion_app") and "paintEvent" in vars(kind)
        for kind in type(widget).__mro__
    )


def usable(widget, within):
    """Shown, enabled and meant for Tab: what a keyboard user must be able to reach."""
    reachable = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
    return (
        reachable
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None  # a spin box's text: the box itself is the stop
        and within.isAncestorOf(widget)
    )


def check_tab_round(qtbot, top, place):
    """Tab all the way round `top` (a window or a dialog) from where the focus is (a screen that
    takes keys of its own, as the practice does, may hold it first: it needs a name too)."""
    start = focused()
    assert own_words(start), f"{place}: the focus is on something with no name, {name_of(start)}"
    press(qtbot, Qt.Key.Key_Tab)
    stops = tab_cycle(qtbot)
    for stop in stops:
        assert stop.isVisible(), f"{place}: Tab stops on something hidden, {name_of(stop)}"
        assert own_words(stop), f"{place}: a Tab stop with no name, {type(stop).__name__}"
    left_out = [w for w in top.findChildren(QWidget) if usable(w, top) and w not in stops]
    assert not left_out, f"{place}: Tab never reaches {[name_of(w) for w in left_out]}"
    pictures = [w for w in top.findChildren(QWidget) if w.isVisible() and painted_by_us(w)]
    unnamed = [type(w).__name__ for w in pictures if not w.accessibleName().strip()]
    assert not unnamed, f"{place}: pictures with no name {unnamed}"
    return stops


def tab_named(window, name):
    return next(tab for tab in window.navigation.tabs if tab.text() == name)


def open_tab(qtbot, window, name):
    tab_to(qtbot, tab_named(window, name))
    press(qtbot, Qt.Key.Key_Space)


def test_every_screen_of_the_day_by_tab(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    check_tab_round(qtbot, window, "Today")
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    tab_to(qtbot, card.join_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(card.begin_step_button.isVisible)
    check_tab_round(qtbot, window, "Today, on the four-week path")

    open_tab(qtbot, window, messages.PROGRESS_TAB)
    check_tab_round(qtbot, window, "Progress")
    open_tab(qtbot, window, messages.TAB_SETTINGS)
    check_tab_round(qtbot, window, "Settings")

    open_tab(qtbot, window, messages.LETTERS_TAB)
    check_tab_round(qtbot, window, "Letters, none yet")
    letters = window.letters
    tab_to(qtbot, letters.archive.begin_button)
    press(qtbot, Qt.Key.Key_Space)
    check_tab_round(qtbot, window, "Letters, how to begin")
    tab_to(qtbot, letters.chooser.buttons["to-the-critic"])
    press(qtbot, Qt.Key.Key_Space)
    qtbot.keyClicks(focused(), "Dear critic, you have tried to keep me safe.")
    check_tab_round(qtbot, window, "Letter editor")
    tab_to(qtbot, letters.editor.finish_button)
    press(qtbot, Qt.Key.Key_Space)
    assert letters.currentWidget() is letters.reader
    check_tab_round(qtbot, window, "Letter reader")
    tab_to(qtbot, letters.reader.back_button)
    press(qtbot, Qt.Key.Key_Space)
    check_tab_round(qtbot, window, "Letters, with one")
    tab_to(qtbot, letters.archive.protect_button)
    press(qtbot, Qt.Key.Key_Space)
    assert letters.currentWidget() is letters.lock
    check_tab_round(qtbot, window, "Protect with a passphrase")
    tab_to(qtbot, letters.lock.cancel)
    press(qtbot, Qt.Key.Key_Space)
    assert letters.currentWidget() is letters.archive


def test_a_practice_from_check_in_to_end_by_tab(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    press(qtbot, Qt.Key.Key_Return)
    practice = window.practice
    qtbot.waitUntil(practice.checkin.isVisible)
    check_tab_round(qtbot, window, "Before you begin")
    tab_to(qtbot, practice.checkin.skip_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: practice.controller.running)
    window.clock.now += 13
    qtbot.waitUntil(lambda: practice.pacer.breath is not None)
    check_tab_round(qtbot, window, "Practice")
    press(qtbot, Qt.Key.Key_Escape)
    (box,) = [b for b in practice.findChildren(QMessageBox) if b.isVisible()]
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    check_tab_round(qtbot, box, "The question before ending")
    tab_to(qtbot, next(b for b in box.buttons() if b.text() == messages.END_NOW))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(practice.checkin_after.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: practice.checkin_after.isAncestorOf(QApplication.focusWidget()))
    check_tab_round(qtbot, window, "After the practice")
    tab_to(qtbot, practice.checkin_after.skip_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is practice.back_button)
    check_tab_round(qtbot, window, "End screen")


def open_safety(qtbot, window):
    press(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SafetyDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_support_and_safety_by_tab_on_today_and_in_a_practice(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    dialog = open_safety(qtbot, window)
    check_tab_round(qtbot, dialog, "Support and safety")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(window.practice.checkin.isVisible)
    tab_to(qtbot, window.practice.checkin.skip_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.practice.controller.running)
    dialog = open_safety(qtbot, window)
    stops = check_tab_round(qtbot, dialog, "Support and safety, in a practice")
    assert dialog.end_gently_button in stops
    press(qtbot, Qt.Key.Key_Escape)
