"""A gentle check-in: three 0-10 sliders in plain words, always skippable with one click."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from compassion_app.core.records import CheckIn
from compassion_app.messages import CHECK_IN_QUESTIONS, CHECK_IN_SKIP, CHECK_IN_VALUE
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.spoken import speak_value
from compassion_app.ui.widgets.wheel_guard import guard_wheel


class CheckInPanel(QWidget):
    answered = Signal(object)  # a CheckIn, or None when skipped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.words = QLabel(self)
        self.words.setProperty("role", "soft")
        self.words.setWordWrap(True)
        self.sliders: dict[str, QSlider] = {}
        self.done_button = Button("", self, role="primary")
        self.skip_button = Button(CHECK_IN_SKIP, self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.words)
        layout.addLayout(self._questions())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.done_button.clicked.connect(lambda: self.answered.emit(self.value()))
        self.skip_button.clicked.connect(lambda: self.answered.emit(None))

    def _questions(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        for row, (key, question, low, high) in enumerate(CHECK_IN_QUESTIONS):
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setRange(0, 10)
            slider.setPageStep(1)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setAccessibleName(question)
            guard_wheel(slider)  # scrolling the end screen must not change an answer on the way
            speak_value(slider, partial(CHECK_IN_VALUE.format, low=low, high=high))
            value = QLabel(self)
            slider.valueChanged.connect(lambda number, label=value: label.setText(str(number)))
            self.sliders[key] = slider
            asked = QLabel(question, self)
            asked.setContentsMargins(0, 12, 0, 0)  # air between the three questions
            grid.addWidget(asked, row * 2, 0, 1, 4)
            grid.addWidget(_soft(low), row * 2 + 1, 0)
            grid.addWidget(slider, row * 2 + 1, 1)
            grid.addWidget(_soft(high), row * 2 + 1, 2)
            grid.addWidget(value, row * 2 + 1, 3)
        grid.setColumnStretch(1, 1)
        return grid

    def ask(self, heading: str, words: str, button: str) -> None:
        self.heading.setText(heading)
        self.words.setText(words)
        self.done_button.setText(button)
        for slider in self.sliders.values():
            slider.setValue(5)
        self.done_button.setFocus()

    def value(self) -> CheckIn:
        return CheckIn(**{key: slider.value() for key, slider in self.sliders.items()})


def _soft(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "soft")
    return label
