"""The person's practice settings: applied at once, written to the store a moment later."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from compassion_app.core.settings import STORE_KEY, Settings
from compassion_app.store.db import Store

# Settings apply at once but reach the disk a moment later: dragging a volume slider is then one
# write instead of one per step.
SETTINGS_SAVE_DELAY_MS = 400

Write = Callable[[Callable[[], None]], bool]  # saves, tells the person if it could not; True: saved


class SettingsKeeper(QObject):
    def __init__(self, store: Store, write: Write, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._write = write
        self.current = Settings.from_dict(store.get_setting(STORE_KEY, {}))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTINGS_SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_now)

    def change(self, settings: Settings) -> None:
        """Use `settings` from now on; they reach the disk shortly (or at `flush`)."""
        self.current = settings
        self._timer.start()

    def reload(self) -> None:
        """Read the settings again (an import may have brought ones not chosen here)."""
        self.flush()
        self.current = Settings.from_dict(self._store.get_setting(STORE_KEY, {}))

    def flush(self) -> None:
        """Write a change still waiting, now (before a practice, at closing)."""
        if self._timer.isActive():
            self._save_now()

    def _save_now(self) -> None:
        self._timer.stop()
        settings = self.current
        self._write(lambda: self._store.set_setting(STORE_KEY, settings.to_dict()))
