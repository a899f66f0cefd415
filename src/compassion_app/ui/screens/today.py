"""Today: the suggested practice one click away, minutes today, the run, recent practices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages as words
from compassion_app.core.durations import length_in_minutes, practised_of_planned
from compassion_app.core.library import Library
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label
from compassion_app.ui.widgets.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from compassion_app.core.stats import Streak
    from compassion_app.ui.widgets.path_card import PathCard

RECENT_COUNT = 5
PATH_CARD_PLACE = 2  # in Today's column: under the greeting and the practice, above the figures
# Qt.FocusPolicy.NoFocus, set by the property's name and value: the first use of `Qt` builds its
# whole namespace of enums, a cost the first paint need not pay.
NO_FOCUS = 0
# The practice and lengths last chosen: {"exercise": id, "minutes": {exercise id: minutes}}.
CHOICE_KEY = "practice_choice"


class TodayScreen(QWidget):
    practice_requested = Signal(str, int)  # exercise id, minutes
    save_audio_requested = Signal(str, int)  # exercise id, minutes: "Save as audio…"
    safety_requested = Signal()
    notice = Signal(str)  # the four-week path's, for the window's notices

    def __init__(
        self,
        store: Store,
        library: Library,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._store = store
        self._library = library
        self._today = today
        self.greeting = wrapped_label("", "heading")
        self.exercise = QComboBox(self)
        self.exercise.setAccessibleName(words.PRACTICE_CHOICE)
        self.summary = wrapped_label("", "soft")
        self.minutes = QComboBox(self)
        self.minutes.setAccessibleName(words.LENGTH_CHOICE)
        for box in (self.exercise, self.minutes):
            guard_wheel(box)  # Today scrolls at a large text size: the wheel is for the page
        self.begin_button = Button(words.BEGIN, self, role="primary")
        self.save_audio_button = Button(words.SAVE_AUDIO, self)
        self.minutes_today = wrapped_label("0", "figure")
        self.streak = wrapped_label("", "figure")
        self.streak_words = wrapped_label("", "soft")
        self.recent = _RecentList(self)
        self.recent.setProperty("focusPolicy", NO_FOCUS)
        self.safety_link = Button(words.SUPPORT_AND_SAFETY, self, role="link")
        self._path_card: PathCard | None = None  # built with its first content: see path_card
        self._build()
        found: object = store.get_setting(CHOICE_KEY, {})
        saved: dict[str, object] = found if isinstance(found, dict) else {}
        lengths = saved.get("minutes")
        # Remembered per practice, so changing the practice keeps each one's own length.
        self._lengths: dict[str, int] = {
            str(key): value
            for key, value in (lengths.items() if isinstance(lengths, dict) else [])
            if isinstance(value, int)
        }
        # The practice last chosen, kept while its file is away (an exercise of one's own being
        # edited), so that it is chosen again when it comes back.
        self._preferred = str(saved.get("exercise"))
        self._fill_exercises(self._preferred)
        self.exercise.currentIndexChanged.connect(self._show_exercise)
        self.exercise.currentIndexChanged.connect(self._prefer_chosen)
        self.minutes.activated.connect(self._remember_length)
        self.begin_button.clicked.connect(self._begin)
        self.save_audio_button.clicked.connect(
            lambda: self.save_audio_requested.emit(
                self.exercise.currentData(), self.minutes.currentData()
            )
        )
        self.safety_link.clicked.connect(self.safety_requested)
        self._show_exercise()
        _tab_order(
            self.exercise, self.minutes, self.begin_button, self.save_audio_button, self.safety_link
        )
        # The figures, the list and the path are filled by refresh(), which the window calls once
        # it has appeared: reading years of history must not delay the first picture.

    @property
    def path_card(self) -> PathCard:
        """The four-week path, built (with the path's code) when first shown or asked for: what
        it shows depends on the history, read after the first paint, so the first picture has
        none of it."""
        if self._path_card is None:
            from compassion_app.core.path_plan import BUNDLED
            from compassion_app.ui.widgets.path_card import PathCard

            card = PathCard(self._store, self._library, resource_path(*BUNDLED), parent=self)
            card.step_requested.connect(self.practice_requested)
            card.notice.connect(self.notice)
            self._column.insertWidget(PATH_CARD_PLACE, card)
            _tab_order(self.save_audio_button, *card.focus_order(), self.safety_link)
            self._path_card = card
        return self._path_card

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._column = layout  # the path's card joins it later, at PATH_CARD_PLACE
        # Snug enough that the four-week path's card fits too, at the window's first size.
        layout.setContentsMargins(40, 18, 40, 12)
        layout.setSpacing(12)
        layout.addWidget(self.greeting)
        layout.addWidget(self._practice_card())
        figures = QHBoxLayout()
        figures.addWidget(_card(words.MINUTES_TODAY, self.minutes_today))
        self.streak_card = _card(words.PRACTICE_RUN, self.streak, self.streak_words)
        figures.addWidget(self.streak_card)
        layout.addLayout(figures)
        layout.addWidget(_card(words.RECENT_PRACTICES, self.recent), 1)
        footer = QHBoxLayout()
        note = wrapped_label(words.NOT_THERAPY, "soft")
        footer.addWidget(note, 1)
        footer.addWidget(self.safety_link)
        layout.addLayout(footer)

    def _practice_card(self) -> QFrame:
        card = QFrame(self)
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(22, 18, 22, 18)
        grid.addWidget(wrapped_label(words.TODAYS_PRACTICE, "title"), 0, 0)
        grid.addWidget(self.exercise, 0, 1, 1, 2)
        grid.addWidget(self.summary, 1, 0, 1, 3)
        grid.addWidget(self.minutes, 2, 1)
        grid.addWidget(self.begin_button, 2, 2)
        grid.addWidget(self.save_audio_button, 2, 3)
        grid.setColumnStretch(0, 1)
        return card

    def refresh(self) -> None:
        today = self._today()
        self.greeting.setText(_greeting(datetime.now().hour))
        records = self._store.practices()
        self._show_figures(records, today)
        self.path_card.show_place(records, today)
        self.recent.clear()
        for record in reversed(records[-RECENT_COUNT:]):  # newest first; read once above
            self.recent.addItem(self._describe(record, today))
        if not self.recent.count():
            self.recent.addItem(words.NO_RECENT_PRACTICES)

    def _show_figures(self, records: list[PracticeRecord], today: date) -> None:
        """The same figures as the progress screen, from the same code (core.stats)."""
        # Imported on first use, after the window's first paint: the first picture needs none of it.
        from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
        from compassion_app.core.stats import summarise

        choices = ProgressSettings.from_dict(self._store.get_setting(STORE_KEY, {}))
        summary = summarise(records, today, self._store.rest_days(), choices.weekly_goal_days)
        self.minutes_today.setText(str(summary.minutes.today))
        self.streak.setText(_streak_figure(summary.current))
        self.streak_words.setText(_streak_words(summary.current))
        self.streak_card.setVisible(not choices.hide_streaks)

    def show_exercises(self) -> None:
        """The library changed (an exercise of the person's own came, changed or went): list it
        afresh, keeping the practice chosen, and choosing it again when it returns."""
        with QSignalBlocker(self.exercise):
            self._fill_exercises(self._preferred)
        self._show_exercise()

    def _prefer_chosen(self) -> None:
        self._preferred = self.exercise.currentData()

    def _fill_exercises(self, chosen_id: str | None) -> None:
        self.exercise.clear()
        for script in self._library.ordered():
            title = script.title
            if script.exercise_id in self._library.own:
                title = words.OWN_EXERCISE_TITLE.format(title=title)
            self.exercise.addItem(title, script.exercise_id)
        chosen = self._library.listed(str(chosen_id)) or self._library.suggested()
        if chosen is not None:
            self.exercise.setCurrentIndex(self.exercise.findData(chosen.exercise_id))
        self.exercise.setVisible(self.exercise.count() > 1)

    def drop_left_out(self) -> None:
        """Take out of the list what the library has left out since it was shown (a script that
        turned out not to lay out at a length it offers: see core/library.py)."""
        shown = self.exercise.currentData()
        with QSignalBlocker(self.exercise):  # one look at the new choice, once all are gone
            for index in reversed(range(self.exercise.count())):
                if self._library.get(self.exercise.itemData(index)) is None:
                    self.exercise.removeItem(index)
        self.exercise.setVisible(self.exercise.count() > 1)
        if self.exercise.currentData() != shown:
            self._show_exercise()

    def _show_exercise(self) -> None:
        # As read: whether it lays out is known once the window shows (see drop_left_out).
        script = self._library.listed(self.exercise.currentData())
        if script is None and self.exercise.currentIndex() >= 0:
            self.drop_left_out()  # listed, but left out once laid out: show one that plays
            return
        self.minutes.clear()
        self.begin_button.setEnabled(script is not None)
        self.save_audio_button.setEnabled(script is not None)
        if script is None:
            self.summary.setText(words.NO_PRACTICES_FOUND)
            return
        self.summary.setText(script.summary)
        for minutes in script.minutes:
            self.minutes.addItem(length_in_minutes(minutes), minutes)
        remembered = self._lengths.get(script.exercise_id)
        if remembered not in script.minutes:  # a length the practice no longer offers
            remembered = script.default_minutes
        self.minutes.setCurrentIndex(self.minutes.findData(remembered))

    def _remember_length(self) -> None:
        self._lengths[self.exercise.currentData()] = self.minutes.currentData()

    def choice(self) -> dict[str, object]:
        """What to remember: the practice chosen, and the length chosen for each practice."""
        return {"exercise": self.exercise.currentData(), "minutes": dict(self._lengths)}

    def _begin(self) -> None:
        self._remember_length()
        self.practice_requested.emit(self.exercise.currentData(), self.minutes.currentData())

    def _describe(self, record: PracticeRecord, today: date) -> str:
        title = self._library.title_of(record.exercise_id)
        when = _day_name(record.local_date, today)
        length = practised_of_planned(
            record.actual_seconds, record.planned_seconds, record.completed
        )
        return words.RECENT_LINE.format(when=when, title=title, length=length)


def _tab_order(*widgets: QWidget) -> None:
    """Tab walks the screen as it reads: top to bottom, left to right."""
    for first, then in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, then)


def _card(title: str, *widgets: QWidget) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(22, 16, 22, 16)
    layout.addWidget(wrapped_label(title, "soft"))
    for widget in widgets:
        layout.addWidget(widget)
    return card


def _greeting(hour: int) -> str:
    if hour < 12:
        return words.GOOD_MORNING
    return words.GOOD_AFTERNOON if hour < 18 else words.GOOD_EVENING


def _streak_figure(streak: Streak) -> str:
    if not streak.active:
        return words.RUN_NOT_STARTED
    return (words.RUN_DAYS if streak.days == 1 else words.RUN_DAYS_PLURAL).format(days=streak.days)


def _streak_words(streak: Streak) -> str:
    if not streak.active:
        return words.RUN_NOT_STARTED_WORDS
    if streak.days == streak.practice_days:
        return words.RUN_EVERY_DAY_WORDS
    return words.RUN_WITH_REST_WORDS.format(practice_days=streak.practice_days)


def _day_name(day: date, today: date) -> str:
    gap = (today - day).days
    if gap == 0:
        return words.TODAY
    if gap == 1:
        return words.YESTERDAY
    return day.strftime("%a %d %b")


class _RecentList(QListWidget):
    """A list that asks for three rows and takes whatever height is left.

    QListWidget's own size hint (about ten rows) would make Today taller than the window and
    push the safety link out of sight, below a scroll.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = 3 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 8
        return QSize(super().sizeHint().width(), rows)
