"""Settings: check-ins, the breathing pace, the pacer, sounds. Every change is saved at once."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages
from compassion_app.core.breathing import BreathPattern
from compassion_app.core.settings import LAYERS, SCRIPT_DEFAULT, Settings
from compassion_app.ui.widgets.microphone_check import MicrophoneCheck
from compassion_app.ui.widgets.spoken import speak_value

PACE_PARTS = ("In", "Rest", "Out", "Rest")
MY_PACE_DEFAULT = (4.5, 0.5, 5.5, 0.5)
AMBIENT_CHOICES = (
    ("As the practice suggests", SCRIPT_DEFAULT),
    ("No background sound", None),
    ("Soft rain", "rain"),
    ("Ocean waves", "ocean"),
    ("Deep, soft noise", "brown"),
)
LAYER_NAMES = {
    "voice": "Voice",
    "bells": "Bells",
    "breath": "Breath sound",
    "ambient": "Background",
}


class SettingsScreen(QWidget):
    changed = Signal(object)  # the new Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.settings = settings
        self.checkins = QCheckBox("Offer a short check-in before and after each practice")
        self.start_where_i_am = QCheckBox(
            "Start where I am: begin at an easy pace and slow down gently"
        )
        self.show_counts = QCheckBox("Show the seconds of each breath on the pacer")
        self.reduced_motion = QCheckBox("Reduce motion: the pacer glows instead of growing")
        self.listen_to_breath = QCheckBox(messages.BREATH_LISTEN_SETTING)
        self.listen_to_breath.setToolTip(messages.BREATH_LISTEN_SETTING_HELP)
        self.listen_words = QLabel(messages.BREATH_LISTEN_SETTING_HELP)
        self.listen_words.setProperty("role", "soft")
        self.listen_words.setWordWrap(True)
        self.microphone_check = MicrophoneCheck()
        self.own_pace = QCheckBox("Use my own breathing pace")
        self.pace = [_seconds_box() for _ in PACE_PARTS]
        self.pace_words = QLabel()
        self.pace_words.setProperty("role", "soft")
        self.ambient = QComboBox()
        for words, value in AMBIENT_CHOICES:
            self.ambient.addItem(words, value)
        self.volumes = {layer: _volume_slider(LAYER_NAMES[layer]) for layer in LAYERS}
        self._build()
        self._set_tab_order()
        self._show(settings)
        for box in (
            self.checkins,
            self.start_where_i_am,
            self.show_counts,
            self.reduced_motion,
            self.listen_to_breath,
        ):
            box.toggled.connect(self._save)
        self.own_pace.toggled.connect(self._save)
        for spin in self.pace:
            spin.valueChanged.connect(self._save)
        self.ambient.currentIndexChanged.connect(self._save)
        for slider in self.volumes.values():
            slider.valueChanged.connect(self._save)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 20)
        heading = QLabel("Settings")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        practice = _card(layout, "Practice")
        practice.addRow(self.checkins)
        practice.addRow(self.start_where_i_am)
        practice.addRow(self.own_pace)
        pace_row = QHBoxLayout()
        for name, spin in zip(PACE_PARTS, self.pace, strict=True):
            pace_row.addWidget(QLabel(name))
            pace_row.addWidget(spin)
        pace_row.addStretch(1)
        practice.addRow(pace_row)
        practice.addRow(self.pace_words)
        pacer = _card(layout, "Pacer")
        pacer.addRow(self.show_counts)
        pacer.addRow(self.reduced_motion)
        pacer.addRow(self.listen_to_breath)
        pacer.addRow(self.listen_words)
        pacer.addRow(self.microphone_check)
        sound = _card(layout, "Sound")
        sound.addRow("Background sound", self.ambient)
        for layer, slider in self.volumes.items():
            sound.addRow(LAYER_NAMES[layer], slider)
        layout.addStretch(1)

    def _set_tab_order(self) -> None:
        """Tab walks the controls as they read, the pace boxes right after their switch."""
        order = [
            self.checkins,
            self.start_where_i_am,
            self.own_pace,
            *self.pace,
            self.show_counts,
            self.reduced_motion,
            self.listen_to_breath,
            self.ambient,
            *self.volumes.values(),
        ]
        for first, then in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, then)

    def _show(self, settings: Settings) -> None:
        self.checkins.setChecked(settings.checkins)
        self.start_where_i_am.setChecked(settings.start_where_i_am)
        self.show_counts.setChecked(settings.show_counts)
        self.reduced_motion.setChecked(settings.reduced_motion)
        self.listen_to_breath.setChecked(settings.listen_to_breath)
        self.own_pace.setChecked(settings.breathing is not None)
        for spin, seconds in zip(self.pace, settings.breathing or MY_PACE_DEFAULT, strict=True):
            spin.setValue(seconds)
        self.ambient.setCurrentIndex(max(0, self.ambient.findData(settings.ambient)))
        for layer, slider in self.volumes.items():
            slider.setValue(round(settings.volumes[layer] * 100))
        self._show_pace_words()

    def _save(self) -> None:
        new = replace(
            self.settings,
            checkins=self.checkins.isChecked(),
            start_where_i_am=self.start_where_i_am.isChecked(),
            show_counts=self.show_counts.isChecked(),
            reduced_motion=self.reduced_motion.isChecked(),
            listen_to_breath=self.listen_to_breath.isChecked(),
            breathing=self._pace() if self.own_pace.isChecked() else None,
            ambient=self.ambient.currentData(),
            volumes={layer: slider.value() / 100 for layer, slider in self.volumes.items()},
        )
        self._show_pace_words()
        if new != self.settings:
            self.settings = new
            self.changed.emit(new)

    def _pace(self) -> tuple[float, float, float, float] | None:
        parts = tuple(spin.value() for spin in self.pace)
        try:
            return BreathPattern(*parts).parts()
        except ValueError:
            return None  # an in- or out-breath of zero: keep each practice's own pace

    def _show_pace_words(self) -> None:
        for spin in self.pace:
            spin.setEnabled(self.own_pace.isChecked())
        pace = self._pace()
        if not self.own_pace.isChecked():
            self.pace_words.setText("Each practice breathes at its own gentle pace.")
        elif pace is None:
            self.pace_words.setText(
                "An in-breath and an out-breath of at least a moment are needed."
            )
        else:
            rate = BreathPattern(*pace).per_minute
            self.pace_words.setText(f"About {rate:.1f} breaths a minute.")


def _card(layout: QVBoxLayout, title: str) -> QFormLayout:
    card = QFrame()
    card.setProperty("role", "card")
    form = QFormLayout(card)
    form.setContentsMargins(22, 14, 22, 14)
    heading = QLabel(title)
    heading.setProperty("role", "title")
    form.addRow(heading)
    layout.addWidget(card)
    return form


def _seconds_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, 15.0)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSuffix(" s")
    return box


def _volume_slider(name: str) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 100)
    slider.setAccessibleName(f"{name} volume")
    speak_value(slider, messages.VOLUME_VALUE.format)
    return slider
