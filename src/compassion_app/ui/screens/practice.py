"""The practice screen: pacer, caption, time left, and gentle controls (Space pauses, Esc ends)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from compassion_app.core.practice import Moment
from compassion_app.core.records import PracticeRecord
from compassion_app.ui.practice_controller import PracticeController
from compassion_app.ui.widgets.pacer import PacerWidget

END_QUESTION = "Would you like to end this practice now?"
END_DETAIL = "The time you have spent so far counts, and it will be saved."


class PracticeScreen(QWidget):
    back_to_today = Signal()
    safety_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.controller: PracticeController | None = None
        self.title = _label("", "title")
        self.pacer = PacerWidget(self)
        self.phase = _label("", "soft")
        self.caption = _label("", "caption")
        self.caption.setMinimumHeight(70)
        self.time_left = _label("", "soft")
        self.sound_notice = _label("", "soft")
        self.pause_button = QPushButton("Pause", self)
        self.end_button = QPushButton("End practice", self)
        self.overwhelmed_button = QPushButton("Feeling overwhelmed?", self)
        self.overwhelmed_button.setProperty("role", "link")
        self.thanks = _label("", "heading")
        self.summary = _label("", "soft")
        self.back_button = QPushButton("Back to Today", self)
        self.back_button.setProperty("role", "primary")
        self._stack = QStackedLayout()
        self._stack.addWidget(self._running_panel())
        self._stack.addWidget(self._finished_panel())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(self._stack)
        self.pause_button.clicked.connect(self._toggle_pause)
        self.end_button.clicked.connect(self.ask_to_end)
        self.overwhelmed_button.clicked.connect(self._overwhelmed)
        self.back_button.clicked.connect(self.back_to_today)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self._toggle_pause)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.ask_to_end)

    def _running_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.overwhelmed_button)
        layout.addLayout(top)
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.sound_notice)
        controls = QHBoxLayout()
        controls.addWidget(self.time_left, 1)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.end_button)
        layout.addLayout(controls)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return panel

    def _finished_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        for widget in (self.thanks, self.summary):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return panel

    def begin(self, controller: PracticeController) -> None:
        self.controller = controller
        self.title.setText(controller.practice.timeline.title)
        self.caption.clear()
        self.sound_notice.clear()
        self.pause_button.setText("Pause")
        self._stack.setCurrentIndex(0)
        controller.moment_changed.connect(self.show_moment)
        controller.paused_changed.connect(self._show_paused)
        controller.notice.connect(self.sound_notice.setText)
        controller.finished.connect(self._show_finished)
        self.setFocus()
        controller.start()

    def show_moment(self, moment: Moment) -> None:
        self.pacer.set_breath(moment.breath)
        self.phase.setText(self.pacer.phase_words)
        if self.caption.text() != (moment.caption or ""):
            self.caption.setText(moment.caption or "")
        self.time_left.setText(_time_left(moment.remaining_seconds))

    def ask_to_end(self) -> None:
        controller = self.controller
        if controller is None or controller.done:
            return
        was_paused = controller.paused
        controller.pause()
        box = QMessageBox(QMessageBox.Icon.Question, "End practice", END_QUESTION, parent=self)
        box.setInformativeText(END_DETAIL)
        end = box.addButton("End now", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep practising", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is end:
                controller.end_early()
            elif not was_paused:
                controller.resume()

        box.finished.connect(answered)
        box.open()

    def _overwhelmed(self) -> None:
        if self.controller is not None:
            self.controller.pause()
        self.safety_requested.emit()

    def _toggle_pause(self) -> None:
        if self.controller is not None and not self.controller.done:
            self.controller.toggle_pause()

    def _show_paused(self, paused: bool) -> None:
        self.pause_button.setText("Resume" if paused else "Pause")
        if paused:
            self.phase.setText("Paused. Take all the time you need.")

    def _show_finished(self, record: PracticeRecord) -> None:
        self.thanks.setText("Thank you for practising")
        minutes = _minutes(record.actual_seconds)
        if record.completed:
            self.summary.setText(f"You gave yourself {minutes} of care. It has been saved.")
        else:
            self.summary.setText(f"You practised for {minutes}. Every minute counts, and it is saved.")
        self._stack.setCurrentIndex(1)
        self.back_button.setFocus()


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def _time_left(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d} left"


def _minutes(seconds: int) -> str:
    if seconds < 60:
        return "less than a minute" if seconds < 30 else "about a minute"
    minutes = round(seconds / 60)
    return f"{minutes} minute" + ("s" if minutes != 1 else "")
