"""The colours of the very first picture: a chosen look from the start, the system's only if asked.

Reading the system's colour scheme builds all of Qt's enums (about 14 ms before the first paint),
so it is read only when the person leaves light or dark to the system.
"""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.core.library import read_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui import theme
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.palette import DARK, LIGHT
from compassion_app.ui.sound import no_sound


@pytest.fixture(autouse=True)
def _light_afterwards(qapp):
    """Qt's palette belongs to the whole application: later tests must not start in dark."""
    yield
    QApplication.setPalette(QApplication.style().standardPalette())


@pytest.mark.parametrize(
    ("choice", "system_dark", "expected", "asked"),
    [
        ("dark", False, DARK, False),
        ("light", True, LIGHT, False),
        ("system", True, DARK, True),
        ("system", False, LIGHT, True),
    ],
)
def test_the_first_picture_has_the_chosen_colours(
    qtbot, tmp_path, monkeypatch, choice, system_dark, expected, asked
):
    questions = []

    def system_is_dark() -> bool:
        questions.append(True)
        return system_dark

    monkeypatch.setattr(theme, "system_is_dark", system_is_dark)
    with Store.open(tmp_path / "store.json") as store:
        store.set_setting(STORE_KEY, {"theme": choice})
        window = MainWindow(store, read_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        image = window.grab().toImage()  # the window's first picture
        assert QColor(image.pixel(5, image.height() - 5)).name() == expected.background
        assert bool(questions) is asked
