"""Settings: check-ins, the breathing pace, the pacer, sounds. Every change is saved at once.

Every control is built from the settings' declarations (core/settings.py), one card a section;
the window adds the desktop card and "Your data" below them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.core import setting_fields as declare
from compassion_app.core.settings import Settings
from compassion_app.ui.widgets.microphone_check import MicrophoneCheck
from compassion_app.ui.widgets.setting_controls import SettingControls


class SettingsScreen(QWidget):
    changed = Signal(object)  # the new Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._controls = SettingControls(settings, self)
        self.controls = self._controls.controls
        self.microphone_check = MicrophoneCheck()
        order = self._controls.focus_order()
        after_listening = order.index(self.controls["listen_to_breath"]) + 1
        order.insert(after_listening, self.microphone_check.button)  # where it reads
        self._order = order
        self._build()
        self._set_tab_order()
        self._controls.changed.connect(self.changed)

    @property
    def settings(self) -> Settings:
        shown: Settings = self._controls.settings
        return shown

    def show_settings(self, settings: Settings) -> None:
        """Show `settings` (read again after an import) without saving them as a change."""
        self._controls.show_settings(settings)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 20)
        heading = QLabel(messages.SETTINGS_HEADING)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        for section in declare.sections(Settings):
            form = card(layout, section)
            self._controls.add_rows(form, section)
            if section == messages.SETTINGS_PACER:
                form.addRow(self.microphone_check)  # to hear that listening to the breath works
        layout.addStretch(1)

    def add_card(self, card: QWidget, focus_order: list[QWidget]) -> None:
        """Another card at the foot (above the closing stretch); Tab walks on into it."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, card)
        self._order += focus_order
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab walks the controls as they read, the pace boxes right after their switch."""
        order = self._order
        for first, then in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, then)


def card(layout: QVBoxLayout, title: str) -> QFormLayout:
    """A titled card at the end of `layout`, its form to fill."""
    frame = QFrame()
    frame.setProperty("role", "card")
    form = QFormLayout(frame)
    form.setContentsMargins(22, 14, 22, 14)
    heading = QLabel(title)
    heading.setProperty("role", "title")
    form.addRow(heading)
    layout.addWidget(frame)
    return form
