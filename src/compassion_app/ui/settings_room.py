"""The Settings room put together: the practice settings, then the desktop's (colours, text size,
tray), "Your data" and the person's own exercises, each a card at the foot.

An import can bring settings not chosen here; every part then shows and keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from compassion_app.store.db import Store
from compassion_app.ui.desktop import DesktopChoices
from compassion_app.ui.screens.settings import SettingsScreen
from compassion_app.ui.settings_keeper import SettingsKeeper
from compassion_app.ui.widgets.data_card import DataCard
from compassion_app.ui.widgets.desktop_choices import DesktopCard
from compassion_app.ui.widgets.own_exercises_card import OwnExercisesCard

if TYPE_CHECKING:
    from compassion_app.ui.own_exercises import OwnExercises


class SettingsRoom:
    def __init__(
        self,
        kept: SettingsKeeper,
        desktop: DesktopChoices,
        store: Store,
        own_exercises: OwnExercises | None,
        data_told: Callable[[], None],
        imported: Callable[[], None],
    ) -> None:
        """`data_told`: something came in or went out (Today's figures may change); `imported`:
        the settings were read again after an import (other screens' choices may have changed)."""
        self._kept = kept
        self._desktop = desktop
        self._imported = imported
        self.screen = SettingsScreen(kept.current)
        self.screen.changed.connect(kept.change)
        self.desktop_card = DesktopCard(desktop, self.screen)
        self.screen.add_card(self.desktop_card, self.desktop_card.focus_order())
        self.data_card = DataCard(store, kept.flush, self.screen)
        self.data_card.told.connect(lambda _told: data_told())  # e.g. imported practices
        self.data_card.imported.connect(self._read_settings_again)
        self.screen.add_card(self.data_card, self.data_card.focus_order())
        self.own_card = self._add_own_card(own_exercises)

    def _add_own_card(self, own_exercises: OwnExercises | None) -> OwnExercisesCard | None:
        """The person's own exercises, at the very foot, when the store has a folder."""
        if own_exercises is None:
            return None
        card = OwnExercisesCard(own_exercises, self.screen)
        self.screen.add_card(card, [])  # Tab reaches its controls in the order they were made
        return card

    def _read_settings_again(self) -> None:
        self._kept.reload()
        self.screen.show_settings(self._kept.current)
        self._desktop.reload()
        self._imported()
