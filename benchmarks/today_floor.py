"""A second floor: Today's widgets in plain Qt, with the app's style sheet and no app code.

    python benchmarks/startup_probe.py today-floor STYLE_SHEET_FILE

What the first picture of Today costs Qt itself: the same kinds and numbers of widgets (the tab
row, the practice card with its two boxes and buttons, the path card, the two figure cards, the
list of recent practices, the footer), in the window's size, styled by the app's own style sheet
(written to a file by startup.py, so this child imports none of our modules), and Qt's `Qt`
namespace, which any screen that aligns or focuses anything builds. The app's start-up minus this
floor's is what our own code costs before the first paint.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(style_sheet: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QBoxLayout,
        QComboBox,
        QFrame,
        QGridLayout,
        QHBoxLayout,
        QLabel,
        QListWidget,
        QMainWindow,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    def label(text: str, role: str) -> QLabel:
        shown = QLabel(text)
        shown.setProperty("role", role)
        shown.setWordWrap(True)
        return shown

    def button(text: str, role: str | None = None) -> QPushButton:
        pressed = QPushButton(text)
        if role:
            pressed.setProperty("role", role)
        return pressed

    def card(layout: QBoxLayout | QGridLayout) -> QFrame:
        frame = QFrame()
        frame.setProperty("role", "card")
        frame.setLayout(layout)
        return frame

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Today floor")
    window.setStyleSheet(style_sheet.read_text(encoding="utf-8"))
    central = QWidget()
    page = QVBoxLayout(central)
    tabs = QHBoxLayout()
    for name in ("Today", "Progress", "Letters", "Settings"):
        tab = button(name, "tab")
        tab.setCheckable(True)
        tabs.addWidget(tab)
    tabs.addStretch(1)
    page.addLayout(tabs)
    page.addWidget(label("Good afternoon", "heading"))

    practice = QGridLayout()
    exercises, minutes = QComboBox(), QComboBox()
    for number in range(6):
        exercises.addItem(f"Exercise {number}", number)
    for length in (3, 5, 10, 15, 20):
        minutes.addItem(f"{length} min", length)
    practice.addWidget(label("Today's practice", "title"), 0, 0)
    practice.addWidget(exercises, 0, 1, 1, 2)
    summary = "A few words about the exercise, long enough to run over a line or two of the card."
    practice.addWidget(label(summary, "soft"), 1, 0, 1, 3)
    practice.addWidget(minutes, 2, 1)
    practice.addWidget(button("Begin", "primary"), 2, 2)
    practice.addWidget(button("Save as audio…"), 2, 3)
    page.addWidget(card(practice))

    path = QVBoxLayout()
    path.addWidget(label("A four-week path", "title"))
    path.addWidget(label("A short invitation, in a sentence or two.", "soft"))
    path.addWidget(button("Join the path"))
    page.addWidget(card(path))

    figures = QHBoxLayout()
    for title in ("Minutes today", "Practice run"):
        figure = QVBoxLayout()
        figure.addWidget(label(title, "title"))
        figure.addWidget(label("0", "figure"))
        figures.addWidget(card(figure))
    page.addLayout(figures)

    recent = QVBoxLayout()
    recent.addWidget(label("Recent practices", "title"))
    practices = QListWidget()
    practices.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    recent.addWidget(practices)
    page.addWidget(card(recent), 1)

    footer = QHBoxLayout()
    footer.addWidget(label("This is not therapy.", "soft"), 1)
    footer.addWidget(button("Support and safety", "link"))
    page.addLayout(footer)

    window.setCentralWidget(central)
    window.resize(900, 680)  # the app's size
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
