"""Layouts hold from the minimum size to full screen, at 150 % and 200 % text: nothing is cut off
(a screen taller than the window scrolls)."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.every_screen import visit_every_screen
from helpers.fakes import FakeTime


def cut_off(window):
    """Every visible label or button that is smaller than its words need, with what it shows."""
    problems = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or not widget.text():
            continue
        size, hint = widget.size(), widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = QSize(1, widget.heightForWidth(size.width()))
        elif isinstance(widget, QLabel):
            needed = hint
        else:  # a button: its own words, and the padding the style sheet gives them
            needed = widget.minimumSizeHint().expandedTo(QSize(hint.width(), 1))
        if size.width() < needed.width() or size.height() < needed.height():
            problems.append((widget.text(), size.toTuple(), needed.toTuple()))
    return problems


@pytest.fixture(params=[1.0, 1.5, 2.0], ids=["100% text", "150% text", "200% text"])
def text_scale(request, qapp):
    font = qapp.font()
    larger = type(font)(font)
    larger.setPointSizeF(font.pointSizeF() * request.param)
    qapp.setFont(larger)
    yield request.param
    qapp.setFont(font)


@pytest.fixture
def roomy_window(qtbot, tmp_path, text_scale):
    store = Store.open(tmp_path / "store.json")
    clock = FakeTime()
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, now=clock)
    window.clock = clock
    window.store = store
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    store.close()


def settle(qtbot, window, size):
    window.resize(size)
    qtbot.wait(30)  # let the layouts run
    QApplication.processEvents()


@pytest.mark.parametrize("size", ["minimum", "full screen"])
def test_nothing_is_cut_off_from_minimum_size_to_full_screen(qtbot, roomy_window, size):
    window = roomy_window
    for name, _ in visit_every_screen(qtbot, window):
        qtbot.wait(30)  # the screen's own layout settles first, and with it the window's minimum
        target = window.minimumSizeHint() if size == "minimum" else QSize(1920, 1080)
        settle(qtbot, window, target.expandedTo(window.minimumSizeHint()))
        problems = cut_off(window)
        assert not problems, f"{name}: {problems}"


def test_the_minimum_size_shows_begin_whole(qtbot, roomy_window):
    window = roomy_window
    settle(qtbot, window, window.minimumSizeHint())
    begin = window.today.begin_button
    words = begin.fontMetrics().horizontalAdvance(begin.text())
    assert begin.width() >= words + 2 * 24  # the words and the style sheet's padding


def test_support_and_safety_keeps_every_word_within_reach(qtbot, roomy_window):
    from compassion_app.ui.screens.safety import SafetyDialog

    dialog = SafetyDialog(roomy_window, in_practice=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.text
    assert text.height() >= text.heightForWidth(text.width())  # no line of it is cut off
    scroll = dialog.findChild(QScrollArea)
    shown = scroll.viewport().height()
    assert shown >= text.height() or scroll.verticalScrollBar().maximum() >= text.height() - shown
    assert dialog.height() <= dialog.screen().availableGeometry().height()
    for button in (dialog.end_gently_button, dialog.findChild(QAbstractButton, None)):
        seen = button.visibleRegion().boundingRect()
        assert seen.size() == button.size(), button.text()
