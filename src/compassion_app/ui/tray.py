"""The tray icon and its menu, when the desktop has a tray: a way back to the app at any moment.

The menu (`TrayMenu`) is a plain QMenu of actions, built whether or not a tray exists, so it can
be tested where there is none (offscreen). `Tray` puts it behind an icon when the desktop has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from compassion_app import messages as words
from compassion_app.core.library import SUGGESTED_FIRST, Library
from compassion_app.ui.desktop import DesktopChoices

if TYPE_CHECKING:
    from compassion_app.ui.main_window import MainWindow

SOOTHE_NOW = "soothe-now"  # a one-minute exercise of its own, when the library has one
SOOTHE_FALLBACK = SUGGESTED_FIRST
SOOTHE_MINUTES = 1


def soothe_practice(library: Library) -> tuple[str, int] | None:
    """The exercise and length "Soothe now" begins, or None when none fits."""
    for exercise_id in (SOOTHE_NOW, SOOTHE_FALLBACK):
        script = library.get(exercise_id)
        if script is not None and SOOTHE_MINUTES in script.minutes:
            return exercise_id, SOOTHE_MINUTES
    return None


class TrayMenu(QMenu):
    """Soothe now, Today's practice, Write a letter, Open, Quit: each brings the window forward."""

    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        soothe = soothe_practice(library)
        self.soothe = self._add(words.TRAY_SOOTHE, lambda: self._practise(soothe))
        self.soothe.setEnabled(soothe is not None)
        self.today = self._add(words.TRAY_TODAY, window.show_today)
        self.letter = self._add(words.TRAY_LETTER, window.show_letters)
        self.addSeparator()
        self.open = self._add(words.TRAY_OPEN, lambda: None)
        self.quit = self.addAction(words.TRAY_QUIT)
        self.quit.triggered.connect(window.quit_app)

    def _add(self, text: str, then: object) -> QAction:
        action = self.addAction(text)

        def forward_then() -> None:
            self._window.bring_forward()
            then()  # type: ignore[operator]

        action.triggered.connect(forward_then)
        return action

    def _practise(self, practice: tuple[str, int] | None) -> None:
        if practice is not None and not self._window.practising:
            self._window.start_practice(*practice)


class Tray:
    """The icon in the tray, with the menu; it also says whether closing the window keeps the
    app running (only when the person chose so)."""

    def __init__(self, window: MainWindow, library: Library, choices: DesktopChoices) -> None:
        self.menu = TrayMenu(window, library)
        self._choices = choices
        self.icon = QSystemTrayIcon(app_icon(), window)
        self.icon.setToolTip(words.TRAY_TOOLTIP)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._window = window
        self.icon.show()
        QApplication.setQuitOnLastWindowClosed(not choices.settings.keep_in_tray)
        choices.changed.connect(
            lambda settings: QApplication.setQuitOnLastWindowClosed(not settings.keep_in_tray)
        )

    @property
    def keeps_app(self) -> bool:
        return self._choices.settings.keep_in_tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:  # a plain click: the window
            self._window.bring_forward()


def install_tray(window: MainWindow, library: Library, choices: DesktopChoices) -> Tray | None:
    """A tray icon when the desktop has a tray; None when it has not (the window carries on)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return Tray(window, library, choices)


def app_icon() -> QIcon:
    """The app's own icon when it has one (the installed app sets it), else a calm stock one."""
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
    return icon
