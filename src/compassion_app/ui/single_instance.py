"""Bringing the running copy forward when someone starts the app again.

Whether a copy is already running is decided by `InstanceLock`; this is only the courtesy that
follows: the first copy listens on a local socket named after its data folder (set up after its
window has appeared, so start-up does not wait for QtNetwork), and a second copy knocks on it.

The socket lives in the user's own runtime folder ($XDG_RUNTIME_DIR, or a private folder of our
own), never in the shared temporary folder where another account could see or take the name. On
Windows, Qt uses a named pipe, which has no folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from compassion_app.paths import APP_SLUG, runtime_dir

log = logging.getLogger(__name__)

KNOCK = b"show"
WAIT_MS = 500


def server_name(data_dir: Path) -> str | None:
    """The socket's full name for this data folder, or None if there is no private place for it."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    name = f"{APP_SLUG}-{digest}"
    if os.name == "nt":
        return name
    folder = runtime_dir()
    return str(folder / name) if folder is not None else None


class ShowRequests(QObject):
    """The first copy's socket; `show_requested` fires when another copy knocks."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._answer)
        name = server_name(data_dir)
        if name is None:
            log.warning("No private runtime folder: a second launch cannot bring this window up")
            return
        # We hold the instance lock, so any socket left under this name is from a copy that
        # crashed: remove it, or listening would fail.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("Cannot listen for show requests: %s", self._server.errorString())

    def _answer(self) -> None:
        """Read the knock when it arrives, without waiting for it: the window stays responsive."""
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read_knock(socket))
        socket.disconnected.connect(socket.deleteLater)
        QTimer.singleShot(WAIT_MS, socket, socket.abort)  # a caller that never knocks

    def _read_knock(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() < len(KNOCK):
            return  # the rest is on its way
        if socket.read(len(KNOCK)).data() == KNOCK:
            log.info("Another launch asked for this window: bringing it forward")
            self.show_requested.emit()
        socket.disconnectFromServer()


def knock(data_dir: Path) -> bool:
    """Ask the running copy to show its window; False if it did not answer (yet)."""
    name = server_name(data_dir)
    if name is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(KNOCK)
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True
