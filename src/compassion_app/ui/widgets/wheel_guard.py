"""Scrolling a page passes over its boxes and sliders instead of changing them.

Qt gives the mouse wheel to whatever box or slider is under the pointer, so scrolling down the
Settings page changed the background sound (or a volume) on the way, without the person noticing.
A guarded control takes the wheel only once it has the focus (clicked, or reached with Tab);
otherwise the wheel goes on to the page, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

# Qt.FocusPolicy.StrongFocus, set by the property's name and value: the first use of `Qt` builds
# its whole namespace of enums (about 14 ms), a cost Today's first paint need not pay.
STRONG_FOCUS = 11


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the control passes here: only a wheel needs a second look.
        if event.type() != QEvent.Type.Wheel:
            return False
        if isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored, the wheel is offered to the page around the control
            return True
        return False


def guard_wheel(widget: QWidget) -> None:
    """Let `widget` change by the wheel only while it has the focus."""
    # Not WheelFocus (a combo box's and a slider's default): the wheel alone must not take focus.
    widget.setProperty("focusPolicy", STRONG_FOCUS)
    widget.installEventFilter(_WheelGuard(widget))
