"""The optional two-line note on the end screen of "Noticing the critic".

What the critic said, and what the compassionate self might say back. Never required: "Not now"
puts it away with nothing kept. Words typed are kept with the letters when "Keep this note" is
pressed, or when the end screen is left (`keep_unsaved`), so they are never lost by moving on.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.core.critic_notes import critic_note, note_body
from compassion_app.core.letters import Letter
from compassion_app.store.errors import StoreError
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label

log = logging.getLogger(__name__)


class NoteShelf(Protocol):
    """What the note needs of the store: the letters' own saving (and sealing)."""

    def save_letter(self, letter: Letter) -> None: ...  # StoreError says why it failed
    def letters_locked(self) -> bool: ...  # behind a passphrase not yet given


class CriticNotePanel(QFrame):
    save_failed = Signal(str)  # a save on leaving failed: words for the window's notices

    def __init__(self, shelf: NoteShelf | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._shelf = shelf
        self.note: Letter | None = None  # the note being written, once a save was tried
        self._kept_body: str | None = None  # its words as last saved
        self.invite = wrapped_label(messages.CRITIC_NOTE_INVITE, "")
        self.said = self._field(messages.CRITIC_NOTE_SAID_HINT, messages.CRITIC_NOTE_SAID)
        self.reply = self._field(messages.CRITIC_NOTE_REPLY_HINT, messages.CRITIC_NOTE_REPLY)
        self.keep_button = Button(messages.CRITIC_NOTE_KEEP, self)
        self.skip_button = Button(messages.CRITIC_NOTE_SKIP, self, role="link")
        self.status = wrapped_label("", "soft")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.invite)
        self.fields = QWidget(self)
        inside = QVBoxLayout(self.fields)
        inside.setContentsMargins(0, 0, 0, 0)
        for label, field in (
            (messages.CRITIC_NOTE_SAID, self.said),
            (messages.CRITIC_NOTE_REPLY, self.reply),
        ):
            inside.addWidget(QLabel(label, self.fields))
            inside.addWidget(field)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.keep_button)
        inside.addLayout(row)
        layout.addWidget(self.fields)
        layout.addWidget(self.status)
        self.keep_button.clicked.connect(self.keep)
        self.skip_button.clicked.connect(self.skip)
        self.hide()

    def _field(self, hint: str, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(hint)
        field.setAccessibleName(name)
        return field

    def offer(self) -> None:
        """Show the invitation with empty lines (or, behind an unopened passphrase, say why a
        note cannot be kept just now, before anyone writes one)."""
        self.withdraw()
        self.status.setText("")
        locked = self._locked()
        # Behind the passphrase, no invitation to write what cannot be kept: only the why.
        self.invite.setVisible(not locked)
        self.fields.setVisible(not locked)
        self.skip_button.show()
        if locked:
            self.status.setText(messages.CRITIC_NOTE_LOCKED)
        self.show()

    def withdraw(self) -> None:
        """Not offered (another practice): hidden, holding nothing."""
        self.note, self._kept_body = None, None
        self.said.clear()
        self.reply.clear()
        self.hide()

    def keep(self) -> bool:
        """Keep the note (again, if changed); the status says truly whether it was kept."""
        if not (self.said.text().strip() or self.reply.text().strip()):
            self.status.setText(messages.CRITIC_NOTE_EMPTY)
            return False
        error = self._save()
        self.status.setText(
            messages.CRITIC_NOTE_KEPT
            if error is None
            else messages.CRITIC_NOTE_NOT_KEPT.format(reason=error)
        )
        if error is None:
            self.skip_button.hide()  # kept: nothing left to decline
        return error is None

    def keep_unsaved(self) -> None:
        """The end screen is being left: words typed and not yet kept are kept now."""
        if self.isHidden() or self.fields.isHidden() or not self._unsaved():
            return
        error = self._save()
        if error is not None:
            self.save_failed.emit(messages.CRITIC_NOTE_NOT_KEPT.format(reason=error))

    def skip(self) -> None:
        """Declined: put away, nothing kept."""
        self.withdraw()

    def _unsaved(self) -> bool:
        body = note_body(self.said.text(), self.reply.text())
        return body != (self._kept_body or "")

    def _save(self) -> str | None:
        """Save through the letters' own path (sealed when they are); None, or the reason.

        The note keeps one id from its first save on: a failed save leaves it waiting in the
        store, and the next one replaces it there instead of adding a second note.
        """
        if self._shelf is None:
            return messages.CRITIC_NOTE_LOCKED
        self.note = critic_note(self.said.text(), self.reply.text(), kept=self.note)
        try:
            self._shelf.save_letter(self.note)
        except StoreError as error:
            log.error("Critic note not saved: %s", error)
            return str(error)
        self._kept_body = self.note.body
        return None

    def _locked(self) -> bool:
        return self._shelf is None or self._shelf.letters_locked()
