"""Today's history is read after the window's first picture, as the code promises."""

from PySide6.QtCore import QEvent, QObject

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.screens.today import TodayScreen
from compassion_app.ui.sound import no_sound


class PaintWatcher(QObject):
    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.seen.append("paint")
        return False


def test_today_is_refreshed_only_after_it_is_first_painted(qtbot, tmp_path, monkeypatch):
    seen = []
    original = TodayScreen.refresh

    def refresh(screen):
        seen.append("refresh")
        original(screen)

    monkeypatch.setattr(TodayScreen, "refresh", refresh)
    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        watcher = PaintWatcher(seen)
        window.today.installEventFilter(watcher)
        window.show()
        qtbot.waitUntil(lambda: "refresh" in seen)
        assert seen[0] == "paint"
        assert seen.index("refresh") > seen.index("paint")
        assert window.today.streak.text() == "Ready when you are"  # and it did run
        window.today.removeEventFilter(watcher)
