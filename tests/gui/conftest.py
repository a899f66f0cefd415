"""The real window on a real store file, with a clock the test moves by hand and no sound."""

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from compassion_app.core.library import read_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.fakes import FakeTime


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    system_font = qapp.font()  # the text size belongs to the whole application, as colours do
    store = Store.open(tmp_path / "store.json")
    clock = FakeTime()
    window = MainWindow(store, read_library(resource_path("scripts")), no_sound, now=clock)
    window.clock = clock
    window.store = store
    window.store_path = tmp_path / "store.json"
    qtbot.addWidget(window)
    window.show()
    yield window
    store.close()
    qapp.setFont(system_font)  # a larger size chosen in a test does not reach the next test


@pytest.fixture(autouse=True)
def application_text_restored(qapp):
    """The text size and the style sheet belong to the whole application, like the palette:
    a test that chooses 125 % must not leave every later test's screens larger."""
    font, style_sheet = QFont(QApplication.font()), qapp.styleSheet()
    yield
    QApplication.setFont(font)
    qapp.setStyleSheet(style_sheet)


@pytest.fixture
def light_afterwards(qapp):
    """Qt's palette belongs to the whole application: later tests must not start in dark."""
    yield
    QApplication.setPalette(QApplication.style().standardPalette())
