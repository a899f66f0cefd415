"""The letters kept so far, newest first, with a search over every word; and how to begin one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compassion_app import messages
from compassion_app.core.critic_notes import is_critic_note
from compassion_app.core.letter_templates import TEMPLATES
from compassion_app.core.letters import LetterSummary
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.text import wrapped_label
from compassion_app.ui.widgets.wheel_guard import guard_wheel

TIMER_CHOICES = (0, 5, 10, 15, 20)  # minutes; 0 is no timer


class LetterArchive(QWidget):
    begin_requested = Signal()
    open_requested = Signal(str)  # letter id
    export_all_requested = Signal()
    protect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = wrapped_label(messages.LETTERS_HEADING, "heading")
        self.intro = wrapped_label(messages.LETTERS_INTRO, "soft")
        self.begin_button = Button(messages.LETTERS_NEW, self)
        self.begin_button.setProperty("role", "primary")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(messages.LETTERS_SEARCH)
        self.search.setAccessibleName(messages.LETTERS_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("letters")
        self.list.setAccessibleName(messages.LETTERS_HEADING)  # what Tab lands on: the letters
        self.list.setAccessibleDescription(messages.LETTERS_LIST_KEYS)
        self.empty = wrapped_label(messages.LETTERS_EMPTY, "soft")
        self.export_button = Button(messages.LETTER_EXPORT_ALL, self)
        self.export_button.setProperty("role", "link")
        self.protect_button = Button(messages.LETTER_PROTECT, self)
        self.protect_button.setProperty("role", "link")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 20)
        layout.setSpacing(14)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.begin_button)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        card = QFrame(self)
        card.setProperty("role", "card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(16, 8, 16, 8)
        inside.addWidget(self.list)
        self.list_card = card
        layout.addWidget(card, 1)
        # With no letters the card is hidden and its stretch with it: this takes the room
        # instead, so the words stay together at the top rather than spread down the page.
        layout.addStretch(0)
        links = QHBoxLayout()
        links.addWidget(self.protect_button)
        links.addStretch(1)
        links.addWidget(self.export_button)
        layout.addLayout(links)
        self.begin_button.clicked.connect(self.begin_requested)
        self.export_button.clicked.connect(self.export_all_requested)
        self.protect_button.clicked.connect(self.protect_requested)
        # One click opens a letter, as a link would; Enter does too (activated).
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)

    def show_summaries(self, summaries: list[LetterSummary], searching: bool = False) -> None:
        self.list.clear()
        for summary in summaries:
            item = QListWidgetItem(describe(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.letter_id)
            self.list.addItem(item)
        self.empty.setText(messages.LETTERS_NO_MATCH if searching else messages.LETTERS_EMPTY)
        self.empty.setVisible(not summaries)
        self.list_card.setVisible(bool(summaries))
        self.export_button.setVisible(bool(summaries) and not searching)

    def titles(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        if not self.isVisible():
            return  # the double click's second half, after the letter has opened
        self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))


def describe(summary: LetterSummary) -> str:
    """One line of the archive: title, the day it was last written in, draft or finished (or
    a critic note)."""
    when = summary.updated_utc.astimezone().strftime("%a %d %b %Y")
    state = messages.LETTER_FINISHED if summary.finished else messages.LETTER_DRAFT
    if is_critic_note(summary):
        state = messages.CRITIC_NOTE_MARK
    parts = [summary.title.strip() or messages.LETTER_UNTITLED, when, state]
    if summary.versions > 1:
        parts.append(messages.LETTER_VERSIONS.format(count=summary.versions))
    return "  ·  ".join(parts)


class LetterChooser(QWidget):
    """How to begin: one of the four ways in, or a blank page; a gentle timer if wanted."""

    chosen = Signal(object, int, bool)  # template id (None: blank), timer minutes, breathe first
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 20)
        layout.setSpacing(12)
        self.back_button = Button(messages.LETTER_BACK, self)
        self.back_button.setProperty("role", "link")
        self.back_button.clicked.connect(self.back_requested)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(wrapped_label(messages.LETTER_CHOOSE_HEADING, "heading"))
        self.buttons: dict[str | None, Button] = {}
        choices: list[tuple[str | None, str, str]] = [
            (each.template_id, each.title, each.summary) for each in TEMPLATES
        ]
        choices.append((None, messages.LETTER_BLANK_TITLE, messages.LETTER_BLANK_SUMMARY))
        for template_id, title, summary in choices:
            layout.addWidget(self._choice(template_id, title, summary))
        timer_row = QHBoxLayout()
        timer_row.addWidget(wrapped_label(messages.LETTER_TIMER_LABEL, "soft"))
        self.timer = QComboBox(self)
        self.timer.setAccessibleName(messages.LETTER_TIMER_LABEL)
        guard_wheel(self.timer)  # scrolling the page must not change the timer on the way
        for minutes in TIMER_CHOICES:
            words = (
                messages.LETTER_TIMER_MINUTES.format(minutes=minutes)
                if minutes
                else messages.LETTER_TIMER_NONE
            )
            self.timer.addItem(words, minutes)
        timer_row.addWidget(self.timer)
        timer_row.addStretch(1)
        layout.addLayout(timer_row)
        self.breathe_first = QCheckBox(messages.LETTER_BREATHE_FIRST, self)
        self.breathe_first.hide()  # offered only where the practice engine is at hand
        layout.addWidget(self.breathe_first)
        layout.addStretch(1)

    def _choice(self, template_id: str | None, title: str, summary: str) -> QFrame:
        card = QFrame(self)
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(18, 10, 18, 10)
        words = QVBoxLayout()
        words.addWidget(wrapped_label(title, "title"))
        words.addWidget(wrapped_label(summary, "soft"))
        row.addLayout(words, 1)
        button = Button(messages.LETTERS_NEW, card)
        button.setAccessibleName(title)
        button.clicked.connect(lambda: self._choose(template_id))
        row.addWidget(button)
        self.buttons[template_id] = button
        return card

    def _choose(self, template_id: str | None) -> None:
        breathe = self.breathe_first.isVisible() and self.breathe_first.isChecked()
        self.chosen.emit(template_id, self.timer.currentData(), breathe)
