"""Text size: chosen once in Settings, it reaches every screen at once and is there next time."""

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.fakes import FakeTime


@pytest.fixture(autouse=True)
def system_font(qapp):
    """The size the system is set to; put back afterwards, so other tests see it too."""
    font = qapp.font()
    yield font.pointSizeF()
    qapp.setFont(font)


def choose_text_size(window, percent):
    window.show_settings()
    box = window.desktop_card.controls["text_size"]
    box.setCurrentIndex(box.findData(percent))


def heading_points(window):
    label = next(w for w in window.today.findChildren(QLabel) if w.property("role") == "heading")
    label.ensurePolished()
    return label.font().pointSizeF()


def test_the_text_size_is_offered_in_settings_from_the_systems_size_to_twice_it(window):
    window.show_settings()
    box = window.desktop_card.controls["text_size"]
    assert [box.itemText(i) for i in range(box.count())] == ["100 %", "125 %", "150 %", "200 %"]
    assert box.currentData() == 100


def test_a_larger_text_size_reaches_every_screen_at_once(qtbot, window, system_font):
    heading_before = heading_points(window)
    window.show_letters()
    editor = window.letters.editor
    body_before = editor.body.font().pointSizeF()
    pacer = window.practice.pacer
    pacer_before = pacer.words_font.pointSizeF()
    window.show_progress()
    heatmap = window.progress_screen.heatmap
    heatmap_before = heatmap._label_font().pointSizeF()
    choose_text_size(window, 200)
    assert QApplication.font().pointSizeF() == pytest.approx(system_font * 2)
    assert window.today.begin_button.font().pointSizeF() > system_font * 1.9
    assert heading_points(window) == pytest.approx(heading_before * 2, rel=0.05)
    assert editor.body.font().pointSizeF() == pytest.approx(body_before * 2, rel=0.05)
    assert pacer.words_font.pointSizeF() == pytest.approx(pacer_before * 2, rel=0.05)
    assert heatmap._label_font().pointSizeF() == pytest.approx(heatmap_before * 2, rel=0.05)
    choose_text_size(window, 100)
    assert QApplication.font().pointSizeF() == pytest.approx(system_font)
    assert heading_points(window) == pytest.approx(heading_before, rel=0.05)


def test_the_chosen_text_size_is_there_after_a_restart(qtbot, window, system_font):
    choose_text_size(window, 150)
    assert window.store.get_setting(STORE_KEY, {})["text_size"] == 150
    window.close()
    window.store.close()
    font = QApplication.font()
    font.setPointSizeF(system_font)  # as a fresh start finds it: the system's own size
    QApplication.setFont(font)
    store = Store.open(window.store_path)
    try:
        again = MainWindow(store, load_library(resource_path("scripts")), no_sound, FakeTime())
        qtbot.addWidget(again)
        assert QApplication.font().pointSizeF() == pytest.approx(system_font * 1.5)
        again.show_settings()
        assert again.desktop_card.controls["text_size"].currentData() == 150
    finally:
        store.close()


def test_a_letter_being_reread_grows_with_the_text_size(window, tmp_path):
    import re
    from datetime import UTC, datetime

    from compassion_app.core.letters import Letter

    def passage_points():
        text = window.letters.reader.passage.text()
        return float(re.search(r"font-size:([0-9.]+)pt", text).group(1))

    when = datetime(2026, 11, 30, 9, tzinfo=UTC)
    window.show_letters()
    window.letters.reader.show_letter(Letter("To me", "Dear me, gently.", when, when), tmp_path)
    before = passage_points()
    choose_text_size(window, 150)
    assert passage_points() == pytest.approx(before * 1.5, rel=0.05)


@pytest.mark.parametrize("screen_name", ["today", "settings_screen", "progress_screen"])
def test_after_choosing_200_percent_nothing_is_cut_off_at_the_side(qtbot, window, screen_name):
    """Chosen while the app runs: the screens' widest lines grow, so the window grows to hold
    them (or, where the desktop is too small for that, the screen scrolls sideways)."""
    window.resize(900, 680)
    choose_text_size(window, 200)
    screen = getattr(window, screen_name)
    getattr(window, "show_" + screen_name.removesuffix("_screen"))()
    window.resize(900, 680)  # what a person had; the window may still grow past it
    qtbot.waitUntil(lambda: window.screens.current is screen)
    scroll = screen.parentWidget().parentWidget()  # the viewport, then its scroll area
    qtbot.wait(50)
    needed = screen.minimumSizeHint().width()
    shown = scroll.viewport().width()
    reachable = shown >= needed or scroll.horizontalScrollBar().isVisible()
    assert reachable, f"{screen_name} needs {needed} px across and shows {shown} without a way on"
