"""The screenshot script draws every screen from the real app on a real X server (Xvfb), in the
light and the dark theme, and the dark pictures are dark."""

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from compassion_app.ui.palette import DARK, LIGHT

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [
    "welcome",
    "breath-offer",
    "today",
    "today-path",
    "progress",
    "settings",
    "own-exercises",
    "letters-archive",
    "letters-editor",
    "letters-reader",
    "checkin",
    "practice-in",
    "practice-paused",
    "end",
    "safety",
]


def most_common(path):
    image = QImage(str(path))
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    )
    return QColor(counts.most_common(1)[0][0]).name()


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (dev.py installs it)")
def test_every_screen_is_drawn_in_light_and_dark_on_an_x_server(tmp_path, qapp):
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1600x24"]
    command += [sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path)]
    run = subprocess.run(
        command,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    for screen in SCREENS:
        light, dark = tmp_path / f"{screen}-light.png", tmp_path / f"{screen}-dark.png"
        assert most_common(light) in (LIGHT.background, LIGHT.card), screen
        assert most_common(dark) in (DARK.background, DARK.card), screen
