"""The desktop choices, read once from the store and written back whenever they change.

One holder the window, the tray, the theme and the settings card all share, so each reads the
same choice and a change reaches every one of them through `changed`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from compassion_app.core.desktop_settings import STORE_KEY, DesktopSettings
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError

log = logging.getLogger(__name__)


class DesktopChoices(QObject):
    changed = Signal(object)  # the new DesktopSettings
    notice = Signal(str)  # a save that did not reach the disk, in the store's own words

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.settings = DesktopSettings.from_dict(store.get_setting(STORE_KEY, {}))

    def reload(self) -> None:
        """Read the choices again (an import may have brought ones not made here) and apply them."""
        self.settings = DesktopSettings.from_dict(self._store.get_setting(STORE_KEY, {}))
        self.changed.emit(self.settings)

    def choose(self, settings: DesktopSettings) -> bool:
        """Apply new choices at once and save them; True if they reached the disk."""
        if settings == self.settings:
            return True
        self.settings = settings
        self.changed.emit(settings)
        try:
            self._store.set_setting(STORE_KEY, settings.to_dict())
        except StoreError as error:
            log.error("Could not save the desktop choices: %s", error)
            self.notice.emit(str(error))
            return False
        return True
