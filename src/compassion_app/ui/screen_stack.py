"""The window's screens, one shown at a time, each in a scroll area of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

# Qt.ScrollBarPolicy.ScrollBarAlwaysOff, set by the property's name and value: the first use of
# `Qt` builds its whole namespace of enums, a cost the first paint need not pay.
SCROLL_BAR_ALWAYS_OFF = 1
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus, the same way


class ScreenStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scrolls: dict[QWidget, QScrollArea] = {}  # each screen, and what holds it

    def add(self, screen: QWidget, whole_at_smallest: bool = False) -> None:
        """Each screen scrolls if it must: with large text on a small screen nothing is cut off,
        and a scroll area gives word-wrapped text the height it needs at the width it has.

        `whole_at_smallest`: the window's smallest size still shows this screen whole (Today).
        """
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        scroll.setWidget(screen)
        # Not a stop of its own on the way through with Tab (it has nothing to say): the keys go
        # to the controls inside, and the area scrolls to whichever one has the keyboard.
        scroll.setProperty("focusPolicy", NO_FOCUS)
        # As wide as the screen needs (it never scrolls sideways); taller screens, or larger
        # text, scroll.
        polished = screen.minimumSizeHint()
        scroll.setMinimumWidth(polished.width() + scroll.verticalScrollBar().sizeHint().width())
        if whole_at_smallest:
            scroll.setMinimumHeight(polished.height())
        self._scrolls[screen] = scroll
        self.addWidget(scroll)

    def show_screen(self, screen: QWidget) -> None:
        self.setCurrentWidget(self._scrolls[screen])

    @property
    def current(self) -> QWidget | None:
        """The screen being shown."""
        shown = self.currentWidget()
        return shown.widget() if isinstance(shown, QScrollArea) else shown
