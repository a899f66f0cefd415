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
