"""SIGTERM, SIGHUP and Ctrl+C end the app the way closing the window does: the practice first.

A logout, a shutdown or a Ctrl+C in the terminal would otherwise end the process without saving
the practice in progress (after Ctrl+C it did not even end: Python's KeyboardInterrupt waited for
Python code to run, and Qt's event loop runs none while it waits).

Python runs a signal handler only when the interpreter next gets control. So the C-level handler
also writes the signal's number to a pipe (`signal.set_wakeup_fd`), and a QSocketNotifier on the
other end wakes the event loop; its slot is Python code, so the handler runs at once. The handler
itself only notes the signal and asks the loop to stop the app, outside whatever code it
interrupted (a save, say). On Windows, where the wakeup needs a socket, a short timer gives the
interpreter control instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

if TYPE_CHECKING:  # named after Qt has loaded, a module has its source read by PySide6 once
    from types import FrameType

log = logging.getLogger(__name__)

STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")  # those a platform lacks are left out
WINDOWS_POLL_MS = 200


class StopOnSignals(QObject):
    """Calls `stop(number)` once, from the event loop, when a stop signal arrives."""

    def __init__(self, stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self.received: int | None = None
        self._wake_up()
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                signal.signal(number, self._handle)

    def _wake_up(self) -> None:
        if os.name == "nt":
            self._poll = QTimer(self)
            self._poll.timeout.connect(lambda: None)  # the interpreter gets control: enough
            self._poll.start(WINDOWS_POLL_MS)
            return
        read, write = os.pipe()
        for end in (read, write):
            os.set_blocking(end, False)  # a full pipe must never block the signal handler
        self._pipe = (read, write)
        signal.set_wakeup_fd(write, warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):  # already drained
            os.read(self._pipe[0], 512)

    def _handle(self, number: int, frame: FrameType | None) -> None:
        if self.received is not None:
            log.info("%s while already stopping: still saving", _name(number))
            return
        self.received = number
        log.info("%s received: saving the practice in progress, then quitting", _name(number))
        QTimer.singleShot(0, lambda: self._stop(number))

    def close(self) -> None:
        """Give the signals back to Python's defaults (after the event loop has ended)."""
        if os.name != "nt":
            signal.set_wakeup_fd(-1)
            self._notifier.setEnabled(False)
            for end in self._pipe:
                os.close(end)
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                signal.signal(number, _default(name))


def _default(name: str) -> Callable[[int, FrameType | None], object] | int:
    return signal.default_int_handler if name == "SIGINT" else signal.SIG_DFL


def _name(number: int) -> str:
    return signal.Signals(number).name
