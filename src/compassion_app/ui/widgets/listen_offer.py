"""The gentle offer, as a breathing practice opens: "Let the app listen to your breathing?"

It never stops the practice: the circle leads as usual while the offer waits, and "Not now"
is as easy as "Yes". The promise beside it is the plain truth of what listening means here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.ui.widgets.button import Button


class ListenOffer(QFrame):
    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.question = QLabel(words.BREATH_LISTEN_QUESTION)
        self.question.setProperty("role", "title")
        self.promise = QLabel(words.BREATH_LISTEN_PROMISE)
        self.promise.setProperty("role", "soft")
        self.promise.setWordWrap(True)
        self.yes_button = Button(words.BREATH_LISTEN_YES, self)
        self.no_button = Button(words.BREATH_LISTEN_NO, self, role="link")
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.promise)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.no_button)
        buttons.addWidget(self.yes_button)
        layout.addLayout(buttons)
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        self.hide()
