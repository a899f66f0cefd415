"""The main window: Today, the practice, Progress, Letters and Settings in one calm window, with
room for notices.

This module is the window's wiring: which screen shows when, and where what the screens report is
saved. Each room is put together in its own module: practice_room.py (its practices built in
practice_builder.py), progress_room.py, letters_room.py and settings_room.py, each built on first
use and wired to the window in rooms.py; the tabs live in navigation.py, the settings' delayed
saving in settings_keeper.py and the watch over the exercise files in exercise_watch.py. Only
Today is built before the window first appears (for someone new, only the welcome); the other
screens (and the Qt and audio code behind them) are built the first time they are needed, so the
app opens quickly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.core.library import Library
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.ui.desktop import DesktopChoices
from compassion_app.ui.exercise_watch import ExerciseWatch
from compassion_app.ui.navigation import NavigationBar
from compassion_app.ui.rooms import Rooms
from compassion_app.ui.screen_stack import ScreenStack
from compassion_app.ui.settings_keeper import SettingsKeeper
from compassion_app.ui.text_size import TextSize
from compassion_app.ui.theme import Theme
from compassion_app.ui.widgets.notice import NoticeArea

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QShortcut

    from compassion_app.core.settings import Settings
    from compassion_app.ui.letters_room import LettersRoom
    from compassion_app.ui.own_exercises import OwnExercises
    from compassion_app.ui.practice_controller import StartSound
    from compassion_app.ui.practice_room import PracticeRoom
    from compassion_app.ui.progress_room import ProgressRoom
    from compassion_app.ui.reminder import DailyReminder
    from compassion_app.ui.screens.letters import LettersScreen
    from compassion_app.ui.screens.practice import PracticeScreen
    from compassion_app.ui.screens.progress import ProgressScreen
    from compassion_app.ui.screens.settings import SettingsScreen
    from compassion_app.ui.screens.today import TodayScreen
    from compassion_app.ui.tray import Tray
    from compassion_app.ui.widgets.data_card import DataCard
    from compassion_app.ui.widgets.desktop_choices import DesktopCard
    from compassion_app.ui.widgets.own_exercises_card import OwnExercisesCard

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    tray: Tray | None  # the tray icon and menu; None until shown, or with no tray
    shortcuts: dict[str, QShortcut]  # by what they do; none until the window has been painted

    def __init__(
        self,
        store: Store,
        library: Library,
        start_sound: StartSound | None = None,
        now: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
        welcome: bool = False,
    ) -> None:
        """`start_sound`: None for the sound device (ui/sound.py). `welcome`: someone new here
        is welcomed first (app.py), and Today is built behind the welcome once it has appeared.
        """
        super().__init__()
        self.setWindowTitle(words.WINDOW_TITLE)
        self.resize(900, 680)
        self._store = store
        self.desktop = DesktopChoices(store, self)
        self.text_size = TextSize(self.desktop, self)  # before the theme, which reads the size
        self.theme = Theme(self, self.desktop)  # the style sheet, light or dark
        self._library = library
        self._now = now
        self.open_listener: Callable[..., Any] | None = None  # breath-follow; None: the microphone
        self._kept = SettingsKeeper(store, self._write, self)
        self.notices = NoticeArea(self)
        # Each room is built when first needed (its screens later still, on their first visit).
        self._rooms = Rooms(self, store, library, self._kept, self._write, start_sound, now, today)
        self.screens = ScreenStack(self)
        self.navigation = NavigationBar(
            (  # as the bar reads, and as Tab walks it
                (words.TAB_TODAY, self.show_today),
                (words.PROGRESS_TAB, self.show_progress),
                (words.LETTERS_TAB, self.show_letters),
                (words.TAB_SETTINGS, self.show_settings),
            ),
            self,
        )
        self._tabs = self.navigation.tabs
        central = QWidget(self)
        central.setObjectName("screen")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.navigation)
        layout.addWidget(self.notices)
        self._reminder: DailyReminder | None = None
        self._layout = layout  # the reminder's banner joins it, under the notices, after the paint
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)
        self.exercises = ExerciseWatch(
            library, store.folder, lambda: self.today, self.notices, lambda: self.practising, self
        )
        self._desktop_parts()
        self._painted = False  # what the first picture does not need waits for it: see paintEvent
        if not (welcome and self.welcome_if_new()):
            self.today.begin_button.setFocus()  # Enter begins today's practice at once

    @property
    def today(self) -> TodayScreen:
        """Today, built when first needed: before the first paint, or behind the welcome just
        after it (_after_first_paint)."""
        return self._rooms.today

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # A zero timer queued now runs once this frame has been drawn and put on the screen
            # (queued before show(), it would run before the first paint and delay it).
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """The scripts read and laid out (Today's path card asks for them), Today's figures (they
        read the history; Today itself, behind a welcome), the daily reminder and the tray, once
        the window shows; first of all the keyboard shortcuts, which only a window on the screen
        can be given (built before the paint, they cost it about a ms)."""
        from compassion_app.ui.shortcuts import install_shortcuts  # after the paint (start-up)

        self.shortcuts = install_shortcuts(self)
        self.exercises.after_first_paint()
        self.today.refresh()
        self._show_store_news()
        from compassion_app.ui.tray import install_tray

        self.reminder.start()
        self.tray = install_tray(self, self._library, self.desktop)

    def _desktop_parts(self) -> None:
        """Where desktop choices that fail to save are told, and Quit."""
        self.desktop.notice.connect(self.show_notice)
        self._quitting = False  # Quit was chosen: closing ends the app even with a tray
        self.tray = None  # set once the window shows, if the desktop has a tray
        self.shortcuts = {}  # given once the window shows, too

    def welcome_if_new(self) -> bool:
        """The first-run welcome, once, for someone new here (screens/welcome.py decides).
        True if it is shown."""
        if self.desktop.settings.welcomed:  # every start but the first: no welcome code needed
            return False
        from compassion_app.ui.screens import welcome

        if not welcome.is_new_here(self._store, self.desktop):
            return False
        practice = welcome.first_practice(self._library)
        self.welcome = welcome.WelcomeScreen(offer_practice=practice is not None)
        self.welcome.safety_requested.connect(self.show_safety)
        self.welcome.skipped.connect(self.show_today)
        if practice is not None:
            self.welcome.first_practice_requested.connect(lambda: self.start_practice(*practice))
        self.screens.add(self.welcome)
        self.navigation.hide()
        self.screens.show_screen(self.welcome)
        (self.welcome.try_button if practice else self.welcome.skip_button).setFocus()
        welcome.remember_welcomed(self.desktop)
        return True

    def save_as_audio(self, exercise_id: str, minutes: int) -> None:
        """Today's "Save as audio…": ask where, then write it with a bar, the window free."""
        from compassion_app.ui.screens.audio_export import offer_to_save

        script = self._library.get(exercise_id)
        if script is not None:
            self.audio_export = offer_to_save(self, script, minutes, self.settings)
            if self.audio_export is not None:
                self.audio_export.finished_writing.connect(self.show_notice)

    def quit_app(self) -> None:
        """Ctrl+Q and the tray's Quit: save what is under way, as closing does, then end."""
        self.save_and_release()  # no question: Quit was the answer
        self._quitting = True
        self.close()
        QApplication.quit()

    @property
    def practice_room(self) -> PracticeRoom:
        """The practice screen and the practices begun on it (practice_room.py)."""
        return self._rooms.practice

    @property
    def practising(self) -> bool:
        """A practice has begun and not yet ended (paused counts)."""
        return self._rooms.practising

    @property
    def progress_room(self) -> ProgressRoom:
        return self._rooms.progress

    @property
    def letters_room(self) -> LettersRoom:
        return self._rooms.letters

    def _show_store_news(self) -> None:
        """Files read after start-up (an older year, the letters) may have needed mending: say so.

        The store mends what it can as it reads and keeps the words for a screen to show.
        """
        news = self._store.take_notice()
        if news:
            self.show_notice(news)

    @property
    def practice(self) -> PracticeScreen:
        return self.practice_room.screen

    @property
    def settings_screen(self) -> SettingsScreen:
        """Settings and the cards at its foot (settings_room.py), built when first shown."""
        return self._rooms.settings.screen

    # The cards at Settings' foot, still reached from the window.
    @property
    def desktop_card(self) -> DesktopCard:
        return self._rooms.settings.desktop_card

    @property
    def data_card(self) -> DataCard:
        return self._rooms.settings.data_card

    @property
    def own_card(self) -> OwnExercisesCard | None:
        return self._rooms.settings.own_card

    @property
    def own_exercises(self) -> OwnExercises | None:
        """The person's own exercises, watched (exercise_watch.py); None with no data folder."""
        return self.exercises.own_exercises

    @property
    def current_screen(self) -> QWidget | None:
        """The screen being shown (Today, Progress, Letters, the practice or Settings)."""
        return self.screens.current

    @property
    def progress_screen(self) -> ProgressScreen:
        return self.progress_room.screen

    def show_progress(self) -> None:
        self.navigation.check(1)
        self.progress_room.show()
        self._show_store_news()

    @property
    def reminder(self) -> DailyReminder:
        """The daily reminder, built after the first paint (or when first asked for)."""
        if self._reminder is None:
            from compassion_app.ui.reminder import DailyReminder, ReminderBanner

            banner = ReminderBanner()
            self._layout.insertWidget(self._layout.indexOf(self.notices) + 1, banner)
            self._reminder = DailyReminder(
                self._store, banner, busy=self._rooms.practice_showing, parent=self
            )
            self._reminder.begin_requested.connect(self.show_today)
        return self._reminder

    def show_notice(self, text: str, details: str = "") -> None:
        self.notices.show_notice(text, details)

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_today(self) -> None:
        self.navigation.show()
        self.navigation.check(0)
        self.today.refresh()
        self.screens.show_screen(self.today)
        self.today.begin_button.setFocus()

    @property
    def letters(self) -> LettersScreen:
        return self.letters_room.screen

    def show_letters(self) -> None:
        self.navigation.check(2)
        self.letters_room.show()
        self._show_store_news()

    def show_settings(self) -> None:
        self.navigation.check(3)
        self.screens.show_screen(self.settings_screen)

    def show_safety(self) -> None:
        """Support and safety; during a practice it also offers to end gently."""
        from compassion_app.ui.screens.safety import SafetyDialog

        in_practice = self.practising and self.practice_room.showing()
        dialog = SafetyDialog(self, in_practice=in_practice)
        if in_practice:
            dialog.accepted.connect(self.practice.end_gently)
        dialog.finished.connect(dialog.deleteLater)  # a new one each time: none left behind
        dialog.open()

    def start_practice(self, exercise_id: str, minutes: int) -> None:
        from compassion_app.core.letters import WRITING_KIND

        script = self._library.get(exercise_id)
        if script is None:
            return
        self._kept.flush()
        self._remember_choice()
        if script.kind == WRITING_KIND:  # the Letters room's breathe-first path, a letter after
            self.show_letters()
            self.letters_room.write_after_breathing(
                lambda: self.practice_room.lead_in(exercise_id, minutes)
            )
            return
        self.practice_room.begin(script, minutes)

    def _remember_choice(self) -> None:
        """Keep the practice and length chosen on Today for next time (only when they changed)."""
        from compassion_app.ui.screens.today import CHOICE_KEY  # with Today's code (start-up)

        choice = self.today.choice()
        if choice != self._store.get_setting(CHOICE_KEY, None):
            self._write(lambda: self._store.set_setting(CHOICE_KEY, choice))  # type: ignore[arg-type]

    @property
    def settings(self) -> Settings:
        """The practice settings in use (a change reaches the disk a moment later)."""
        return self._kept.current

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._kept.change(settings)  # as a change made on the Settings screen

    def _write(self, write: Callable[[], None]) -> bool:
        """Save something; on failure tell the person why, kindly. True if it reached the disk."""
        try:
            write()
        except StoreError as error:
            log.error("Could not save: %s", error)
            self.show_notice(str(error))
            return False
        return True

    def save_and_release(self) -> None:
        """With no question: end a running practice early and save it, let go of its sound and
        microphone, and write settings and the letter being written. Safe to call twice.

        Closing the window calls this once the person has answered; a stop signal calls it
        directly (app.py), since there is no one to ask.
        """
        self._kept.flush()
        self._rooms.let_go()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.tray is not None and self.tray.keeps_app and not self._quitting:
            self._kept.flush()
            event.ignore()  # the person chose to keep the app in the tray; Quit ends it
            self.hide()
            return
        if self.practising:
            # The same kind question Esc asks; the window closes only if they choose to end.
            event.ignore()
            self.practice.ask_to_end(then=self.close)
            return
        self.save_and_release()
        super().closeEvent(event)
