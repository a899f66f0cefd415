"""The person's practice settings: applied at once, written to the store a moment later."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from compassion_app.store.db import Store

if TYPE_CHECKING:
    from compassion_app.core.settings import Settings

# Settings apply at once but reach the disk a moment later: dragging a volume slider is then one
# write instead of one per step.
SETTINGS_SAVE_DELAY_MS = 400

Write = Callable[[Callable[[], None]], bool]  # saves, tells the person if it could not; True: saved


class SettingsKeeper(QObject):
    def __init__(self, store: Store, write: Write, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._write = write
        self._current: Settings | None = None  # read when first asked for: see `current`
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTINGS_SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_now)

    @property
    def current(self) -> Settings:
        """The settings in use. Read from the store the first time they are asked for (a
        practice, Settings): the window's first picture needs none of them."""
        if self._current is None:
            self._current = self._read()
        return self._current

    def change(self, settings: Settings) -> None:
        """Use `settings` from now on; they reach the disk shortly (or at `flush`)."""
        self._current = settings
        self._timer.start()

    def reload(self) -> None:
        """Read the settings again (an import may have brought ones not chosen here)."""
        self.flush()
        self._current = self._read()

    def _read(self) -> Settings:
        from compassion_app.core.settings import STORE_KEY, Settings  # on first use (start-up)

        return Settings.from_dict(self._store.get_setting(STORE_KEY, {}))

    def flush(self) -> None:
        """Write a change still waiting, now (before a practice, at closing)."""
        if self._timer.isActive():
            self._save_now()

    def _save_now(self) -> None:
        from compassion_app.core.settings import STORE_KEY

        self._timer.stop()
        settings = self.current
        self._write(lambda: self._store.set_setting(STORE_KEY, settings.to_dict()))
