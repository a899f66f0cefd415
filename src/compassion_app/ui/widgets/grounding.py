"""The grounding shown after "End gently": one calm line at a time, then on to the end screen.

It reads the same injected clock as the practice, so a test moves through it without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.core.grounding import Grounding
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label

LOOK_EVERY_MS = 200  # a line lasts seconds: five looks a second is plenty


class GroundingPanel(QWidget):
    done = Signal()  # the last line has been shown, or the person chose to go on

    def __init__(
        self, now: Callable[[], float] = time.monotonic, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._grounding = Grounding(words.GROUNDING_LINES)
        self._began = 0.0
        self.heading = wrapped_label(words.GROUNDING_HEADING, "heading")
        self.line = wrapped_label("", "caption")
        self.line.setMinimumHeight(70)
        self.go_on_button = Button(words.GROUNDING_GO_ON, self, role="link")
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)
        self.go_on_button.clicked.connect(self.finish)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.heading, self.line):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(16)
        layout.addWidget(self.go_on_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._began = self._now()
        self._timer.start()
        self._look()

    def finish(self) -> None:
        """Over (its time is up, or the person went on): the end screen may show."""
        if self._timer.isActive():
            self._timer.stop()
            self.done.emit()

    def _look(self) -> None:
        line = self._grounding.line_at(self._now() - self._began)
        if line is None:
            self.finish()
        elif self.line.text() != line:
            self.line.setText(line)
