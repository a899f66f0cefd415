"""A slider's value in words for a screen reader ("6 out of 10 (0 is quiet, 10 is very loud)").

Qt reads out a slider's bare number; the words give it its unit and its meaning, and follow
every change of the value, by keyboard or by mouse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractSlider


def speak_value(slider: QAbstractSlider, words: Callable[..., str]) -> None:
    """Keep the slider's accessible description as `words(value=...)`, now and after each change."""
    slider.setAccessibleDescription(words(value=slider.value()))
    slider.valueChanged.connect(lambda value: slider.setAccessibleDescription(words(value=value)))
