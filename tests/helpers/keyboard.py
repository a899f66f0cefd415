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
