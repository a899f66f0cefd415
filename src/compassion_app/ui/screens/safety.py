"""Support and safety: what this app is and is not, a short grounding, and where to find help.

Opened during a practice it also offers "End gently": the practice screen then leads a short
grounding before the end screen (ui/widgets/grounding.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages as words
from compassion_app.ui.widgets.text import wrapped_label


class SafetyDialog(QDialog):
    """Accepted (`accepted`) only by "End gently"; Close, Esc and the window's X reject it."""

    def __init__(self, parent: QWidget | None = None, in_practice: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.SUPPORT_AND_SAFETY)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.text = QLabel(words.SAFETY_TEXT, self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The words scroll if they must: with large text on a small screen, every crisis line
        # can still be read, and the buttons stay in sight below them.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
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
        self._fit_words(layout)

    def _fit_words(self, layout: QVBoxLayout) -> None:
        """Wide enough for easy lines at the person's text size, tall enough for all the words,
        but never taller than the screen (the words then scroll)."""
        self.ensurePolished()  # the style sheet's sizes first: they decide the words' height
        self.text.ensurePolished()
        margins = layout.contentsMargins()
        width = max(520, 64 * self.fontMetrics().averageCharWidth())
        inner = width - margins.left() - margins.right()
        others = layout.sizeHint().height() - self.text.sizeHint().height()
        height = self.text.heightForWidth(inner) + max(0, others) + 8
        screen = self.screen()
        if screen is not None:
            height = min(height, int(screen.availableGeometry().height() * 0.9))
        self.resize(width, height)
