"""The desktop choices as controls, built from their one declaration (core/desktop_settings.py).

A box of named options for a choice among a few (the colours, the text size), a check box for a
yes-or-no one (the tray). Every change goes straight to the shared DesktopChoices, which saves and
applies it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QWidget

from compassion_app import messages
from compassion_app.ui.desktop import DesktopChoices
from compassion_app.ui.widgets.setting_controls import SettingControls


class DesktopCard(QFrame):
    def __init__(self, choices: DesktopChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        form = QFormLayout(self)
        form.setContentsMargins(22, 14, 22, 14)
        heading = QLabel(messages.DESKTOP_CARD)
        heading.setProperty("role", "title")
        form.addRow(heading)
        self._controls = SettingControls(choices.settings, self)
        self._controls.add_rows(form)
        self.controls = self._controls.controls
        self._controls.changed.connect(choices.choose)
        choices.changed.connect(self._controls.show_settings)  # e.g. chosen elsewhere: shown here

    def focus_order(self) -> list[QWidget]:
        return self._controls.focus_order()
