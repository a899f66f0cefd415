"""A one-minute soothing-rhythm breathing lead-in before writing, through the practice engine.

CFT suggests settling into the compassionate self with a few slow breaths before a letter. The
breath here is the app's own practice (timeline, sound, pacer) for one minute; it is recorded like
any practice, and the page opens afterwards, or at once if the person would rather go straight on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.core.letters import LEAD_IN_EXERCISE_ID
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.pacer import PacerWidget
from compassion_app.ui.widgets.text import wrapped_label

if TYPE_CHECKING:
    from compassion_app.core.practice import Moment
    from compassion_app.ui.practice_controller import PracticeController

# Builds the one-minute breathing practice, or None when it cannot be had (no such exercise).
LeadIn = Callable[[], "PracticeController | None"]
BELL_RINGS_OUT_MS = 6000  # let the end bell finish before the sound stream is closed


class LeadInPage(QWidget):
    practised = Signal(object)  # the PracticeRecord of the breathing, to be saved
    done = Signal()  # on to the page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: PracticeController | None = None
        self.heading = wrapped_label(messages.LETTER_LEAD_IN_HEADING, "heading")
        self.intro = wrapped_label(messages.LETTER_LEAD_IN_INTRO, "soft")
        self.pacer = PacerWidget(self)
        self.caption = wrapped_label("", "caption")
        self.time_left = wrapped_label("", "soft")
        self.skip_button = Button(messages.LETTER_LEAD_IN_SKIP, self, role="link")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 20)
        for widget in (self.heading, self.intro):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addWidget(self.pacer, 1)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.time_left, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.skip_button.clicked.connect(self.skip)

    def run(self, controller: PracticeController) -> None:
        self.controller = controller
        timeline = controller.practice.timeline
        # The room's own minute keeps its heading; a practice chosen on Today shows its title.
        own_minute = timeline.exercise_id == LEAD_IN_EXERCISE_ID and timeline.minutes == 1
        self.heading.setText(messages.LETTER_LEAD_IN_HEADING if own_minute else timeline.title)
        controller.moment_changed.connect(self._show)
        controller.finished.connect(self._finished)
        controller.start()

    def skip(self) -> None:
        """Straight on to the page; the breathing so far is still recorded, the bell still rings."""
        controller = self.controller
        if controller is not None and not controller.done:
            controller.end_early()
        self.done.emit()

    def _show(self, moment: Moment) -> None:
        self.pacer.set_breath(moment.breath)
        self.caption.setText(moment.caption or "")
        seconds = max(0, round(moment.remaining_seconds))
        self.time_left.setText(
            messages.LETTER_TIME_LEFT.format(minutes=seconds // 60, seconds=seconds % 60)
        )

    def _finished(self, record: object) -> None:
        controller, self.controller = self.controller, None
        self.practised.emit(record)
        if controller is not None:
            QTimer.singleShot(BELL_RINGS_OUT_MS, controller.close)
        if self.isVisible():
            self.done.emit()  # the minute is over: the page, unless they have gone on already
