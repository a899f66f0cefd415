"""Screenshots of every screen, light and dark, from the real window on a real X server.

    xvfb-run -a -s "-screen 0 1280x1600x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshots.py docs/screenshots

For each theme: the first-run welcome on an empty data folder and the offer to listen to the
breath at a first breathing practice; then, in a fresh folder filled through the store's own API
with a made-up year (practices, check-ins in which the critic slowly softens, rest days, three
letters), Today, Today on the four-week path, Progress, Settings, Settings' own exercises (one
ready, one to mend), the letter archive, editor and reader, the check-in before a practice, the
practice breathing in and paused, the end screen, and the Support and safety dialog. Each
picture is the window as the X server draws it (QWidget.grab), at 1x, as `<screen>-<theme>.png`.
docs/screenshots.md shows them all. A second argument sets the text size (`2` for 200 %), as
`<screen>-<theme>-200.png`.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402 - after choosing the platform

from compassion_app.core.letters import Letter  # noqa: E402
from compassion_app.core.library import load_library  # noqa: E402
from compassion_app.core.records import CheckIn, PracticeRecord  # noqa: E402
from compassion_app.core.settings import STORE_KEY, Settings  # noqa: E402
from compassion_app.paths import resource_path  # noqa: E402
from compassion_app.store.db import Store  # noqa: E402
from compassion_app.ui.main_window import MainWindow  # noqa: E402
from compassion_app.ui.sound import no_sound  # noqa: E402

SIZE = (1000, 720)  # an ordinary window
TALL = (1000, 1480)  # Progress, as much as a tall screen shows
SETTINGS = (1000, 1040)  # Settings whole
EXERCISES = ["soothing-rhythm-breathing", "calm-place", "compassionate-self", "compassionate-other"]
LETTERS = [
    (
        "After the hard meeting",
        "Dear me,\n\nThat meeting was hard, and you should never have had to sit through it "
        "alone. It makes sense that your chest felt tight.\n\nSo much of this is not your fault. "
        "You were doing your best with what you knew.\n\nTonight, maybe a warm drink and an "
        "early night. That is enough.",
    ),
    ("To the critic", "Dear critic,\n\nI know you are trying to keep me safe."),
    ("A walk in the rain", "Dear friend,\n\nThe rain was soft today."),
]

# The person's own exercises (Settings › Your own exercises): one ready, one still to mend.
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


def a_year(store: Store, today: date) -> None:
    """Most days a practice or two of different lengths, a quieter summer, a few rest days."""
    rng = random.Random(11)
    records = []
    for ago in range(365, 0, -1):
        day = today - timedelta(days=ago)
        summer = 150 <= ago <= 175
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
    now = datetime.now(UTC)
    for days, (title, body) in enumerate(LETTERS):
        when = now - timedelta(days=3 * days + 1)
        store.save_letter(Letter(title, body, when, when, finished=days != 1))


class Camera:
    """Saves what a window shows, once Qt has drawn it."""

    def __init__(self, app: QApplication, out: Path, theme: str, suffix: str = "") -> None:
        self.app, self.out, self.theme, self.suffix = app, out, theme, suffix

    def settle(self, seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def shoot(self, name: str, widget: QWidget) -> None:
        self.settle()
        path = self.out / f"{name}-{self.theme}{self.suffix}.png"
        widget.grab().save(str(path), "PNG")
        print(path)


def open_window(store: Store, theme: str, clock: Callable[[], float]) -> MainWindow:
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, clock)
    window.desktop.choose(replace(window.desktop.settings, theme=theme))
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    return window


def welcome(camera: Camera, folder: Path) -> None:
    store = Store.open(folder / "welcome" / "compassion-companion.json")
    window = open_window(store, camera.theme, time.monotonic)
    camera.settle()
    window.welcome_if_new()
    camera.shoot("welcome", window)
    # Someone new, at their first breathing practice: the offer to follow their own breath.
    window.start_practice("soothing-rhythm-breathing", 1)
    window.practice.checkin.skip_button.click()
    window.practice.notices.clear()  # "sound is not available": true here, not for a person
    camera.shoot("breath-offer", window)
    window.save_and_release()
    window.close()
    store.close()


def practice(camera: Camera, window: MainWindow, clock: list[float]) -> None:
    window.start_practice("soothing-rhythm-breathing", 10)
    camera.shoot("checkin", window)
    window.practice.checkin.skip_button.click()
    controller = window.practice.controller
    assert controller is not None
    timeline = controller.practice.timeline
    start = clock[0]
    for tenth in range(600, 6000):  # the first in-breath, 60 % full, after the first minute
        breath = timeline.breath_at(int(tenth / 10 * timeline.sample_rate))
        if breath and breath.phase == "in" and abs(breath.progress - 0.6) < 0.05:
            clock[0] = start + tenth / 10
            break
    window.practice.notices.clear()  # "sound is not available": true here, not for a person
    camera.shoot("practice-in", window)
    controller.pause()
    camera.shoot("practice-paused", window)
    controller.resume()
    controller.end_early()
    camera.shoot("end", window)


def own_exercises(camera: Camera, window: MainWindow, store: Store) -> None:
    own = store.folder / "exercises"
    own.mkdir(exist_ok=True)
    (own / "evening-kindness.toml").write_text(OWN, encoding="utf-8")
    draft = OWN.replace("evening-kindness", "morning-draft").replace(
        "per_minute = 6", "per_minute = 30"
    )
    (own / "morning-draft.toml").write_text(draft, encoding="utf-8")
    window.own_exercises.look_again()
    window.notices.clear()
    window.resize(*SIZE)
    window.show_settings()
    window.settings_screen.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
    camera.shoot("own-exercises", window)


def letters(camera: Camera, window: MainWindow, store: Store) -> None:
    window.show_letters()
    room = window.letters
    camera.shoot("letters-archive", window)
    room.begin_letter("compassionate-self", timer_minutes=10)
    room.editor.title.setText("For a tired evening")
    room.editor.body.insertPlainText(
        "This week asked a lot of you. It makes sense that you feel worn out; anyone would."
    )
    camera.shoot("letters-editor", window)
    room.editor.leave()
    hard = next(each for each in store.letters() if each.title == LETTERS[0][0])
    room.open_letter(hard.letter_id)
    room.reader.second_look.setChecked(True)  # its words show the second look at work
    room.reader.show_next()
    camera.shoot("letters-reader", window)


def every_screen(camera: Camera, folder: Path) -> None:
    store = Store.open(folder / "year" / "compassion-companion.json")
    a_year(store, date.today())
    # The offer to listen to the breath has been answered (docs/breath-follow.md shows it).
    store.set_setting(STORE_KEY, replace(Settings.from_dict({}), asked_to_listen=True).to_dict())
    clock = [1000.0]
    window = open_window(store, camera.theme, lambda: clock[0])
    camera.shoot("today", window)
    window.today.path_card.join_button.click()  # the first step of the four-week path
    camera.shoot("today-path", window)
    window.resize(*TALL)
    window.show_progress()
    camera.shoot("progress", window)
    window.resize(*SETTINGS)
    window.show_settings()
    camera.shoot("settings", window)
    own_exercises(camera, window, store)
    window.resize(*SIZE)
    letters(camera, window, store)
    window.show_today()
    practice(camera, window, clock)
    from compassion_app.ui.screens.safety import SafetyDialog

    dialog = SafetyDialog(window)
    dialog.open()
    camera.shoot("safety", dialog)
    dialog.close()
    window.save_and_release()
    store.close()


def main(out: Path, text_scale: float = 1.0) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if text_scale != 1.0:  # as a person's desktop text size would: every screen's words grow
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * text_scale)
        app.setFont(font)
    for theme in ("light", "dark"):
        suffix = "" if text_scale == 1.0 else f"-{round(text_scale * 100)}"
        camera = Camera(app, out, theme, suffix)
        with tempfile.TemporaryDirectory() as folder:
            welcome(camera, Path(folder))
            every_screen(camera, Path(folder))
    os._exit(0)  # the windows' teardown is not what we came for


if __name__ == "__main__":
    # tools/screenshots.py [FOLDER [TEXT_SCALE]]: e.g. `docs/screenshots 2` for 200 % text.
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"),
        float(sys.argv[2]) if len(sys.argv) > 2 else 1.0,
    )
