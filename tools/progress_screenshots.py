"""Screenshots of the progress screen with a year of varied practice, light and dark, for docs/.

    xvfb-run -a -s "-screen 0 1280x1600x24" .venv/bin/python tools/progress_screenshots.py

A fresh data folder is filled through the store's own API with a made-up year: most days a practice
or two of different lengths, a quieter stretch in the summer, a few rest days, check-ins in which
the critic slowly softens, and three letters. The real main window opens on a real X display
(QT_QPA_PLATFORM=xcb under Xvfb), goes to Progress, and each picture is the window as drawn.
Dark is the progress screen under a dark palette without the light style sheet: how its painted
pictures read for someone whose desktop is dark (the app's own dark theme is a separate piece).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtGui import QColor, QPalette  # noqa: E402 - after choosing the platform
from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: E402

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.core.library import load_library  # noqa: E402
from compassion_app.core.records import CheckIn, PracticeRecord  # noqa: E402
from compassion_app.paths import resource_path  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.ui.main_window import MainWindow  # noqa: E402
from compassion_app.ui.sound import no_sound  # noqa: E402

DOCS = Path(__file__).resolve().parents[1] / "docs"
EXERCISES = [
    "soothing-rhythm-breathing",
    "calm-place",
    "compassionate-self",
    "compassionate-colour",
]


def a_year(store: Store, today: date) -> None:
    rng = random.Random(11)
    records = []
    for ago in range(365, -1, -1):
        day = today - timedelta(days=ago)
        summer = 150 <= ago <= 175  # a quieter stretch, as real years have
        if rng.random() < (0.75 if summer else 0.3):
            continue
        softening = ago / 365  # the critic a little quieter as the year goes on
        for n in range(1 if rng.random() < 0.8 else 2):
            started = datetime(day.year, day.month, day.day, 7 + 11 * n, 15, tzinfo=UTC)
            seconds = rng.choice([180, 300, 300, 600, 600, 600, 900, 1200])
            before = CheckIn(
                round(4 + 3 * softening + rng.uniform(-1, 1)),
                round(6 - 2 * softening + rng.uniform(-1, 1)),
                round(5 - softening + rng.uniform(-1, 1)),
            )
            after = CheckIn(max(0, before.critic - 2), min(10, before.warmth + 2), 7)
            records.append(
                PracticeRecord(
                    rng.choice(EXERCISES), started, day, 0, 600, seconds, True, before, after
                )
            )
    store.add_practices(records)
    for ago in (2, 16, 40, 41, 160, 161, 162):
        store.set_rest_day(today - timedelta(days=ago), True)
    store.set_rest_day(today + timedelta(days=3), True)  # marked ahead
    for ago, title in ((1, "To the tired part of me"), (30, "Dear friend"), (90, "After the exam")):
        written = datetime.combine(today - timedelta(days=ago), datetime.min.time(), UTC)
        store.save_letter(Letter(title, "Dear you,", written, written))


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1f1d24"),
        (QPalette.ColorRole.Base, "#29262f"),
        (QPalette.ColorRole.AlternateBase, "#302c36"),
        (QPalette.ColorRole.WindowText, "#ece6f0"),
        (QPalette.ColorRole.Text, "#ece6f0"),
        (QPalette.ColorRole.Button, "#302c36"),
        (QPalette.ColorRole.ButtonText, "#ece6f0"),
        (QPalette.ColorRole.Highlight, "#8fb3c9"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> int:
    app = QApplication(sys.argv[:1])
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "compassion-companion.json")
        a_year(store, today)
        library = load_library(resource_path("scripts"))
        window = MainWindow(store, library, no_sound)
        window.resize(1000, 1480)  # the whole screen, milestones and choices included
        window.show()
        window.show_progress()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(DOCS / "screenshot-progress.png"))
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
        window.setStyleSheet("")
        window.progress_screen.refresh()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(DOCS / "screenshot-progress-dark.png"))
        window.close()
        store.close()
    print(f"Wrote {DOCS / 'screenshot-progress.png'} and {DOCS / 'screenshot-progress-dark.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
