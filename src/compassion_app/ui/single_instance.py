"""One Compassion Companion per data folder: a second launch brings the first window forward.

Two copies writing the same store would each overwrite the other's practices, so the first copy
listens on a local socket named after its data folder, and a second copy only knocks and leaves.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

KNOCK = b"show"
WAIT_MS = 500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"compassion-companion-{digest}"


class SingleInstance(QObject):
    """Owns the socket of the first copy; `show_requested` fires when another copy knocks."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._answer)

    def claim(self) -> bool:
        """True when this is the first copy; False when another one is already running."""
        if _knock(self.name):
            return False
        # Nobody answered: any socket file left is from a copy that crashed, so it can go.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def _answer(self) -> None:
        socket = self._server.nextPendingConnection()
        if socket is not None:
            socket.waitForReadyRead(WAIT_MS)
            if socket.readAll().data() == KNOCK:
                self.show_requested.emit()
            socket.disconnectFromServer()


def _knock(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(KNOCK)
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True
