"""An event filter that notes whether a window has received its first paint event."""

from PySide6.QtCore import QEvent, QObject


class PaintWatch(QObject):
    """Notes whether the window has received its first paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False
