"""Support and safety: what this app is and is not, a short grounding, and where to find help.

Opened during a practice it also offers "End gently": the practice screen then leads a short
grounding before the end screen (ui/widgets/grounding.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.ui.widgets.text import wrapped_label


class SafetyDialog(QDialog):
    """Accepted (`accepted`) only by "End gently"; Close, Esc and the window's X reject it."""

    def __init__(self, parent: QWidget | None = None, in_practice: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.SUPPORT_AND_SAFETY)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = QLabel(words.SAFETY_TEXT, self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.end_gently_button = None
        if in_practice:
            layout.addWidget(wrapped_label(words.SAFETY_END_GENTLY_HELP, "soft"))
            self.end_gently_button = buttons.addButton(
                words.SAFETY_END_GENTLY, QDialogButtonBox.ButtonRole.AcceptRole
            )
            # Enter keeps the practice (it may have been opened only to read); ending is a choice.
            self.end_gently_button.setAutoDefault(False)
            close = buttons.button(QDialogButtonBox.StandardButton.Close)
            close.setDefault(True)
            close.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
