"""The desktop choices as controls, built from their one declaration (core/desktop_settings.py).

A box of named options for a choice among a few (the colours), a check box for a yes-or-no one
(the tray). Every change goes straight to the shared DesktopChoices, which saves and applies it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QFrame, QLabel, QWidget

from compassion_app import messages
from compassion_app.core.desktop_settings import label, options, shown_choices
from compassion_app.ui.desktop import DesktopChoices


class DesktopCard(QFrame):
    def __init__(self, choices: DesktopChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._choices = choices
        self.controls: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setContentsMargins(22, 14, 22, 14)
        heading = QLabel(messages.DESKTOP_CARD)
        heading.setProperty("role", "title")
        form.addRow(heading)
        for name in shown_choices():
            control = self._control(name, getattr(choices.settings, name))
            control.setAccessibleName(label(name))
            self.controls[name] = control
            if isinstance(control, QCheckBox):
                form.addRow(control)
            else:
                form.addRow(label(name), control)

    def _control(self, name: str, value: Any) -> QWidget:
        named = options(name)
        if named is None:
            box = QCheckBox(label(name), self)
            box.setChecked(value)
            box.toggled.connect(lambda on, name=name: self._set(name, on))
            return box
        combo = QComboBox(self)
        for option in named:
            combo.addItem(messages.CHOICE_WORDS[option], option)
        combo.setCurrentIndex(combo.findData(value))
        combo.currentIndexChanged.connect(
            lambda _index, name=name, combo=combo: self._set(name, combo.currentData())
        )
        return combo

    def _set(self, name: str, value: Any) -> None:
        self._choices.choose(replace(self._choices.settings, **{name: value}))
