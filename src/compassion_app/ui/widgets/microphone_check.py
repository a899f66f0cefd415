"""A way to see the microphone hears: a button and a level bar, for breath-follow in settings.

Listening here is the same as in a practice: the sound is looked at as it arrives, in memory,
and dropped. It stops by itself after a short while, or when the button is pressed again.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.ui.breath_follow import Listener, OpenListener, open_real_listener
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.level_meter import LevelMeter

CHECK_SECONDS = 20


class MicrophoneCheck(QWidget):
    def __init__(
        self, open_listener: OpenListener = open_real_listener, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.open_listener = open_listener
        self.button = Button(words.BREATH_CHECK_MICROPHONE, self)
        self.meter = LevelMeter(self)
        self.meter.setAccessibleName(words.BREATH_LEVEL)
        self.status = QLabel("")
        self.status.setProperty("role", "soft")
        self.status.setWordWrap(True)
        self._listener: Listener | None = None
        self._stop = QTimer(self)
        self._stop.setSingleShot(True)
        self._stop.setInterval(CHECK_SECONDS * 1000)
        self._stop.timeout.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.meter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.button.clicked.connect(self._toggle)

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def stop(self) -> None:
        self._stop.stop()
        self.meter.follow(None)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self.button.setText(words.BREATH_CHECK_MICROPHONE)
        if self.status.text() == words.BREATH_CHECK_LISTENING:
            self.status.setText("")

    def _toggle(self) -> None:
        if self.listening:
            self.stop()
            return
        self._listener = self.open_listener(clock=None, render=None)
        if self._listener is None:
            self.status.setText(words.BREATH_NO_MICROPHONE)
            return
        self.status.setText(words.BREATH_CHECK_LISTENING)
        self.button.setText(words.BREATH_CHECK_STOP)
        self.meter.follow(self._level)
        self._stop.start()

    def _level(self) -> float:
        """The RMS of what the microphone heard last (0..1), read on the GUI thread."""
        if self._listener is None:
            return 0.0
        self._listener.poll()
        level_db = float(getattr(self._listener, "level_db", -120.0))
        return float(10 ** (level_db / 20))
