"""The Letters room's wiring: its screen, built the first time it is visited; the breathing that
can lead into a letter; and writing, which counts as practice in today's minutes and the run."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.ui.screen_stack import ScreenStack

if TYPE_CHECKING:
    from compassion_app.ui.screens.letter_lead_in import LeadIn
    from compassion_app.ui.screens.letters import LettersScreen


class LettersRoom:
    def __init__(
        self,
        store: Store,
        now: Callable[[], float],
        screens: ScreenStack,
        lead_in: LeadIn,
        save_practice: Callable[[PracticeRecord], None],
        tell: Callable[[str], None],
    ) -> None:
        """`lead_in`: the room's own breathing before a letter; `save_practice`: keeps a
        lead-in's record or a letter's writing time; `tell`: a notice for the window."""
        self._store = store
        self._now = now
        self._screens = screens
        self._lead_in = lead_in
        self._save_practice = save_practice
        self._tell = tell
        self._screen: LettersScreen | None = None

    @property
    def screen(self) -> LettersScreen:
        if self._screen is None:
            from compassion_app.ui.screens.letters import LettersScreen

            self._screen = LettersScreen(
                self._store, self._now, key_folder=self._store.folder, lead_in=self._lead_in
            )
            self._screen.notice.connect(self._tell)
            self._screen.wrote.connect(self._save_writing)
            self._screen.practised.connect(self._save_practice)
            self._screens.add(self._screen)
        return self._screen

    def show(self) -> None:
        self.screen.refresh_archive()
        self._screens.show_screen(self.screen)

    def write_after_breathing(self, lead_in: LeadIn) -> None:
        """A writing practice chosen on Today (letter-lead-in) is this room's breathe-first path:
        its own breathing, then a new letter open to write in."""
        from compassion_app.core.letters import WRITING_PRACTICE_TEMPLATE

        self.screen.begin_letter(WRITING_PRACTICE_TEMPLATE, breathe_first=True, lead_in=lead_in)

    def put_down(self) -> None:
        """The last words typed reach the disk (at closing); nothing to do if never visited."""
        if self._screen is not None:
            self._screen.put_down()

    def _save_writing(self, seconds: float) -> None:
        from compassion_app.core.letters import writing_practice

        self._save_practice(writing_practice(seconds))
