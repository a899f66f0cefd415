"""Bringing the running copy forward when someone starts the app again.

Whether a copy is already running is decided by `InstanceLock`; this is only the courtesy that
follows: the first copy listens on a local socket named after its data folder (set up after its
window has appeared, so start-up does not wait for QtNetwork), and a second copy knocks on it.
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


class ShowRequests(QObject):
    """The first copy's socket; `show_requested` fires when another copy knocks."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._answer)
        # We hold the instance lock, so any socket file left is from a copy that crashed.
        QLocalServer.removeServer(server_name(data_dir))
        self._server.listen(server_name(data_dir))

    def _answer(self) -> None:
        socket = self._server.nextPendingConnection()
        if socket is not None:
            socket.waitForReadyRead(WAIT_MS)
            if socket.readAll().data() == KNOCK:
                self.show_requested.emit()
            socket.disconnectFromServer()


def knock(data_dir: Path) -> bool:
    """Ask the running copy to show its window; False if it did not answer (yet)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(KNOCK)
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True
