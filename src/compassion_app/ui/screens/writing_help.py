"""How to write an exercise: the format guide bundled with the app, shown in a window of its own.

The one copy of the text is assets/help/writing-exercises.md (the repository's docs link to it).
Nothing here reaches the network: the text is local, and links are not followed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.paths import resource_path

GUIDE = ("help", "writing-exercises.md")


class WritingHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.OWN_HELP_TITLE)
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(messages.OWN_HELP_TITLE)  # what Tab lands on first: the guide
        try:
            self.text.setMarkdown(resource_path(*GUIDE).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # a copy of the app without its help: say so plainly
            self.text.setPlainText(messages.OWN_HELP_MISSING)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(self)
        buttons.addButton(messages.OWN_HELP_CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
