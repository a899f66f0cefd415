"""The navigation's tabs show their whole names, in bold when chosen, at every text size."""

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_chosen_tab_has_room_for_its_name_in_bold(qtbot, window, scale):
    app = QApplication.instance()
    original = app.font()
    font = QFont(original)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
    try:
        for tab in window._tabs:
            tab.click()
            qtbot.waitUntil(tab.isChecked)
            tab.ensurePolished()
            bold = QFont(tab.font())
            bold.setBold(True)
            needed = QFontMetrics(bold).horizontalAdvance(tab.text())
            assert tab.contentsRect().width() - 28 >= needed, tab.text()  # 14 px padding a side
    finally:
        app.setFont(original)
