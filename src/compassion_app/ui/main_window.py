"""The main window: Today and the practice screen in one calm window, with a place for notices."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from compassion_app.core.library import Library
from compassion_app.core.records import PracticeRecord
from compassion_app.core.timeline import SAMPLE_RATE, build_timeline
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError
from compassion_app.ui.practice_controller import PracticeController, StartSound
from compassion_app.ui.screens.practice import PracticeScreen
from compassion_app.ui.screens.safety import SafetyDialog
from compassion_app.ui.screens.today import TodayScreen
from compassion_app.ui.sound import start_sound as start_real_sound
from compassion_app.ui.sound import voice_clip_seconds
from compassion_app.ui.style import STYLESHEET
from compassion_app.ui.widgets.notice import NoticeArea

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        library: Library,
        start_sound: StartSound = start_real_sound,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Compassion Companion")
        self.setStyleSheet(STYLESHEET)
        self.resize(900, 680)
        self._store = store
        self._library = library
        self._start_sound = start_sound
        self._now = now
        self.notices = NoticeArea(self)
        self.today = TodayScreen(store, library)
        self.practice = PracticeScreen()
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.today)
        self.screens.addWidget(self.practice)
        central = QWidget(self)
        central.setObjectName("screen")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.notices)
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)
        self.today.practice_requested.connect(self.start_practice)
        self.today.safety_requested.connect(self.show_safety)
        self.practice.safety_requested.connect(self.show_safety)
        self.practice.back_to_today.connect(self.show_today)

    def show_notice(self, text: str) -> None:
        self.notices.show_notice(text)

    def library_problems(self) -> list[str]:
        return self._library.problems

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_today(self) -> None:
        self.today.refresh()
        self.screens.setCurrentWidget(self.today)
        self.today.begin_button.setFocus()

    def show_safety(self) -> None:
        SafetyDialog(self).open()

    def start_practice(self, exercise_id: str, minutes: int) -> None:
        script = self._library.get(exercise_id)
        if script is None:
            return
        timeline = build_timeline(script, minutes, SAMPLE_RATE, voice_clip_seconds(SAMPLE_RATE))
        controller = PracticeController(timeline, self._start_sound, self._now, parent=self)
        controller.finished.connect(self._save)
        self.screens.setCurrentWidget(self.practice)
        self.practice.begin(controller)

    def _save(self, record: PracticeRecord) -> None:
        try:
            self._store.add_practice(record)
        except StoreError as error:
            log.error("Practice not saved: %s", error)
            self.show_notice(str(error))
        self.today.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        controller = self.practice.controller
        if controller is not None:
            controller.end_early()  # a practice cut short by closing still counts
            controller.close()
        super().closeEvent(event)
