"""Screenshots of the Letters room for the docs, in the real window on a real X display.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/letter_screenshots.py docs/

A fresh data folder gets three sample letters; the window then shows the editor with a template's
prompts, the archive, and the reading mode with the gentle second look, and each is captured from
the X display itself (the same pixels a person would see, window frame aside).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtWidgets import QApplication  # noqa: E402

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.core.library import load_library  # noqa: E402
from compassion_app.paths import resource_path  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.ui.main_window import MainWindow  # noqa: E402
from compassion_app.ui.sound import no_sound  # noqa: E402

SAMPLES = [
    (
        "After the hard meeting",
        "Dear me,\n\nThat meeting was hard, and you should never have had to sit through it "
        "alone. It makes sense that your chest felt tight.\n\nSo much of this is not your fault. "
        "You were doing your best with what you knew.\n\nTonight, maybe a warm drink and an "
        "early night. That is enough.",
        True,
    ),
    ("To the critic", "Dear critic,\n\nI know you are trying to keep me safe.", False),
    ("A walk in the rain", "Dear friend,\n\nThe rain was soft today.", True),
]


def settle(app: QApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def capture(app: QApplication, window: MainWindow, path: Path) -> None:
    settle(app)
    screen = app.primaryScreen()
    geometry = window.frameGeometry()
    screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height()).save(
        str(path)
    )
    print(path)


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "compassion-companion.json")
        now = datetime.now(UTC)
        for days, (title, body, finished) in enumerate(SAMPLES):
            when = now - timedelta(days=3 * days + 1)
            store.save_letter(Letter(title, body, when, when, finished=finished))
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.resize(1100, 720)
        window.move(40, 30)
        window.show()
        window.show_letters()
        letters = window.letters
        capture(app, window, out / "screenshot-letters-archive.png")
        letters.begin_letter("compassionate-self", timer_minutes=10)
        letters.editor.title.setText("For a tired evening")
        letters.editor.body.insertPlainText(
            "This week asked a lot of you. It makes sense that you feel worn out; anyone would."
        )
        capture(app, window, out / "screenshot-letters-editor.png")
        letters.editor.leave()
        hard = next(each for each in store.letters() if each.title == SAMPLES[0][0])
        letters.open_letter(hard.letter_id)  # its words show the second look at work
        letters.reader.second_look.setChecked(True)
        letters.reader.show_next()
        capture(app, window, out / "screenshot-letters-reading.png")
        window.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs"))
