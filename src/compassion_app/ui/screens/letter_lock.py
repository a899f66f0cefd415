"""The passphrase pages: protect the letters, open them, change the passphrase.

Deriving the key takes a moment (Argon2id, 64 MiB) and happens only here, once per opening. The
page says before protecting, plainly, that a forgotten passphrase cannot be recovered.
"""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.store.errors import StoreError
from compassion_app.store.passphrase import (
    SealedCipher,
    change_passphrase,
    protect,
    unlock,
)
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label

log = logging.getLogger(__name__)

SHORTEST = 8


class Mode(Enum):
    PROTECT = "protect"
    UNLOCK = "unlock"
    CHANGE = "change"


class LockPage(QWidget):
    opened = Signal(object, str)  # the SealedCipher, and something to tell the person (or "")
    cancelled = Signal()

    def __init__(self, key_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = key_folder
        self.mode = Mode.UNLOCK
        self.heading = wrapped_label("", "heading")
        self.intro = wrapped_label("", "soft")
        self.old = _secret(messages.LETTER_PASSPHRASE_OLD)
        self.first = _secret(messages.LETTER_PASSPHRASE)
        self.again = _secret(messages.LETTER_PASSPHRASE_AGAIN)
        self.problem = wrapped_label("", "soft")
        self.confirm = Button("", self)
        self.confirm.setProperty("role", "primary")
        self.cancel = Button(messages.LETTER_CANCEL, self)
        self.cancel.setProperty("role", "link")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 60, 120, 40)
        layout.setSpacing(14)
        for widget in (self.heading, self.intro, self.old, self.first, self.again, self.problem):
            layout.addWidget(widget)
        layout.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.confirm.clicked.connect(self._confirm)
        self.cancel.clicked.connect(self.cancelled)
        for field in (self.old, self.first, self.again):
            field.returnPressed.connect(self._confirm)

    def ask(self, mode: Mode, intro: str | None = None) -> None:
        self.mode = mode
        words = {
            Mode.PROTECT: (messages.LETTER_PROTECT_HEADING, messages.LETTER_PROTECT_WARNING,
                           messages.LETTER_PROTECT_CONFIRM),
            Mode.UNLOCK: (messages.LETTER_UNLOCK_HEADING, messages.LETTER_UNLOCK_INTRO,
                          messages.LETTER_UNLOCK),
            Mode.CHANGE: (messages.LETTER_CHANGE_CONFIRM, messages.LETTER_PROTECT_WARNING,
                          messages.LETTER_CHANGE_CONFIRM),
        }[mode]  # fmt: skip
        self.heading.setText(words[0])
        self.intro.setText(intro or words[1])
        self.confirm.setText(words[2])
        self.old.setVisible(mode is Mode.CHANGE)
        self.first.setPlaceholderText(
            messages.LETTER_PASSPHRASE_NEW if mode is Mode.CHANGE else messages.LETTER_PASSPHRASE
        )
        self.again.setVisible(mode is not Mode.UNLOCK)
        self.cancel.setVisible(mode is not Mode.UNLOCK)
        for field in (self.old, self.first, self.again):
            field.clear()
        self.problem.setText("")
        (self.old if mode is Mode.CHANGE else self.first).setFocus()

    def _confirm(self) -> None:
        if self.mode is not Mode.UNLOCK:
            problem = _new_passphrase_problem(self.first.text(), self.again.text())
            if problem:
                self.problem.setText(problem)
                return
        try:
            cipher, told = self._act()
        except StoreError as error:  # a wrong passphrase, or a key file that cannot be read
            log.info("Passphrase step refused: %s", type(error).__name__)
            self.problem.setText(str(error))
            return
        for field in (self.old, self.first, self.again):
            field.clear()
        self.opened.emit(cipher, told)

    def _act(self) -> tuple[SealedCipher, str]:
        if self.mode is Mode.UNLOCK:
            return unlock(self._folder, self.first.text()), ""
        if self.mode is Mode.PROTECT:
            return protect(self._folder, self.first.text()), messages.LETTER_NOW_PROTECTED
        cipher = change_passphrase(self._folder, self.old.text(), self.first.text())
        return cipher, messages.LETTER_PASSPHRASE_CHANGED


def _new_passphrase_problem(first: str, again: str) -> str:
    if len(first) < SHORTEST:
        return messages.LETTER_PASSPHRASE_SHORT
    if first != again:
        return messages.LETTER_PASSPHRASES_DIFFER
    return ""


def _secret(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    field.setMaximumWidth(420)
    return field
