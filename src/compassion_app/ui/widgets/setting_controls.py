"""Controls built from settings declarations (core/setting_fields.py): one kind, one control.

A check box for a switch, a box of named options for a choice, a number box, a time box, a slider
for each part of a mix, and a switch with a number box for each part of a compound value (a
breath's pace). `SettingControls` builds every shown setting of a settings dataclass, lays them
out in forms, and hands on each change as a whole new settings value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages
from compassion_app.core import setting_fields as declare
from compassion_app.core.setting_fields import Declared, parse_time
from compassion_app.ui.widgets.spoken import speak_value
from compassion_app.ui.widgets.wheel_guard import guard_wheel

SLIDER_STEPS = 100  # a level's slider moves in hundredths of its range


class Switch(QCheckBox):
    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(setting.label or "", parent)
        self.toggled.connect(self.edited)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool) -> None:
        self.setChecked(value)


class Choice(QComboBox):
    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, words in setting.options:
            self.addItem(words, value)
        guard_wheel(self)
        self.currentIndexChanged.connect(self.edited)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class Number(QSpinBox):
    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert setting.bounds is not None
        low, high = setting.bounds
        self.setRange(int(low), int(high))
        guard_wheel(self)
        self.valueChanged.connect(self.edited)

    def set_value(self, value: int) -> None:
        self.setValue(value)


class TimeOfDay(QTimeEdit):
    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        guard_wheel(self)
        self.timeChanged.connect(self.edited)

    def value(self) -> str:
        return self.time().toString("HH:mm")

    def set_value(self, value: str) -> None:
        at = parse_time(value)
        if at is not None:
            self.setTime(QTime(at.hour, at.minute))


class Levels(QWidget):
    """A slider for each part of the mix, named for a screen reader."""

    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low, self._high = setting.bounds or (0.0, 1.0)
        self.sliders: dict[str, QSlider] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for part, words in setting.parts:
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setRange(0, SLIDER_STEPS)
            slider.setAccessibleName(messages.VOLUME_NAME.format(layer=words))
            guard_wheel(slider)
            # A screen reader hears "40 %", not a bare step number.
            speak_value(slider, _percent_words)
            slider.valueChanged.connect(self.edited)
            self.sliders[part] = slider
            form.addRow(words, slider)

    def value(self) -> dict[str, float]:
        span = self._high - self._low
        return {
            part: self._low + span * slider.value() / SLIDER_STEPS
            for part, slider in self.sliders.items()
        }

    def set_value(self, value: dict[str, float]) -> None:
        span = (self._high - self._low) or 1.0
        for part, slider in self.sliders.items():
            slider.setValue(round((value[part] - self._low) / span * SLIDER_STEPS))

    def focus_order(self) -> list[QWidget]:
        return list(self.sliders.values())


class Parts(QWidget):
    """A switch ("use my own"), a number box for each part, and words for what they make."""

    edited = Signal()

    def __init__(self, setting: Declared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = setting
        self.chosen = QCheckBox(setting.label or "", self)
        self.boxes = [self._box() for _part in setting.parts]
        self.words = QLabel(self)
        self.words.setProperty("role", "soft")
        self.words.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chosen)
        row = QHBoxLayout()
        for (_part, words), box in zip(setting.parts, self.boxes, strict=True):
            row.addWidget(QLabel(words, self))
            row.addWidget(box)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.words)
        self.chosen.toggled.connect(self._edited)
        for box in self.boxes:
            box.valueChanged.connect(self._edited)

    def _box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        low, high = self._setting.bounds or (0.0, 99.0)
        box.setRange(low, high)
        box.setSingleStep(self._setting.step)
        box.setDecimals(1)
        box.setSuffix(self._setting.unit)
        guard_wheel(box)
        return box

    def numbers(self) -> tuple[float, ...]:
        return tuple(box.value() for box in self.boxes)

    def value(self) -> Any:
        """The chosen value, or None when not chosen or when the numbers make none."""
        if not self.chosen.isChecked():
            return None
        try:
            return declare.accepted(self._setting, None, self.numbers())
        except ValueError:
            return None  # e.g. an in- or out-breath of zero: each practice keeps its own

    def set_value(self, value: Any) -> None:
        self.chosen.setChecked(value is not None)
        for box, number in zip(self.boxes, value or self._setting.suggested, strict=True):
            box.setValue(number)
        self._show_words()

    def focus_order(self) -> list[QWidget]:
        return [self.chosen, *self.boxes]

    def _edited(self) -> None:
        self._show_words()
        self.edited.emit()

    def _show_words(self) -> None:
        for box in self.boxes:
            box.setEnabled(self.chosen.isChecked())
        if self._setting.describe is not None:
            shown = self.numbers() if self.chosen.isChecked() else None
            self.words.setText(self._setting.describe(shown))


CONTROLS: dict[str, Callable[[Declared, QWidget], Any]] = {
    declare.SWITCH: Switch,
    declare.CHOICE: Choice,
    declare.NUMBER: Number,
    declare.TIME: TimeOfDay,
    declare.LEVELS: Levels,
    declare.PARTS: Parts,
}


class SettingControls(QObject):
    """A control for every shown setting of one settings value; `changed` gives the new value."""

    changed = Signal(object)

    def __init__(self, settings: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self._declared = declare.declared(type(settings))
        self.controls: dict[str, Any] = {}
        for name in declare.shown(type(settings)):
            setting = self._declared[name]
            control = CONTROLS[setting.kind](setting, parent)
            control.setAccessibleName(setting.label or name)
            control.edited.connect(lambda name=name: self._edited(name))
            self.controls[name] = control
        self.show_settings(settings)

    def add_rows(self, form: QFormLayout, section: str | None = None) -> None:
        """Lay the controls (of `section`, if given) into `form`, each with its words."""
        for name in declare.shown(type(self.settings), section):
            setting, control = self._declared[name], self.controls[name]
            if setting.kind in (declare.SWITCH, declare.PARTS):
                form.addRow(control)  # a check box carries its own words
            else:
                form.addRow(setting.label or name, control)
            if setting.help:
                control.setToolTip(setting.help)
                words = QLabel(setting.help, form.parentWidget())
                words.setProperty("role", "soft")
                words.setWordWrap(True)
                form.addRow(words)

    def focus_order(self, section: str | None = None) -> list[QWidget]:
        """The controls as Tab should walk them: in order, a compound one part by part."""
        order: list[QWidget] = []
        for name in declare.shown(type(self.settings), section):
            control = self.controls[name]
            order += control.focus_order() if hasattr(control, "focus_order") else [control]
        return order

    def show_settings(self, settings: Any) -> None:
        """Show `settings` in the controls without handing them on as a change."""
        self.settings = settings
        for name, control in self.controls.items():
            with QSignalBlocker(control):
                control.set_value(getattr(settings, name))
        self._enable()

    def _edited(self, name: str) -> None:
        new = replace(self.settings, **{name: self.controls[name].value()})
        if new != self.settings:
            self.settings = new
            self._enable()
            self.changed.emit(new)

    def _enable(self) -> None:
        """A control that needs a switch on is usable only while it is on."""
        for name, control in self.controls.items():
            needs = self._declared[name].needs
            if needs is not None:
                control.setEnabled(bool(getattr(self.settings, needs)))


def _percent_words(value: int) -> str:
    """A level slider's position as a screen reader says it: "40 %"."""
    return messages.VOLUME_VALUE.format(value=round(value * 100 / SLIDER_STEPS))
