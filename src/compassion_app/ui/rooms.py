"""The window's rooms, each built the first time it is needed and wired to the window as it is
built: Today, the practice room, Progress, Letters and Settings.

Each room's code (and the Qt and audio code behind it) is imported when the room is built, so a
room not yet visited costs the start nothing. Each room is put together in its own module
(practice_room.py, progress_room.py, letters_room.py, settings_room.py; Today is
screens/today.py); this module only builds them in time and connects what they report to the
window (main_window.py), which decides which screen shows when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from compassion_app.core.library import Library
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.ui.settings_keeper import SettingsKeeper, Write

if TYPE_CHECKING:
    from compassion_app.ui.letters_room import LettersRoom
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.practice_controller import StartSound
    from compassion_app.ui.practice_room import PracticeRoom
    from compassion_app.ui.progress_room import ProgressRoom
    from compassion_app.ui.screens.today import TodayScreen
    from compassion_app.ui.settings_room import SettingsRoom


class Rooms:
    def __init__(
        self,
        window: MainWindow,
        store: Store,
        library: Library,
        kept: SettingsKeeper,
        write: Write,
        start_sound: StartSound | None,
        now: Callable[[], float],
        today: Callable[[], date],
    ) -> None:
        """`start_sound`: None for the sound device (ui/sound.py)."""
        self._window = window
        self._store = store
        self._library = library
        self._kept = kept
        self._write = write
        self._start_sound = start_sound
        self._now = now
        self._date_today = today
        self._today: TodayScreen | None = None
        self._practice: PracticeRoom | None = None
        self._progress: ProgressRoom | None = None
        self._letters: LettersRoom | None = None
        self._settings: SettingsRoom | None = None

    @property
    def today(self) -> TodayScreen:
        """Today, built when first needed: before the first paint, or behind the welcome just
        after it (the window's _after_first_paint)."""
        if self._today is None:
            self._today = self._build_today()
        return self._today

    def _build_today(self) -> TodayScreen:
        # Imported here: the welcome, a new person's first picture, needs none of Today's code.
        from compassion_app.ui.screens.today import TodayScreen

        window = self._window
        today = TodayScreen(self._store, self._library, self._date_today)
        today.notice.connect(window.show_notice)
        today.practice_requested.connect(window.start_practice)
        today.save_audio_requested.connect(window.save_as_audio)
        today.safety_requested.connect(window.show_safety)
        window.screens.add(today, whole_at_smallest=True)
        window.navigation.lead_tab_to(today.exercise)  # Tab starts at the top, then Today
        return today

    @property
    def practice(self) -> PracticeRoom:
        """The practice screen and the practices begun on it (practice_room.py)."""
        if self._practice is None:
            self._practice = self._build_practice()
        return self._practice

    def _build_practice(self) -> PracticeRoom:
        from compassion_app.ui.practice_room import PracticeRoom  # on first use (start-up)

        window = self._window
        room = PracticeRoom(
            self._store,
            self._library,
            self._kept,
            self._write,
            window.screens,
            self._start_sound,
            self._now,
            lambda: window.open_listener,
            parent=window,
        )
        room.notice.connect(window.show_notice)
        room.safety_requested.connect(window.show_safety)
        room.back_to_today.connect(window.show_today)
        room.opening.connect(window.navigation.hide)  # the practice has the whole window
        room.saved.connect(lambda: self.today.refresh())
        return room

    @property
    def practising(self) -> bool:
        """A practice has begun and not yet ended (paused counts)."""
        return self._practice is not None and self._practice.practising

    def practice_showing(self) -> bool:
        """The practice screen is showing; False, and nothing built, before the first practice."""
        return self._practice is not None and self._practice.showing()

    @property
    def progress(self) -> ProgressRoom:
        if self._progress is None:
            from compassion_app.ui.progress_room import ProgressRoom  # on first use (start-up)

            self._progress = ProgressRoom(
                self._store, self._library, self._window.screens, self._choices_changed
            )
        return self._progress

    def _choices_changed(self) -> None:
        """Progress's choices changed: Today's figures and the reminder follow them."""
        self.today.refresh()  # e.g. streak numbers hidden or shown
        self._window.reminder.check()

    @property
    def letters(self) -> LettersRoom:
        if self._letters is None:
            from compassion_app.ui.letters_room import LettersRoom  # on first use (start-up)

            self._letters = LettersRoom(
                self._store,
                self._now,
                self._window.screens,
                lead_in=self.practice.lead_in,
                save_practice=self._save_letter_practice,
                tell=self._window.show_notice,
            )
        return self._letters

    def _save_letter_practice(self, record: PracticeRecord) -> None:
        self._write(lambda: self._store.add_practice(record))
        self.today.refresh()

    @property
    def settings(self) -> SettingsRoom:
        """Settings and the cards at its foot (settings_room.py), built when first shown."""
        if self._settings is None:
            from compassion_app.ui.settings_room import SettingsRoom

            window = self._window
            self._settings = SettingsRoom(
                self._kept,
                window.desktop,
                self._store,
                window.own_exercises,
                data_told=self.today.refresh,
                imported=self.progress.reload_choices,
            )
            window.screens.add(self._settings.screen)
        return self._settings

    def let_go(self) -> None:
        """On the way out: the letter being written and a running practice are kept, and the
        practice's sound and microphone let go. Safe to call twice."""
        # A room never opened has nothing to keep (and is not built now, on the way out).
        if self._letters is not None:
            self._letters.put_down()  # the last words typed reach the disk before we go
        if self._practice is not None:
            self._practice.let_go()  # a note to the critic kept; a cut-short practice counts
