"""The progress choices as controls, built from their one declaration (core/progress_settings.py).

A checkbox for each yes-or-no choice, a number box for the weekly goal, a time box for the reminder
(usable while the reminder is on). Every change is handed on at once as a whole new
ProgressSettings.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from compassion_app.core.progress_settings import ProgressSettings
from compassion_app.ui.widgets.setting_controls import SettingControls


class ProgressChoices(QWidget):
    changed = Signal(object)  # the new ProgressSettings

    def __init__(self, settings: ProgressSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controls = SettingControls(settings, self)
        self.controls = self._controls.controls
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._controls.add_rows(form)
        self._controls.changed.connect(self.changed)

    @property
    def settings(self) -> ProgressSettings:
        chosen: ProgressSettings = self._controls.settings
        return chosen

    def show_settings(self, settings: ProgressSettings) -> None:
        self._controls.show_settings(settings)
