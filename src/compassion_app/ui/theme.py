"""Light or dark: the person's choice, or the system's when they leave it to the system.

The window's style sheet comes from the chosen palette; so does Qt's own palette, which colours
what the style sheet leaves alone (check boxes, text fields, lists). Both follow a change of the
choice or of the system's colour scheme at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from compassion_app.ui.desktop import DesktopChoices
from compassion_app.ui.palette import Palette, colours_of, follows_system, palette_for
from compassion_app.ui.style import stylesheet


class Theme(QObject):
    def __init__(self, window: QWidget, choices: DesktopChoices) -> None:
        super().__init__(window)
        self._window = window
        self._choices = choices
        self.colours: Palette | None = None
        self._points = 0.0  # the text size the style sheet was last drawn for
        choices.changed.connect(self.apply)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        choice = self._choices.settings.theme
        colours = palette_for(choice, follows_system(choice) and system_is_dark())
        points = QApplication.font().pointSizeF()  # the text size may have changed (text_size.py)
        if (colours, points) == (self.colours, self._points):
            return  # nothing to repaint: e.g. a change to another desktop choice
        self.colours, self._points = colours, points
        # Qt's palette first: the style sheet then repolishes every widget in the new colours,
        # and each hand-painted one hears of it (a PaletteChange) and paints itself again.
        QApplication.setPalette(qt_palette(colours))
        self._window.setStyleSheet(stylesheet(points, colours))


def system_is_dark() -> bool:
    """The system's colour scheme is dark.

    Asked only when the choice is left to the system: reading the scheme builds Qt's whole
    namespace of enums (about 14 ms here), which a first picture in a chosen colour need not
    wait for.
    """
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def qt_palette(colours: Palette) -> QPalette:
    """Qt's palette in our colours, for the widgets the style sheet does not colour."""
    palette = QPalette()
    role = QPalette.ColorRole
    for each, colour in (
        (role.Window, colours.background),
        (role.WindowText, colours.ink),
        (role.Base, colours.card),
        (role.AlternateBase, colours.hover),
        (role.Text, colours.ink),
        (role.PlaceholderText, colours.soft_ink),
        (role.Button, colours.card),
        (role.ButtonText, colours.ink),
        (role.ToolTipBase, colours.card),
        (role.ToolTipText, colours.ink),
        (role.Highlight, colours.primary),
        (role.HighlightedText, colours.primary_text),
        (role.Link, colours.accent),
    ):
        palette.setColor(each, QColor(colour))
    # A control that cannot be used just now (the pace boxes while the practice sets the pace)
    # looks faded, as Qt's own palette shows it.
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours.disabled_ink))
    return palette


def colours_for(widget: QWidget) -> Palette:
    """The palette a hand-painted widget draws in: the one its Qt palette was made from.

    Qt tells the widget of a change with a PaletteChange event, so it repaints (and rebuilds any
    picture it keeps) in the new colours without a restart.
    """
    return colours_of(widget.palette().color(QPalette.ColorRole.Window).name())
