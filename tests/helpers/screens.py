"""Steps through the real window that many GUI tests share, done the way a person does them."""

from PySide6.QtCore import Qt


def begin(qtbot, window, minutes, checkin=False):
    """Choose a length on Today, press Begin, and answer (or skip) the check-in."""
    combo = window.today.minutes
    combo.setCurrentIndex(combo.findData(minutes))
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.practice
    panel = window.practice.checkin
    qtbot.mouseClick(panel.done_button if checkin else panel.skip_button, Qt.MouseButton.LeftButton)


def begin_path_step(qtbot, window, checkin=False):
    """Press the four-week path's "Begin step N" on Today, and answer (or skip) the check-in."""
    qtbot.mouseClick(window.today.path_card.begin_step_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.practice
    panel = window.practice.checkin
    qtbot.mouseClick(panel.done_button if checkin else panel.skip_button, Qt.MouseButton.LeftButton)


def practices_on_disk(window):
    """The practices a fresh start would find. The window's store is closed first: it holds the
    data folder's lock, as it must, so a second Store cannot open beside it."""
    from compassion_app.store.db import Store

    window.store.close()
    with Store.open(window.store_path) as reopened:
        return reopened.practices()
