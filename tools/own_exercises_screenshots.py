"""A screenshot of Settings' "Your own exercises", with one file ready and one to mend.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/own_exercises_screenshots.py docs

A real window on an X server, a fresh data folder in a temporary folder, no sound.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from compassion_app.core.library import load_library
from compassion_app.paths import DataPaths, resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound

MINE = """\
id = "evening-kindness"
title = "An evening kindness"
kind = "breathing"
summary = "A few slow breaths, and one kind thing from the day."
minutes = [3, 5]
default_minutes = 3
ambient = "rain"

[breathing]
per_minute = 6
begin = 10
end_before = 30

[[cue]]
at = "start"
offset = 2
text = "Welcome back. Let the rain keep you company for a few breaths."

[[cue]]
at = "end"
offset = 15
text = "You might remember one kind thing from today, however small."
"""


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    folder = tempfile.TemporaryDirectory()
    paths = DataPaths(Path(folder.name))
    paths.exercises.mkdir()
    (paths.exercises / "evening-kindness.toml").write_text(MINE, encoding="utf-8")
    draft = MINE.replace("evening-kindness", "morning-draft").replace(
        "per_minute = 6", "per_minute = 30"
    )
    (paths.exercises / "morning-draft.toml").write_text(draft, encoding="utf-8")
    store = Store.open(paths.store)
    library = load_library(resource_path("scripts"), own_folder=paths.exercises)
    window = MainWindow(store, library, no_sound)
    window.show()

    def settle() -> None:
        for _ in range(40):
            app.processEvents()
            time.sleep(0.01)

    settle()
    window.notices.clear()
    window.show_settings()
    settle()
    window.settings_screen.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
    settle()
    window.grab().save(str(out / "screenshot-own-exercises.png"))
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
