"""Guards against a Qt binding that loses references to None or True on every call.

PySide6-Essentials 6.12.0 did: each void Qt call and each signal emit dropped a reference, and the
app aborted about 23 s into a practice (the pacer makes ~875 such calls a second). On Python 3.11
None and True are not immortal, so the count is visible: it must not drift.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 10_000


class Emitter(QObject):
    happened = Signal(bool)


def test_void_qt_calls_and_signal_emits_keep_their_references(qtbot):
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
