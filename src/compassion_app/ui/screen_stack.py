"""The window's screens, one shown at a time, each in a scroll area of its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

# Qt.ScrollBarPolicy.ScrollBarAsNeeded, set by the property's name and value: the first use of
# `Qt` builds its whole namespace of enums, a cost the first paint need not pay.
SCROLL_BAR_AS_NEEDED = 0
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus, the same way
# QEvent.Type's FontChange and StyleChange, by value for the same reason: a new text size, or the
# theme's style sheet redrawn for it, changes how wide the screens' lines need to be.
RESIZING_CHANGES = (97, 100)


class ScreenStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scrolls: dict[QWidget, QScrollArea] = {}  # each screen, and what holds it
        self._whole_at_smallest: dict[QWidget, bool] = {}
        self._refit_waiting = False

    def add(self, screen: QWidget, whole_at_smallest: bool = False) -> None:
        """Each screen scrolls if it must: with large text on a small screen nothing is cut off,
        and a scroll area gives word-wrapped text the height it needs at the width it has.

        `whole_at_smallest`: the window's smallest size still shows this screen whole (Today).
        """
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when the desktop is too small for the window to grow as wide as the
        # screen needs (very large text on a small screen): cut-off words could not be reached.
        scroll.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_AS_NEEDED)
        scroll.setWidget(screen)
        # Not a stop of its own on the way through with Tab (it has nothing to say): the keys go
        # to the controls inside, and the area scrolls to whichever one has the keyboard.
        scroll.setProperty("focusPolicy", NO_FOCUS)
        self._scrolls[screen] = scroll
        self._whole_at_smallest[screen] = whole_at_smallest
        self._fit(screen)
        self.addWidget(scroll)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # None to refit before the first screen comes (the window's style sheet reaches the stack
        # as it is made): each is fitted as it is added.
        if self._scrolls and event.type().value in RESIZING_CHANGES and not self._refit_waiting:
            # After the change has reached every screen and the style sheet is redrawn.
            self._refit_waiting = True
            QTimer.singleShot(0, self, self._fit_all)  # never after the window has gone

    def _fit_all(self) -> None:
        self._refit_waiting = False
        for screen in self._scrolls:
            self._fit(screen)

    def _fit(self, screen: QWidget) -> None:
        """As wide as the screen needs, so the window grows with larger text; taller screens
        scroll."""
        scroll = self._scrolls[screen]
        polished = screen.minimumSizeHint()
        scroll.setMinimumWidth(polished.width() + scroll.verticalScrollBar().sizeHint().width())
        if self._whole_at_smallest[screen]:
            scroll.setMinimumHeight(polished.height())

    def show_screen(self, screen: QWidget) -> None:
        self.setCurrentWidget(self._scrolls[screen])

    @property
    def current(self) -> QWidget | None:
        """The screen being shown."""
        shown = self.currentWidget()
        return shown.widget() if isinstance(shown, QScrollArea) else shown
