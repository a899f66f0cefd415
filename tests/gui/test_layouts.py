"""Layouts hold from the minimum size to full screen, at 150 % and 200 % text: nothing is cut off
(a screen taller than the window scrolls)."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
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
    window.letters_store = store
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    store.close()


def settle(qtbot, window, size):
    window.resize(size)
    qtbot.wait(30)  # let the layouts run
    QApplication.processEvents()


def screens_to_visit(qtbot, window):
    """Each screen and state a person sees; yields its name once it is showing."""
    window.welcome_if_new()
    yield "Welcome"
    window.show_today()
    yield "Today"
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    qtbot.mouseClick(card.join_button, Qt.MouseButton.LeftButton)
    yield "Today, on the four-week path"
    window.show_progress()
    yield "Progress"
    window.show_letters()
    yield "Letters"
    window.letters.begin_letter("compassionate-self", timer_minutes=10)
    window.letters.editor.body.insertPlainText("Dear me,\n\nThis week asked a lot of you.")
    yield "Letter editor"
    window.letters.editor.leave()
    window.letters.open_letter(window.letters_store.letters()[0].letter_id)
    yield "Letter reader"
    window.start_practice("soothing-rhythm-breathing", 3)
    yield "Before you begin"
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.clock.now += 15
    window.practice.controller.pause()
    yield "Practice, paused"
    window.practice.controller.resume()
    window.practice.controller.end_early()
    yield "End screen"
    window.show_settings()
    yield "Settings"


@pytest.mark.parametrize("size", ["minimum", "full screen"])
def test_nothing_is_cut_off_from_minimum_size_to_full_screen(qtbot, roomy_window, size):
    window = roomy_window
    for name in screens_to_visit(qtbot, window):
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
