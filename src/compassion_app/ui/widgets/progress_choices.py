"""The progress choices as controls, built from their one declaration (core/progress_settings.py).

A checkbox for each yes-or-no choice, a number box for the weekly goal, a time box for the reminder.
Every change is handed on at once as a whole new ProgressSettings.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QTimeEdit, QWidget

from compassion_app.core.progress_settings import ProgressSettings, bounds, label


class ProgressChoices(QWidget):
    changed = Signal(object)  # the new ProgressSettings

    def __init__(self, settings: ProgressSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.controls: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for item in fields(ProgressSettings):
            control = self._control(item.name, item.default)
            control.setAccessibleName(label(item.name))
            self.controls[item.name] = control
            if isinstance(control, QCheckBox):
                form.addRow(control)
            else:
                form.addRow(label(item.name), control)
        self.show_settings(settings)

    def show_settings(self, settings: ProgressSettings) -> None:
        self.settings = settings
        for name, control in self.controls.items():
            value = getattr(settings, name)
            with QSignalBlocker(control):
                if isinstance(control, QCheckBox):
                    control.setChecked(value)
                elif isinstance(control, QSpinBox):
                    control.setValue(value)
                elif isinstance(control, QTimeEdit):
                    at = settings.reminder_at
                    control.setTime(QTime(at.hour, at.minute))
        self.controls["reminder_time"].setEnabled(settings.reminder)

    def _control(self, name: str, default: Any) -> QWidget:
        if isinstance(default, bool):
            box = QCheckBox(label(name), self)
            box.toggled.connect(lambda on, name=name: self._set(name, on))
            return box
        if isinstance(default, int):
            spin = QSpinBox(self)
            spin.setRange(*bounds(name))
            spin.valueChanged.connect(lambda value, name=name: self._set(name, value))
            return spin
        clock = QTimeEdit(self)
        clock.setDisplayFormat("HH:mm")
        clock.timeChanged.connect(lambda at, name=name: self._set(name, at.toString("HH:mm")))
        return clock

    def _set(self, name: str, value: Any) -> None:
        self.settings = replace(self.settings, **{name: value})
        self.controls["reminder_time"].setEnabled(self.settings.reminder)
        self.changed.emit(self.settings)
