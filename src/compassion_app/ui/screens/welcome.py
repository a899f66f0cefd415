"""The first-run welcome: what the app is, that it is private, where support is, and an
invitation to a first minute of breathing. Shown once, and only to someone new here."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.core.library import SUGGESTED_FIRST, Library
from compassion_app.store.db import Store
from compassion_app.ui.desktop import DesktopChoices
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label

FIRST_PRACTICE = (SUGGESTED_FIRST, 1)  # exercise id, minutes


def is_new_here(store: Store, choices: DesktopChoices) -> bool:
    """Nobody has been welcomed in this folder, and nothing has been practised in it yet."""
    return not choices.settings.welcomed and not store.has_practices()


def remember_welcomed(choices: DesktopChoices) -> bool:
    return choices.choose(replace(choices.settings, welcomed=True))


def first_practice(library: Library) -> tuple[str, int] | None:
    exercise_id, minutes = FIRST_PRACTICE
    script = library.listed(exercise_id)  # played only when chosen, laid out then (get)
    if script is None or minutes not in script.minutes:
        return None
    return exercise_id, minutes


class WelcomeScreen(QWidget):
    first_practice_requested = Signal()
    skipped = Signal()
    safety_requested = Signal()

    def __init__(self, offer_practice: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.try_button = Button(words.WELCOME_TRY, self, role="primary")
        self.skip_button = Button(words.WELCOME_SKIP, self)
        self.safety_link = Button(words.SUPPORT_AND_SAFETY, self, role="link")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 28)
        layout.setSpacing(16)
        layout.addWidget(wrapped_label(words.WELCOME_HEADING, "heading"))
        for text in (words.WELCOME_WHAT, words.WELCOME_PRIVATE, words.WELCOME_SAFETY):
            layout.addWidget(wrapped_label(text))
        # Imported here: importing `Qt` builds all its enums (about 14 ms), which a start that
        # shows no welcome (everyone's, after the first) need not wait for.
        from PySide6.QtCore import Qt

        layout.addWidget(self.safety_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.invitation = wrapped_label(words.WELCOME_INVITE)
        layout.addWidget(self.invitation)
        row = QHBoxLayout()
        row.addWidget(self.try_button)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.try_button.setVisible(offer_practice)
        self.invitation.setVisible(offer_practice)
        self.try_button.clicked.connect(self.first_practice_requested)
        self.skip_button.clicked.connect(self.skipped)
        self.safety_link.clicked.connect(self.safety_requested)
        QWidget.setTabOrder(self.safety_link, self.try_button)
        QWidget.setTabOrder(self.try_button, self.skip_button)
