"""The row of tabs along the top of the window: Today, Progress, Letters, Settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QWidget

from compassion_app.ui.widgets.button import Button

if TYPE_CHECKING:
    from PySide6.QtCore import QSize


class NavigationBar(QWidget):
    """Checkable tabs, one checked at a time; the window hides the bar during a practice, so
    nothing pulls attention away."""

    def __init__(
        self, tabs: Sequence[tuple[str, Callable[[], None]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 0, 28, 0)
        self.tabs: list[TabButton] = []  # as the bar reads, and as Tab walks it
        for name, show in tabs:
            button = TabButton(name, self)
            button.clicked.connect(show)
            self.tabs.append(button)
            row.addWidget(button)
        row.addStretch(1)
        # Not a Qt exclusive group: Tab would then skip the unchecked tab (it reaches only the
        # checked one, arrows the rest), and keyboard users could not find Settings.
        self.check(0)

    def check(self, index: int) -> None:
        """Show the tab at `index` as the chosen one."""
        for number, tab in enumerate(self.tabs):
            tab.setChecked(number == index)

    def lead_tab_to(self, first: QWidget) -> None:
        """Tab walks along the bar, then on to `first`, the top of the screen below."""
        for before, after in zip(self.tabs, self.tabs[1:], strict=False):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.tabs[-1], first)


class TabButton(Button):
    """A checkable tab. Only the tabs measure their words in bold too: every other button's size
    is Qt's own, with no call into Python each time a layout asks for it (start-up)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent, role="tab")
        self.setCheckable(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Wide enough for the words in bold too: a chosen tab shows its name in bold (style.py),
        and a hint measured in the regular weight would cut the bold name off."""
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setBold(True)
        extra = QFontMetrics(bold).horizontalAdvance(self.text())
        extra -= self.fontMetrics().horizontalAdvance(self.text())
        hint.setWidth(hint.width() + max(0, extra))
        return hint
