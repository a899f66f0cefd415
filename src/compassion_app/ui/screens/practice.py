"""The practice screen: pacer, caption, time left, and gentle controls (Space pauses, Esc ends)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages as words
from compassion_app.core.critic_notes import NOTICING_EXERCISE_ID
from compassion_app.core.durations import practised_time
from compassion_app.core.practice import Moment
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.core.settings import Settings
from compassion_app.ui.practice_controller import PracticeController
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.checkin import CheckInPanel
from compassion_app.ui.widgets.critic_note import CriticNotePanel, NoteShelf
from compassion_app.ui.widgets.grounding import GroundingPanel
from compassion_app.ui.widgets.listen_offer import ListenOffer
from compassion_app.ui.widgets.notice import NoticeArea
from compassion_app.ui.widgets.pacer import PacerWidget
from compassion_app.ui.widgets.text import wrapped_label

RUNNING, CHECK_IN, FINISHED, GROUNDING = range(4)


class PracticeScreen(QWidget):
    back_to_today = Signal()
    safety_requested = Signal()
    checked_in_after = Signal(object, object)  # the saved PracticeRecord, the CheckIn
    listening_chosen = Signal(bool)  # the answer to "Let the app listen to your breathing?"
    notice = Signal(str)  # for the window's notices (a note that could not be kept on leaving)

    def __init__(
        self,
        now: Callable[[], float] = time.monotonic,
        letters: NoteShelf | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.controller: PracticeController | None = None
        self.record: PracticeRecord | None = None
        self._saved = False  # whether the record reached the disk (the end screen says so)
        self.ended_gently = False  # through "End gently": a grounding, then kinder end words
        self._question: QMessageBox | None = None  # "end this practice now?", while it is open
        self.settings = Settings()
        self.checkin = CheckInPanel(self)
        self.checkin_after = CheckInPanel(self)
        self.critic_note = CriticNotePanel(letters, self)  # after Noticing the critic, if wanted
        self.critic_note.save_failed.connect(self.notice)
        self.title = wrapped_label("", "title")
        self.pacer = PacerWidget(self)
        self.phase = wrapped_label("", "soft")
        self.caption = wrapped_label("", "caption")
        self.caption.setMinimumHeight(70)
        self.time_left = wrapped_label("", "soft")
        self.notices = NoticeArea(self)  # silent sound, a rest, a lost device: all stay readable
        self.listen_offer = ListenOffer(self)
        self.listen_offer.answered.connect(self._listening_answered)
        self.pause_button = Button(words.PAUSE, self)
        self.end_button = Button(words.END_PRACTICE, self)
        self.overwhelmed_button = Button(words.OVERWHELMED, self, role="link")
        self.thanks = wrapped_label("", "heading")
        self.summary = wrapped_label("", "soft")
        self.back_button = Button(words.BACK_TO_TODAY, self)
        self._stack = QStackedLayout()
        self._stack.addWidget(self._running_panel())
        self._stack.addWidget(self.checkin)
        self._stack.addWidget(self._finished_panel())
        self.grounding = GroundingPanel(now, self)
        self._stack.addWidget(self.grounding)
        self.grounding.done.connect(self._show_end)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(self._stack)
        self.pause_button.clicked.connect(self._toggle_pause)
        self.end_button.clicked.connect(self.ask_to_end)
        self.overwhelmed_button.clicked.connect(self._overwhelmed)
        self.back_button.clicked.connect(self._leave_end)
        self.checkin.answered.connect(self._start_after_check_in)
        self.checkin_after.answered.connect(self._checked_in_after)
        # Space and Esc reach the screen only when the focused control has no use for them, so a
        # focused button on the check-in or the end screen is pressed by Space like any other.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def _running_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.overwhelmed_button)
        layout.addLayout(top)
        layout.addWidget(self.listen_offer)
        layout.addWidget(self.pacer, 1)
        # Full width, centred text: a word-wrapped label squeezed to its own width is cut off.
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.phase)
        layout.addWidget(self.caption)
        layout.addWidget(self.notices)
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
        layout.addWidget(self.checkin_after)
        layout.addWidget(self.critic_note)
        layout.addSpacing(16)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return panel

    def begin(self, controller: PracticeController, settings: Settings) -> None:
        """Show the practice; with check-ins on, ask how the person is first."""
        self.controller = controller
        self.record = None
        self.ended_gently = False
        self.grounding.finish()  # a grounding still showing gives way to the new practice
        self.critic_note.keep_unsaved()  # e.g. the tray began another practice meanwhile
        self.critic_note.withdraw()
        self.settings = settings
        self.pacer.reduced_motion = settings.reduced_motion
        self.pacer.show_counts = settings.show_counts
        self.title.setText(controller.practice.timeline.title)
        # The screen itself takes the keys (Space, Esc): a screen reader names it and its keys.
        self.setAccessibleName(controller.practice.timeline.title)
        self.setAccessibleDescription(words.PRACTICE_KEYS)
        self.caption.clear()
        self.notices.clear()
        self.pause_button.setText(words.PAUSE)
        controller.breath_changed.connect(self.pacer.set_breath)
        controller.moment_changed.connect(self.show_moment)
        controller.paused_changed.connect(self._show_paused)
        controller.notice.connect(self.notices.show_notice)
        follow = controller.breath_follow
        if follow is not None:
            follow.notice.connect(self.notices.show_notice)
        self.listen_offer.setVisible(
            follow is not None and not follow.wanted and not settings.asked_to_listen
        )
        if settings.checkins:
            self.checkin.ask(*words.CHECK_IN_BEFORE)
            self._stack.setCurrentIndex(CHECK_IN)
        else:
            self._start_after_check_in(None)

    def _start_after_check_in(self, checkin: CheckIn | None) -> None:
        if self.controller is None:
            return
        self.controller.checkin_before = checkin
        self._stack.setCurrentIndex(RUNNING)
        self.setFocus()
        self.controller.start()

    def show_moment(self, moment: Moment) -> None:
        self.pacer.show_phase_words()  # the circle itself moves every frame (breath_changed)
        if self.caption.text() != (moment.caption or ""):
            self.caption.setText(moment.caption or "")
        time_left = _time_left(moment.remaining_seconds)
        if self.time_left.text() != time_left:
            self.time_left.setText(time_left)

    def ask_to_end(self, then: Callable[[], object] | None = None) -> None:
        """Ask kindly whether to end now (Esc, End practice, closing the window); `then` runs
        after the practice has ended, if the person chose to end it."""
        controller = self.controller
        if controller is None or controller.done or self._stack.currentIndex() != RUNNING:
            return
        if self._question is not None:  # already asking: one question at a time
            return
        was_paused = controller.paused
        controller.pause()
        box = QMessageBox(
            QMessageBox.Icon.Question, words.END_TITLE, words.END_QUESTION, parent=self
        )
        box.setInformativeText(words.END_DETAIL)
        end = box.addButton(words.END_NOW, QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(words.KEEP_PRACTISING, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self._question = None
            box.deleteLater()
            if box.clickedButton() is end:
                controller.end_early()
                if then is not None:
                    then()
            elif not was_paused:
                controller.resume()

        box.finished.connect(answered)
        self._question = box
        box.open()

    def end_gently(self) -> None:
        """End gently (from the safety dialog): the practice ends here and is kept as far as it
        went; its end bell rings softly while a short grounding shows, then the end screen.

        The record is saved at once, not after the grounding, so closing the window during the
        grounding loses nothing.
        """
        controller = self.controller
        if controller is None or not controller.running:
            return
        self.ended_gently = True
        self._stack.setCurrentIndex(GROUNDING)
        self.grounding.start()
        self.grounding.go_on_button.setFocus()
        controller.end_early()  # saved through `finished`; show_finished waits for the grounding

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Space pauses or resumes; Esc asks to end, or at a check-in goes back to Today."""
        shown = self._stack.currentIndex()
        if event.key() == Qt.Key.Key_Space and shown == RUNNING:
            self._toggle_pause()
        elif event.key() == Qt.Key.Key_Escape and shown == RUNNING:
            self.ask_to_end()
        elif event.key() == Qt.Key.Key_Escape and shown == CHECK_IN:
            self._leave_before_starting()
        elif event.key() == Qt.Key.Key_Escape and shown == FINISHED:
            self._leave_end()
        elif event.key() == Qt.Key.Key_Escape and shown == GROUNDING:
            self.grounding.finish()
        else:
            super().keyPressEvent(event)

    def _leave_before_starting(self) -> None:
        """Esc on "Before you begin": no practice began, so nothing is kept; back to Today."""
        if self.controller is not None:
            self.controller.close()
        self.back_to_today.emit()

    def _overwhelmed(self) -> None:
        if self.controller is not None:
            self.controller.pause()
        self.safety_requested.emit()

    def _toggle_pause(self) -> None:
        running = self._stack.currentIndex() == RUNNING
        if running and self.controller is not None and not self.controller.done:
            self.controller.toggle_pause()

    def _show_paused(self, paused: bool) -> None:
        self.pause_button.setText(words.RESUME if paused else words.PAUSE)
        self.phase.setText(words.PAUSED if paused else "")

    def show_finished(self, record: PracticeRecord, saved: bool) -> None:
        """The end screen, saying truly whether the practice reached the disk (after the
        grounding, if the person chose to end gently)."""
        self.record = record
        self._saved = saved
        if not self.grounding.running:
            self._show_end()

    def _show_end(self) -> None:
        record, saved = self.record, self._saved
        if record is None:
            return
        self.thanks.setText(words.ENDED_GENTLY_THANKS if self.ended_gently else words.THANKS)
        summary = {
            (True, True): words.FINISHED_SAVED,
            (False, True): words.ENDED_EARLY_SAVED,
            (True, False): words.FINISHED_NOT_SAVED,
            (False, False): words.ENDED_EARLY_NOT_SAVED,
        }[(record.completed, saved)]
        if self.ended_gently:
            summary = words.ENDED_GENTLY_SAVED if saved else words.ENDED_GENTLY_NOT_SAVED
        summary = summary.format(time=practised_time(record.actual_seconds))
        if record.breath_rate_start is not None and record.breath_rate_end is not None:
            summary += "\n" + words.breath_after(record.breath_rate_start, record.breath_rate_end)
        self.summary.setText(summary)
        # Not after ending gently: someone who needed to stop is not asked to write about it.
        if record.exercise_id == NOTICING_EXERCISE_ID and not self.ended_gently:
            self.critic_note.offer()
        else:
            self.critic_note.withdraw()
        self.checkin_after.setVisible(self.settings.checkins)
        self.checkin_after.ask(*words.CHECK_IN_AFTER)
        self._stack.setCurrentIndex(FINISHED)
        # The keyboard starts where the eye does: the check-in's Save, or Back to Today.
        (self.checkin_after.done_button if self.settings.checkins else self.back_button).setFocus()

    def _listening_answered(self, yes: bool) -> None:
        self.listen_offer.hide()
        controller = self.controller
        if yes and controller is not None and controller.breath_follow is not None:
            controller.breath_follow.wanted = True
            if controller.started:
                controller.listen_to_breath()
        self.listening_chosen.emit(yes)

    def _checked_in_after(self, checkin: CheckIn | None) -> None:
        self.checkin_after.hide()
        self.back_button.setFocus()  # the focused Save has gone; the next step is Today
        if checkin is not None and self.record is not None:
            self.checked_in_after.emit(self.record, checkin)

    def _leave_end(self) -> None:
        """Back to Today from the end screen; a note being written is kept first."""
        self.critic_note.keep_unsaved()
        self.back_to_today.emit()


def _time_left(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return words.TIME_LEFT.format(minutes=whole // 60, seconds=whole % 60)
