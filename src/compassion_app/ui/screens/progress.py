"""Progress: the figures, a year of practice, minutes per week, check-ins, milestones, choices.

Every number comes from core.stats.summarise, the same code Today and `compassion-app stats` use.
The screen only arranges it, marks rest days and saves the person's choices and pictures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from compassion_app import autostart, messages
from compassion_app.core.critic_notes import is_critic_note
from compassion_app.core.durations import practised_of_planned, whole_minutes
from compassion_app.core.history import History
from compassion_app.core.library import Library
from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.core.records import PracticeRecord
from compassion_app.core.stats import ProgressSummary, summarise_history
from compassion_app.core.totals import minutes_by_week
from compassion_app.core.weeks import week_start
from compassion_app.reasons import plain_reason
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.ui.path_progress import path_progress_lines
from compassion_app.ui.widgets.charts import (
    CheckInTrendChart,
    Table,
    WeeklyMinutesChart,
    save_csv,
    save_png,
)
from compassion_app.ui.widgets.heatmap import WEEKS, YearHeatmap
from compassion_app.ui.widgets.progress_choices import ProgressChoices
from compassion_app.ui.widgets.text import wrapped_label

CHART_WEEKS = 26  # half a year of weeks: enough to see a season, small enough to read
AskPath = Callable[[str, str], Path | None]  # (suggested file name, filter) -> chosen path


class ProgressScreen(QWidget):
    choices_changed = Signal(object)  # ProgressSettings, once saved (or kept for this session)

    def __init__(
        self,
        store: Store,
        library: Library,
        today: Callable[[], date] = date.today,
        ask_path: AskPath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._store = store
        self._library = library
        self._today = today
        self._ask_path = ask_path or self._ask_with_dialog
        self.choices = ProgressSettings.from_dict(store.get_setting(STORE_KEY, {}))
        self._by_day: dict[date, list[PracticeRecord]] = {}
        self._rest: set[date] = set()
        self._letters: dict[date, list[str]] = {}
        self.figures = {name: wrapped_label("", "figure") for name in messages.PROGRESS_FIGURES}
        self.figure_cards: dict[str, QFrame] = {}
        self.heatmap = YearHeatmap()
        self.day_words = wrapped_label("", "soft")
        self.rest_day = QDateEdit()
        self.rest_day.setCalendarPopup(True)
        self.rest_day.setDisplayFormat("d MMM yyyy")
        self.rest_day.setAccessibleName(messages.REST_DAY_PICK)
        self.rest_box = QCheckBox(messages.REST_DAY_MARK)
        self.weekly = WeeklyMinutesChart()
        self.trend = CheckInTrendChart()
        self.trend_words = wrapped_label("", "soft")
        self.milestones = wrapped_label("", "")
        self.status = wrapped_label("", "soft")
        self.status.setAccessibleName(messages.PROGRESS_STATUS_NAME)
        self.choice_controls = ProgressChoices(self.choices)
        self._build()
        self.heatmap.day_selected.connect(self._show_day)
        self.rest_day.dateChanged.connect(self._pick_day)
        self.rest_box.toggled.connect(self._mark_rest)
        self.choice_controls.changed.connect(self._save_choices)
        self.refresh()

    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("screen")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(40, 28, 40, 20)
        layout.setSpacing(16)
        layout.addWidget(wrapped_label(messages.PROGRESS_HEADING, "heading"))
        layout.addLayout(self._figure_grid())
        rest_row = QHBoxLayout()
        rest_row.addWidget(self.rest_day)
        rest_row.addWidget(self.rest_box, 1)
        layout.addWidget(
            self._card(
                messages.HEATMAP_NAME, self.heatmap, self.day_words, rest_row, picture=self.heatmap
            )
        )
        layout.addWidget(self._card(messages.CHART_WEEKS_NAME, self.weekly, picture=self.weekly))
        layout.addWidget(
            self._card(
                messages.CHART_CHECKINS_NAME, self.trend, self.trend_words, picture=self.trend
            )
        )
        layout.addWidget(self._card(messages.MILESTONES_HEADING, self.milestones))
        layout.addWidget(self._card(messages.CHOICES_HEADING, self.choice_controls, self.status))
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds, not to it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _figure_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, (name, title) in enumerate(messages.PROGRESS_FIGURES.items()):
            card = self._card(title, self.figures[name])
            self.figure_cards[name] = card
            grid.addWidget(card, index // 4, index % 4)
        return grid

    def _card(
        self,
        title: str,
        *parts: QWidget | QHBoxLayout,
        picture: QWidget | None = None,
    ) -> QFrame:
        """A titled card; with `picture`, buttons to save it as an image and as a table."""
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(wrapped_label(title, "soft"))
        for part in parts:
            if isinstance(part, QHBoxLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        if picture is not None:
            layout.addLayout(self._export_row(title, picture))
        return card

    def _export_row(self, title: str, picture: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for words, save in ((messages.EXPORT_PICTURE, self.save_picture),
                            (messages.EXPORT_TABLE, self.save_table)):  # fmt: skip
            button = QPushButton(words)
            button.setProperty("role", "link")
            button.setAccessibleName(f"{words} {title}")
            button.clicked.connect(lambda _=False, save=save: save(picture))
            row.addWidget(button)
        return row

    # --- Showing the figures -------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history once and show every figure, picture and milestone from it."""
        today = self._today()
        records = self._store.practices()
        self._rest = self._store.rest_days()
        history = History.of(records, today)
        summary = summarise_history(history, today, self._rest, self.choices.weekly_goal_days)
        first_shown = week_start(today) - timedelta(weeks=WEEKS - 1)
        self._by_day = _by_day(records, first_shown)
        self._letters = self._letters_by_day(first_shown)
        self._show_figures(summary)
        minutes = {day: whole_minutes(s) for day, s in history.seconds_by_day.items()}
        self.heatmap.show_year(today, minutes, self._rest, self.describe_day)
        first_week = week_start(today) - timedelta(weeks=CHART_WEEKS - 1)
        weeks = minutes_by_week(history.seconds_by_day, first_week, today)
        self.weekly.show_weeks(weeks)
        self.trend.show_weeks([monday for monday, _ in weeks], summary.checkin_weeks)
        self.trend_words.setText(messages.trend_words(summary.checkin_trend))
        walked = path_progress_lines(self._store, self._library, records, today)
        self.milestones.setText("\n".join(summary.milestones + walked) or messages.MILESTONES_NONE)
        with QSignalBlocker(self.rest_day):
            self.rest_day.setDateRange(_qdate(first_shown), _qdate(today + timedelta(days=365)))
        self._show_day(self.heatmap.selected)

    def _show_figures(self, summary: ProgressSummary) -> None:
        for name, text in figure_texts(summary).items():
            self.figures[name].setText(text)
        for name in messages.STREAK_FIGURES:
            self.figure_cards[name].setVisible(not self.choices.hide_streaks)

    def describe_day(self, day: date) -> str:
        """The words for one day: its date, each practice and letter, whether it was a rest day."""
        lines = [day.strftime("%A %d %B %Y")]
        for record in self._by_day.get(day, []):
            title = self._library.title_of(record.exercise_id)
            length = practised_of_planned(
                record.actual_seconds, record.planned_seconds, record.completed
            )  # the rule Today's Recent list uses
            lines.append(f"{title} · {length}")
        lines += self._letters.get(day, [])
        if day in self._rest:
            lines.append(messages.DAY_REST)
        elif len(lines) == 1:
            lines.append(messages.DAY_AHEAD if day > self._today() else messages.DAY_QUIET)
        return "\n".join(lines)

    def _show_day(self, day: date) -> None:
        self.day_words.setText(self.describe_day(day))
        with QSignalBlocker(self.rest_day), QSignalBlocker(self.rest_box):
            self.rest_day.setDate(_qdate(day))
            self.rest_box.setChecked(day in self._rest)

    def _pick_day(self, picked: QDate) -> None:
        day = picked.toPython()
        assert isinstance(day, date)
        if self.heatmap.first <= day <= self.heatmap.last:
            self.heatmap.select(day)  # shows the day through day_selected
        else:
            self._show_day(day)

    def _letters_by_day(self, first: date) -> dict[date, list[str]]:
        """A line for each letter and critic note begun on each day shown, by title only."""
        found: dict[date, list[str]] = {}
        try:
            letters = self._store.letters()  # a small index: no letter's words are read
        except StoreError:  # e.g. protected by a passphrase not yet given: titles stay private
            return found
        for letter in letters:
            day = letter.created_utc.astimezone().date()
            if day < first:
                continue
            title = letter.title or messages.LETTER_UNTITLED
            line = (
                messages.DAY_CRITIC_NOTE
                if is_critic_note(letter)
                else messages.DAY_LETTER.format(title=title)
            )
            found.setdefault(day, []).append(line)
        return found

    # --- Changes the person makes --------------------------------------------------------

    def _mark_rest(self, rest: bool) -> None:
        day = self.rest_day.date().toPython()
        assert isinstance(day, date)
        try:
            self._store.set_rest_day(day, rest)
        except StoreError as error:
            with QSignalBlocker(self.rest_box):
                self.rest_box.setChecked(not rest)
            self.status.setText(str(error))
            return
        self.status.setText("")
        self.refresh()
        self._pick_day(_qdate(day))  # the day stays chosen, even one beyond the calendar

    def reload_choices(self) -> None:
        """Read the choices again (an import may have brought ones not made here)."""
        self.choices = ProgressSettings.from_dict(self._store.get_setting(STORE_KEY, {}))
        self.choice_controls.show_settings(self.choices)
        self.refresh()

    def _save_choices(self, choices: ProgressSettings) -> None:
        problems = []
        if choices.start_at_login != self.choices.start_at_login:
            problem = self._start_at_login(choices.start_at_login)
            if problem:
                problems.append(problem)
                choices = replace(choices, start_at_login=not choices.start_at_login)
                self.choice_controls.show_settings(choices)  # the box shows what is true
        self.choices = choices
        try:
            self._store.set_setting(STORE_KEY, choices.to_dict())
        except StoreError as error:
            problems.append(f"{error} {messages.CHOICE_KEPT_FOR_NOW}")
        self.status.setText(" ".join(problems))
        self.refresh()
        self.choices_changed.emit(choices)

    def _start_at_login(self, on: bool) -> str | None:
        """Add or remove the login entry; the plain reason if that could not be done."""
        if not autostart.supported():
            return messages.AUTOSTART_UNSUPPORTED
        try:
            autostart.set_start_at_login(on)
        except OSError as error:
            return messages.AUTOSTART_FAILED.format(reason=plain_reason(error))
        return None

    def save_picture(self, picture: QWidget) -> None:
        path = self._ask_path(_file_name(picture, "png"), messages.EXPORT_PICTURE_FILTER)
        if path is not None:
            self._export(lambda: save_png(picture, path), path)

    def save_table(self, picture: QWidget) -> None:
        path = self._ask_path(_file_name(picture, "csv"), messages.EXPORT_TABLE_FILTER)
        if path is not None:
            self._export(lambda: save_csv(self.table_of(picture), path), path)

    def table_of(self, picture: QWidget) -> Table:
        if isinstance(picture, WeeklyMinutesChart | CheckInTrendChart):
            return picture.table()
        rows = []
        day = self.heatmap.first
        while day <= self.heatmap.today:
            practised = self._by_day.get(day, [])
            seconds = sum(record.actual_seconds for record in practised)
            rest = "yes" if day in self._rest else ""
            rows.append([day.isoformat(), str(whole_minutes(seconds)), str(len(practised)), rest])
            day += timedelta(days=1)
        return messages.CSV_DAYS_HEADER, rows

    def _export(self, save: Callable[[], None], path: Path) -> None:
        try:
            save()
        except OSError as error:
            reason = plain_reason(error, path)
            self.status.setText(messages.EXPORT_FAILED.format(path=path, reason=reason))
        else:
            self.status.setText(messages.EXPORT_SAVED.format(path=path))

    def _ask_with_dialog(self, suggested: str, kinds: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, messages.EXPORT_DIALOG, suggested, kinds)
        return Path(chosen) if chosen else None


def figure_texts(summary: ProgressSummary) -> dict[str, str]:
    """The text of each figure card, by its name in messages.PROGRESS_FIGURES."""
    m = messages
    run = summary.current
    return {
        "minutes_today": str(summary.minutes.today),
        "this_week": m.hours_and_minutes(summary.minutes.this_week),
        "this_month": m.hours_and_minutes(summary.minutes.this_month),
        "total": m.hours_and_minutes(summary.minutes.total),
        "score": m.percent(summary.score),
        "current_run": m.days(run.days) if run.active else m.RUN_NOT_STARTED,
        "longest_run": m.days(summary.longest.days),
        "weeks_at_goal": m.weeks(summary.weeks_goal_met_streak)
        if summary.weeks_goal_met_streak
        else m.week_so_far(summary.kept_days_this_week, summary.weekly_goal_days),
    }


def _by_day(records: list[PracticeRecord], first: date) -> dict[date, list[PracticeRecord]]:
    found: dict[date, list[PracticeRecord]] = {}
    for record in records:
        if record.local_date >= first:
            found.setdefault(record.local_date, []).append(record)
    return found


def _file_name(picture: QWidget, suffix: str) -> str:
    if isinstance(picture, WeeklyMinutesChart):
        return f"minutes-per-week.{suffix}"
    if isinstance(picture, CheckInTrendChart):
        return f"check-ins.{suffix}"
    return f"year-of-practice.{suffix}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
