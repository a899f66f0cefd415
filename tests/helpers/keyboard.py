"""Keys as a person presses them: each goes to whatever has the keyboard focus, never to a widget
picked by the test, so a key that reaches nothing fails the test."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus is on nothing"
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text):
    """Typed into the focused widget, key by key (Enter for a new line)."""
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            press(qtbot, Qt.Key.Key_Return)
        qtbot.keyClicks(focused(), line)


def name_of(widget):
    return widget.accessibleName() or (widget.text() if hasattr(widget, "text") else repr(widget))


def tab_to(qtbot, widget, limit=60, backwards=False):
    """Tab (or Shift+Tab) from wherever the focus is until `widget` has it; fails if it never
    gets there."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, key)
    raise AssertionError(f"{'Shift+' if backwards else ''}Tab never reached {name_of(widget)}")


def own_words(widget):
    """What a screen reader names the widget by: its accessible name, or a button's own text
    (a combo box's chosen item or a field's contents are its value, not its name)."""
    from PySide6.QtWidgets import QAbstractButton

    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    return name


def tab_cycle(qtbot, limit=150):
    """Every stop Tab makes from the focused widget until it comes back round, in order."""
    first = focused()
    stops = [first]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is first:
            return stops
        if focused() is not stops[-1]:  # a date's day, month and year are one stop each
            stops.append(focused())
    raise AssertionError(f"Tab never came back to {name_of(first)}: {[name_of(s) for s in stops]}")


def choose(qtbot, widget, key=Qt.Key.Key_Space):
    """Tab to `widget` and press it (Space, or the key given)."""
    tab_to(qtbot, widget)
    press(qtbot, key)


def dialog_in_front(qtbot, kind=QWidget):
    """The modal dialog that has just opened, once the keyboard focus is inside it."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


# Steps in the real window (tests/gui/conftest.py's `window`), by keyboard alone.


def window_ready(qtbot, window):
    """The window has the keyboard, with Today's Begin focused, as after start-up."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.begin_button)
    shortcuts_ready(qtbot, window)


def shortcuts_ready(qtbot, window):
    """The window's keyboard shortcuts are there: they come just after its first paint."""
    qtbot.waitUntil(lambda: bool(window.shortcuts))


def tab_named(window, name):
    return next(tab for tab in window.navigation.tabs if tab.text() == name)


def skip_check_in(qtbot, window):
    """Skip the check-in before a practice, and wait for the practice to run."""
    practice = window.practice
    qtbot.waitUntil(practice.checkin.isVisible)
    choose(qtbot, practice.checkin.skip_button)
    qtbot.waitUntil(lambda: practice.controller.running)


def ask_to_end(qtbot, window):
    """Esc during a practice: the kind question, with the focus in it."""
    from PySide6.QtWidgets import QMessageBox

    press(qtbot, Qt.Key.Key_Escape)
    return dialog_in_front(qtbot, QMessageBox)


def end_now(qtbot, window, box):
    """ "End now" in the question, then back in the window, at the check-in after."""
    from compassion_app import messages

    choose(qtbot, next(b for b in box.buttons() if b.text() == messages.END_NOW))
    after = window.practice.checkin_after
    qtbot.waitUntil(after.isVisible)
    window.activateWindow()  # a desktop gives the window back its focus as the question closes
    qtbot.waitUntil(lambda: after.isAncestorOf(QApplication.focusWidget()))
