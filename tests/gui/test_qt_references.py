"""Guards against a Qt binding that loses a reference on every call.

PySide6-Essentials 6.12.0 did: each void Qt call, each signal emit and each Python override of a
Qt virtual dropped a reference, and the app aborted about 23 s into a practice (the pacer makes
~875 such calls a second). It dropped references to None and True, which Python 3.12 and later
make immortal, so counting those can only catch it on 3.11. The second test counts references
to an ordinary, mortal object instead, which works on every Python version.
"""

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

CALLS = 10_000
PAINTS = 300  # each one a synchronous paint of a small widget into a pixmap


class Emitter(QObject):
    happened = Signal(bool)
    carried = Signal(object)


class Sentinel:
    """An ordinary object: its reference count moves exactly with who holds it."""


class ReturnsFromPaint(QWidget):
    """A Python override of a void Qt virtual; its return value must be let go exactly once."""

    def __init__(self, returned: object) -> None:
        super().__init__()
        self.returned = returned
        self.paints = 0

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        self.paints += 1
        return self.returned


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal here")
def test_void_qt_calls_and_signal_emits_keep_references_to_none_and_true(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    received = []
    emitter.happened.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("breathing in")
        emitter.happened.emit(True)
    received.clear()
    assert abs(sys.getrefcount(None) - none_before) < CALLS // 10
    assert abs(sys.getrefcount(True) - true_before) < CALLS // 10


def test_qt_keeps_exact_count_of_an_ordinary_object_it_is_handed(qtbot):
    sentinel = Sentinel()
    name = "".join(["pacer", "-", "label"])  # built at run time: a mortal string, not a constant
    label = QLabel()
    qtbot.addWidget(label)
    widget = ReturnsFromPaint(sentinel)
    qtbot.addWidget(widget)
    widget.resize(40, 40)
    emitter = Emitter()
    received = []
    emitter.carried.connect(received.append)
    sentinel_before, name_before = sys.getrefcount(sentinel), sys.getrefcount(name)

    for _ in range(CALLS):
        label.setObjectName(name)  # a void Qt call with an argument
        emitter.carried.emit(sentinel)  # a signal carrying the object to a Python slot
    received.clear()
    for _ in range(PAINTS):
        widget.grab()  # Qt paints the widget: it calls the override, which returns the sentinel
    label.setObjectName("")

    assert widget.paints >= PAINTS  # Qt really did call the override each time
    assert sys.getrefcount(sentinel) == sentinel_before
    assert sys.getrefcount(name) == name_before
