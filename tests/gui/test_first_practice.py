"""The first practice as a new user meets it: nothing misleads, nothing is lost."""

from PySide6.QtCore import Qt

from compassion_app.store.db import Store


def test_closing_the_window_at_the_check_in_saves_nothing(qtbot, window):
    qtbot.mouseClick(window.today.begin_button, Qt.MouseButton.LeftButton)
    assert window.practice.checkin.isVisible()  # "Before you begin"
    window.clock.now += 20
    window.close()
    window.store.close()
    with Store.open(window.store_path) as reopened:
        assert reopened.practices() == []
