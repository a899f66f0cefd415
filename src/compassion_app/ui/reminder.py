"""The daily reminder in the window: a timer that asks core.reminder, a tray note or a banner.

Where the desktop has a system tray, the reminder is a tray notification (its menu offers "Later"
and "Not today"); otherwise it is a quiet banner at the top of the window with the same choices.
The timer looks once a minute: cheap, and right again after the computer wakes or the clocks
change. Tests hand in a fake clock and call `check()` themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
)

from compassion_app import messages
from compassion_app.core import reminder
from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
from compassion_app.core.reminder import ReminderMemory
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError

CHECK_EVERY_MS = 60_000

log = logging.getLogger(__name__)


class ReminderBanner(QFrame):
    """The quiet banner: an invitation and three choices, hidden until it is needed."""

    begin = Signal()
    later = Signal()
    not_today = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "notice")
        self.setAccessibleName(messages.REMINDER_TITLE)
        row = QHBoxLayout(self)
        self.words = QLabel(messages.REMINDER_TEXT)
        self.words.setWordWrap(True)
        row.addWidget(self.words, 1)
        self.buttons = {}
        for name, words, signal in (
            ("begin", messages.REMINDER_BEGIN, self.begin),
            ("later", messages.REMINDER_LATER, self.later),
            ("not_today", messages.REMINDER_NOT_TODAY, self.not_today),
        ):
            button = QPushButton(words, self)
            button.clicked.connect(signal)
            self.buttons[name] = button
            row.addWidget(button)
        self.hide()


class DailyReminder(QObject):
    """Offers the day's reminder once it is due; remembers what the person chose."""

    offered = Signal()
    begin_requested = Signal()

    def __init__(
        self,
        store: Store,
        banner: ReminderBanner,
        now: Callable[[], datetime] = datetime.now,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.banner = banner
        self._now = now
        self._tray_available = tray_available
        self._busy = busy  # during a practice nothing may pull attention away; ask next minute
        self._tray: QSystemTrayIcon | None = None
        self.memory = ReminderMemory.from_dict(store.get_setting(reminder.MEMORY_KEY, {}))
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        banner.begin.connect(self._begin)
        banner.later.connect(self.later)
        banner.not_today.connect(self.not_today)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Offer the reminder if it is on, its time has come and today has no practice yet."""
        now = self._now()
        settings = ProgressSettings.from_dict(self._store.get_setting(STORE_KEY, {}))
        if not settings.reminder or self._busy():
            return
        practised = bool(self._store.practices_on(now.date()))
        if practised:
            self.banner.hide()
        if reminder.due(self.memory, settings.reminder_at, now, practised):
            self._remember(reminder.offered(self.memory, now))
            self._offer()

    def later(self) -> None:
        self.banner.hide()
        self._remember(reminder.later(self.memory, self._now()))

    def not_today(self) -> None:
        self.banner.hide()
        self._remember(reminder.not_today(self.memory, self._now()))

    def _offer(self) -> None:
        if self._tray_available():
            tray = self._tray or self._make_tray()
            tray.showMessage(messages.REMINDER_TITLE, messages.REMINDER_TEXT)
        else:
            self.banner.show()
        self.offered.emit()

    def _begin(self) -> None:
        self.banner.hide()
        self.begin_requested.emit()

    def _make_tray(self) -> QSystemTrayIcon:
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self._tray = QSystemTrayIcon(icon, self)
        menu = QMenu()
        menu.addAction(messages.REMINDER_BEGIN, self._begin)
        menu.addAction(messages.REMINDER_LATER, self.later)
        menu.addAction(messages.REMINDER_NOT_TODAY, self.not_today)
        self._tray.setContextMenu(menu)
        self._tray.messageClicked.connect(self._begin)
        self._tray.show()
        return self._tray

    def _remember(self, memory: ReminderMemory) -> None:
        self.memory = memory  # kept in memory even if the disk refuses: still one nudge a day
        try:
            self._store.set_setting(reminder.MEMORY_KEY, memory.to_dict())
        except StoreError as error:
            # Nothing the person did is lost; at worst a restart offers the reminder once more.
            log.warning("The reminder's memory could not be saved: %s", error)
