"""The Progress room's wiring: its screen, built the first time it is visited and brought up to
date each time after; and its choices (which figures show, the daily reminder), which Today and
the reminder follow."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from compassion_app.core.library import Library
from compassion_app.store.db import Store
from compassion_app.ui.screen_stack import ScreenStack

if TYPE_CHECKING:
    from compassion_app.ui.screens.progress import ProgressScreen


class ProgressRoom:
    def __init__(
        self,
        store: Store,
        library: Library,
        screens: ScreenStack,
        choices_changed: Callable[[], None],
    ) -> None:
        self._store = store
        self._library = library
        self._screens = screens
        self._choices_changed = choices_changed
        self._screen: ProgressScreen | None = None

    @property
    def screen(self) -> ProgressScreen:
        if self._screen is None:
            from compassion_app.ui.screens.progress import ProgressScreen

            self._screen = ProgressScreen(self._store, self._library)
            self._screen.choices_changed.connect(lambda _choices: self._choices_changed())
            self._screens.add(self._screen)
        return self._screen

    def show(self) -> None:
        if self._screen is not None:  # a new screen has just read the history
            self._screen.refresh()
        self._screens.show_screen(self.screen)

    def reload_choices(self) -> None:
        """An import may bring Progress's choices too: an open Progress shows them now."""
        if self._screen is not None:
            self._screen.reload_choices()
