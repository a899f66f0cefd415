"""The practice room's wiring: its screen, built when the first practice starts; each practice,
made (practice_builder.py) and begun there; the breathing before a letter, on the same engine; and
what the screen reports, saved: the record, the check-in after it, the answer about listening.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from compassion_app.core.library import Library
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.store.db import Store
from compassion_app.ui.screen_stack import ScreenStack
from compassion_app.ui.settings_keeper import SettingsKeeper, Write

if TYPE_CHECKING:
    from compassion_app.core.scripts import ExerciseScript
    from compassion_app.ui.practice_builder import OpenListener, PracticeBuilder
    from compassion_app.ui.practice_controller import PracticeController, StartSound
    from compassion_app.ui.screens.practice import PracticeScreen


class PracticeRoom(QObject):
    notice = Signal(str)  # for the window's notices
    safety_requested = Signal()
    back_to_today = Signal()
    opening = Signal()  # a practice is about to show: the window makes room for it
    saved = Signal()  # a practice ended and its record was written (or the person was told why not)

    def __init__(
        self,
        store: Store,
        library: Library,
        kept: SettingsKeeper,
        write: Write,
        screens: ScreenStack,
        start_sound: StartSound | None,
        now: Callable[[], float],
        open_listener: Callable[[], OpenListener | None],
        parent: QObject,
    ) -> None:
        """`start_sound`: None for the sound device (ui/sound.py)."""
        super().__init__(parent)
        self._store = store
        self._library = library
        self._kept = kept
        self._write = write
        self._screens = screens
        self._start_sound = start_sound
        self._now = now
        self._open_listener = open_listener
        self._window = parent  # the practices' parent, so they live as long as the window
        self._screen: PracticeScreen | None = None
        self._builder: PracticeBuilder | None = None

    @property
    def screen(self) -> PracticeScreen:
        if self._screen is None:
            from compassion_app.ui.screens.practice import PracticeScreen

            self._screen = PracticeScreen(self._now, letters=self._store)
            self._screen.notice.connect(self.notice)
            self._screen.safety_requested.connect(self.safety_requested)
            self._screen.back_to_today.connect(self.back_to_today)
            self._screen.checked_in_after.connect(self._save_check_in)
            self._screen.listening_chosen.connect(self._listening_chosen)
            self._screens.add(self._screen)
        return self._screen

    @property
    def controller(self) -> PracticeController | None:
        """The practice begun last, running or ended; None before the first."""
        return self._screen.controller if self._screen else None

    @property
    def practising(self) -> bool:
        """A practice has begun and not yet ended (paused counts)."""
        return self.controller is not None and self.controller.running

    def showing(self) -> bool:
        """The practice screen is showing (its check-ins and end included)."""
        return self._screen is not None and self._screens.current is self._screen

    @property
    def builder(self) -> PracticeBuilder:
        """Makes practices; built (with the practice engine's code) when the first one starts."""
        if self._builder is None:
            from compassion_app.ui.practice_builder import PracticeBuilder
            from compassion_app.ui.sound import start_sound

            self._builder = PracticeBuilder(
                self._start_sound or start_sound,
                self._now,
                self._open_listener,
                parent=self._window,
            )
        return self._builder

    def begin(self, script: ExerciseScript, minutes: int) -> None:
        self._release_last_practice()
        settings = self._kept.current
        controller = self.builder.practice(script, minutes, settings)
        controller.finished.connect(self._save)
        self.opening.emit()
        self._screens.show_screen(self.screen)
        self.screen.begin(controller, settings)

    def lead_in(
        self, exercise_id: str | None = None, minutes: int = 1
    ) -> PracticeController | None:
        """Breathing before a letter: by default the Letters room's own minute of soothing-rhythm
        breathing; a writing practice chosen on Today gives its own."""
        self._kept.flush()
        if exercise_id is None:
            return self.builder.lead_in(self._library, self._kept.current)
        return self.builder.lead_in(self._library, self._kept.current, exercise_id, minutes)

    def let_go(self) -> None:
        """Keep an unsaved note to the critic, end a running practice early (it still counts and
        is saved) and close its sound and microphone. Safe to call twice."""
        if self._screen is not None:
            self._screen.critic_note.keep_unsaved()
        controller = self.controller
        if controller is not None:
            controller.end_early()
            controller.close()

    def _release_last_practice(self) -> None:
        """Close the finished practice's sound stream; its end bell has long rung out by now."""
        last = self.controller
        if last is not None:
            last.close()
            last.deleteLater()

    def _save(self, record: PracticeRecord) -> None:
        saved = self._write(lambda: self._store.add_practice(record))
        self.screen.show_finished(record, saved)
        self.saved.emit()

    def _save_check_in(self, record: PracticeRecord, checkin: CheckIn) -> None:
        self._write(lambda: self._store.update_practice(replace(record, checkin_after=checkin)))

    def _listening_chosen(self, yes: bool) -> None:
        self._kept.change(replace(self._kept.current, listen_to_breath=yes, asked_to_listen=True))
