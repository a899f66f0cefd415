"""The four-week path on Today: a quiet invitation, or today's step with its teaching.

Where someone is comes from core/path.py (from the practices they saved); this card only shows it
and keeps the person's choices (join, leave, carry on, start again) in the store as app memory.
A choice that cannot be saved is not shown as made: the card stays as it was and a notice says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages as words
from compassion_app.core.durations import length_in_minutes
from compassion_app.core.library import Library
from compassion_app.core.path import STORE_KEY, PathPlace, PathState, now_utc, place_on_path
from compassion_app.core.path_plan import PathError, PathPlan, load_plan
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label

log = logging.getLogger(__name__)


class PathCard(QFrame):
    step_requested = Signal(str, int)  # exercise id, minutes: the step's practice, as Begin does
    notice = Signal(str)

    def __init__(
        self,
        store: Store,
        library: Library,
        plan_file: Path,
        now: Callable[[], datetime] = now_utc,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._store = store
        self._library = library
        self._plan_file = plan_file
        self._now = now
        self._plan: PathPlan | None = None
        self._plan_tried = False
        self._state: PathState | None = None  # read from the store on first use
        self._records: Sequence[PracticeRecord] = ()
        self._today = date.today()
        self.place: PathPlace | None = None
        self.question: QMessageBox | None = None  # the question being asked, if any
        self.title = QLabel(self)  # one line: "Week 1 · step 1 of 28" never breaks
        self.title.setProperty("role", "title")
        self.step_line = wrapped_label("", "soft")
        self.text = wrapped_label("", "soft")
        self.tell_more_button = Button(words.PATH_TELL_ME_MORE, self, role="link")
        self.leave_button = Button(words.PATH_LEAVE, self, role="link")
        self.start_again_button = Button(words.PATH_START_AGAIN, self)
        self.join_button = Button(words.PATH_JOIN, self)
        self.rejoin_button = Button("", self)
        self.begin_step_button = Button("", self)
        self._build()
        self.tell_more_button.clicked.connect(self._tell_more)
        self.join_button.clicked.connect(self._join)
        self.rejoin_button.clicked.connect(self._join)
        self.leave_button.clicked.connect(self._leave)
        self.start_again_button.clicked.connect(self._ask_to_start_again)
        self.begin_step_button.clicked.connect(self._begin_step)
        self.hide()  # until show_place: what it shows depends on the history, read after paint

    def _build(self) -> None:
        """One row for where they are and what they can do, the words beneath: Today must still
        fit the window's first size whole, path and all."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 12, 22, 14)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addWidget(self.step_line, 1)
        row.addStretch(0)  # holds the buttons at their size when there is no step line
        for button in self.focus_order():
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.text)

    def action_buttons(self) -> tuple[Button, ...]:
        return (
            self.start_again_button,
            self.join_button,
            self.rejoin_button,
            self.begin_step_button,
        )

    def focus_order(self) -> tuple[Button, ...]:
        """The card's buttons as Tab should reach them: as they read, left to right."""
        return (self.tell_more_button, self.leave_button, *self.action_buttons())

    # --- what it shows ---------------------------------------------------------------------

    def show_place(self, records: Sequence[PracticeRecord], today: date) -> None:
        """Show where the person is, from their saved practices (Today's refresh calls this)."""
        plan = self._loaded_plan()
        if plan is None:
            self.hide()
            return
        self._records, self._today = records, today
        self._show(place_on_path(plan, self._saved_state(), records, today))

    def _show(self, place: PathPlace) -> None:
        self.place = place
        for widget in (self.step_line, self.tell_more_button, self.leave_button):
            widget.hide()
        for button in self.action_buttons():
            button.hide()
        state, count = place.state, len(place.plan.steps)
        if place.finished:
            self._show_finished(count, state.on_path)
        elif not state.on_path and place.done_count == 0:
            self._show_invitation()  # never joined, or left before the first step: as new
        elif not state.on_path:
            self._show_away(place, count)
        else:
            self._show_step(place, count)
        self.show()

    def _show_invitation(self) -> None:
        self.title.setText(words.PATH_INVITATION_TITLE)
        self.text.setText(words.PATH_INVITATION)
        self.tell_more_button.show()
        self.join_button.show()

    def _show_away(self, place: PathPlace, count: int) -> None:
        number = place.done_count + 1
        self.title.setText(words.PATH_INVITATION_TITLE)
        self.text.setText(words.PATH_AWAY.format(done=place.done_count, count=count, number=number))
        self.rejoin_button.setText(words.PATH_REJOIN.format(number=number))
        self.rejoin_button.show()
        self.start_again_button.show()

    def _show_step(self, place: PathPlace, count: int) -> None:
        step = place.step
        assert step is not None  # not finished
        self.title.setText(words.PATH_WHERE.format(week=step.week, number=step.number, count=count))
        title = self._library.title_of(step.exercise_id)
        self.step_line.setText(
            words.PATH_STEP_LINE.format(title=title, length=length_in_minutes(step.minutes))
        )
        self.step_line.show()
        self.leave_button.show()
        if place.done_today:
            self.text.setText(words.PATH_DONE_TODAY.format(number=step.number, title=title))
            return
        self.text.setText(step.teaching)
        self.begin_step_button.setText(words.PATH_BEGIN_STEP.format(number=step.number))
        self.begin_step_button.show()

    def _show_finished(self, count: int, on_path: bool) -> None:
        self.title.setText(words.PATH_FINISHED_TITLE)
        self.text.setText(words.PATH_FINISHED.format(count=count))
        self.start_again_button.show()
        self.leave_button.setVisible(on_path)

    # --- what the person chooses -----------------------------------------------------------

    def _tell_more(self) -> None:
        """The longer words in a small window of their own, so Today keeps its size."""
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, words.PATH_INVITATION_TITLE, words.PATH_MORE, parent=self
        )
        join = box.addButton(words.PATH_JOIN, QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(words.PATH_NOT_NOW, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(join)
        box.setEscapeButton(later)
        self._ask(box, join, self._join)

    def _join(self) -> None:
        self._change(self._saved_state().join(self._now()))

    def _leave(self) -> None:
        self._change(self._saved_state().leave(self._now()))

    def _ask_to_start_again(self) -> None:
        """Asked first only when it would let go of a place part-way along the path."""
        place = self.place
        if place is None or place.finished or place.done_count == 0:
            self._start_again()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            words.PATH_INVITATION_TITLE,
            words.PATH_START_AGAIN_QUESTION.format(number=place.done_count + 1),
            parent=self,
        )
        again = box.addButton(words.PATH_START_AGAIN_YES, QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(words.PATH_KEEP_PLACE, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self._ask(box, again, self._start_again)

    def _ask(self, box: QMessageBox, yes: QAbstractButton, then: Callable[[], None]) -> None:
        """Open `box` without blocking; `then` runs if the person chooses `yes`."""

        def done() -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is yes:
                then()

        box.finished.connect(done)
        self.question = box
        box.open()

    def _start_again(self) -> None:
        self._change(self._saved_state().start_again(self._now()))

    def _begin_step(self) -> None:
        step = self.place.step if self.place is not None else None
        if step is not None:
            self.step_requested.emit(step.exercise_id, step.minutes)

    def _change(self, state: PathState) -> None:
        """Keep the new state, then show it; if it cannot be kept, nothing changes on screen."""
        try:
            self._store.set_setting(STORE_KEY, state.to_dict())
        except StoreError as error:
            log.error("Could not save the path: %s", error)
            self.notice.emit(str(error))
            return
        self._state = state
        plan = self._loaded_plan()
        if plan is not None:
            self._show(place_on_path(plan, state, self._records, self._today))
            self._focus_first_choice()

    def _focus_first_choice(self) -> None:
        """The button just pressed may have gone: a keyboard user lands on what is offered now."""
        offered = [button for button in self.action_buttons() if not button.isHidden()]
        if offered:
            offered[-1].setFocus()  # the main choice sits last, at the right

    # --- what it reads ---------------------------------------------------------------------

    def _saved_state(self) -> PathState:
        if self._state is None:
            self._state = PathState.from_dict(self._store.get_setting(STORE_KEY, None))
            if self._state.mended:
                self.notice.emit(words.PATH_MENDED)
                self._keep_mended(self._state)
        return self._state

    def _keep_mended(self, state: PathState) -> None:
        """Keep what could be read, so the notice about the rest is told once, not every start."""
        try:
            self._store.set_setting(STORE_KEY, state.to_dict())
        except StoreError as error:
            log.warning("The mended path memory could not be saved: %s", error)

    def _loaded_plan(self) -> PathPlan | None:
        """The bundled path, read once; None (and a notice, once) if it cannot be used."""
        if not self._plan_tried and self._library.scripts:  # no practices: nothing to suggest
            self._plan_tried = True
            try:
                self._plan = load_plan(self._plan_file, self._library)
            except PathError as error:
                log.error("The four-week path is not offered: %s", error)
                self.notice.emit(words.PATH_UNAVAILABLE)
        return self._plan
