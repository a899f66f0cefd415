"""Settings' "Your own exercises": where the folder is, a way to open it, the guide to writing one,
and each file there with a ✓ or, in plain words, what to change (file, line, field, expected).

The list follows the folder as it changes (ui/own_exercises.py tells the card).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.core.library import OwnFile
from compassion_app.ui.own_exercises import OwnExercises
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label


class OwnExercisesCard(QFrame):
    def __init__(self, own: OwnExercises, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._own = own
        self.folder = wrapped_label(str(own.folder))
        self.folder.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.folder.setAccessibleName(messages.OWN_FOLDER_ACCESSIBLE)
        self.open_button = Button(messages.OWN_OPEN_FOLDER, self)
        self.help_button = Button(messages.OWN_HOW_TO, self, role="link")
        self.note = wrapped_label("", "soft")  # when the folder could not be made or opened
        self.note.hide()
        self.files: list[QLabel] = []  # one line a file, as shown
        self._file_rows = QVBoxLayout()
        self._build()
        self.open_button.clicked.connect(self.open_folder)
        self.help_button.clicked.connect(self.show_help)
        own.changed.connect(self.show_files)
        self.show_files()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.addWidget(wrapped_label(messages.OWN_CARD, "title"))
        layout.addWidget(wrapped_label(messages.OWN_INTRO, "soft"))
        layout.addWidget(self.folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addLayout(self._file_rows)

    def show_files(self) -> None:
        for label in self.files:
            self._file_rows.removeWidget(label)
            label.hide()  # at once: deleteLater waits for the event loop
            label.deleteLater()
        found = self._own.library.own_files()
        self.files = [_file_line(file) for file in found] or [
            wrapped_label(messages.OWN_NONE_YET, "soft")
        ]
        for label in self.files:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._file_rows.addWidget(label)
            label.show()  # at once, not when the event loop next runs

    def open_folder(self) -> None:
        """Make the folder if it is new, and open it in the system's file manager (no network:
        a local file URL)."""
        if not self._own.make_folder():
            self._say(messages.OWN_FOLDER_NOT_MADE)
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._own.folder))):
            self._say(messages.OWN_FOLDER_NOT_OPENED)
        else:
            self.note.hide()

    def show_help(self) -> None:
        from compassion_app.ui.screens.writing_help import WritingHelp

        self.help = WritingHelp(self.window())
        self.help.finished.connect(self.help.deleteLater)  # a new one each time
        self.help.open()

    def _say(self, words: str) -> None:
        self.note.setText(words)
        self.note.show()


def _file_line(file: OwnFile) -> QLabel:
    if file.script is not None:
        return wrapped_label(messages.OWN_READY.format(file=file.name, title=file.script.title))
    return wrapped_label(messages.OWN_NOT_READY.format(problem=file.problem))
