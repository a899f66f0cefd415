"""A word-wrapped label with a look from style.py, as every screen writes its words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def wrapped_label(text: str, role: str | None = None) -> QLabel:
    """A label that wraps its words; `role` names its look in the style sheet (e.g. "soft")."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    return label
