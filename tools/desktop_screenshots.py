"""Screenshots of the first-run welcome, of Today and Settings in the light and dark themes, of
Today on the first step of the four-week path, and of Settings' "Your own exercises".

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/desktop_screenshots.py docs

A real window on an X server, a fresh store in a temporary folder (so the welcome shows), no sound.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound

OWN = """\
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
    store = Store.open(Path(folder.name) / "store.json")
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
    window.show()

    def settle() -> None:
        for _ in range(40):
            app.processEvents()
            time.sleep(0.01)

    settle()
    window.welcome_if_new()
    settle()
    window.grab().save(str(out / "screenshot-welcome.png"))
    window.welcome.skip_button.click()
    for theme in ("light", "dark"):
        window.desktop.choose(replace(window.desktop.settings, theme=theme))
        window.show_today()
        settle()
        window.grab().save(str(out / f"screenshot-today-{theme}.png"))
        window.show_settings()
        window.settings_screen.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
        settle()
        window.grab().save(str(out / f"screenshot-settings-{theme}.png"))
    window.desktop.choose(replace(window.desktop.settings, theme="light"))
    window.show_today()
    window.today.path_card.join_button.click()  # the first step of the four-week path
    settle()
    window.grab().save(str(out / "screenshot-today-path.png"))
    own = Path(folder.name) / "exercises"  # the person's own exercises: one ready, one to mend
    own.mkdir()
    (own / "evening-kindness.toml").write_text(OWN, encoding="utf-8")
    draft = OWN.replace("evening-kindness", "morning-draft")
    (own / "morning-draft.toml").write_text(
        draft.replace("per_minute = 6", "per_minute = 30"), encoding="utf-8"
    )
    window.own_exercises.look_again()
    window.notices.clear()
    window.show_settings()
    window.settings_screen.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
    settle()
    window.grab().save(str(out / "screenshot-own-exercises.png"))
    window.close()
    store.close()
    folder.cleanup()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
