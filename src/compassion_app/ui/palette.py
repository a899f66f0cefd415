"""The app's colours, light and dark, in one place; `style.py` builds its style sheet from them.

Every text colour is chosen to stand at least 4.5:1 against every background it is drawn on
(`TEXT_ON` lists those pairs, and a test measures them), and the focus ring at least 3:1 against
what it borders.
"""

from __future__ import annotations

from typing import NamedTuple

from compassion_app.core.desktop_settings import THEMES


class Palette(NamedTuple):  # not a dataclass: a third of the cost to define (start-up)
    background: str  # the window behind everything
    card: str  # cards and ordinary buttons
    ink: str  # ordinary text
    soft_ink: str  # quieter words: captions, hints
    disabled_ink: str  # the words of a control that cannot be used just now: plainly faded
    accent: str  # figures, links and the chosen tab: warm without alarm
    accent_line: str  # the line under the chosen tab
    primary: str  # the one button that begins something
    primary_hover: str
    primary_text: str
    hover: str  # an ordinary button under the pointer
    card_border: str
    button_border: str
    notice: str  # a notice's background
    notice_border: str
    focus_ring: str  # where the keyboard is
    # For what is painted by hand (ui/widgets): the pacer, the meter, the calendar and charts.
    glow_centre: str  # the middle of the breathing circle
    glow_edge: str  # its rim, which shows its size against the page
    track: str  # the empty part of a level meter
    critic_line: str  # the inner critic's line in the check-in chart
    calm: str  # a calm blue: a rest day, the "settled" line, the field being typed in
    mark: str  # behind words marked for a second look in a letter
    selection: str  # behind selected text and the chosen letter


LIGHT = Palette(
    background="#fbf7f2",
    card="#ffffff",
    ink="#3d3a4b",
    soft_ink="#6f6a80",
    disabled_ink="#a29dad",
    accent="#a65e58",
    accent_line="#c0726b",
    primary="#a65e58",
    primary_hover="#8f4f4a",
    primary_text="#ffffff",
    hover="#f6efe7",
    card_border="#ece4da",
    button_border="#d9cfc4",
    notice="#fff4e0",
    notice_border="#f0d9b0",
    focus_ring="#1a1822",
    glow_centre="#f3c6b8",
    glow_edge="#c0726b",
    track="#f3ece4",
    critic_line="#9a6390",
    calm="#4f7f9e",
    mark="#f7e6cf",
    selection="#f2d9d3",
)

DARK = Palette(
    background="#1f1d26",
    card="#2a2733",
    ink="#ece8f2",
    soft_ink="#b9b3c6",
    disabled_ink="#7a7486",
    accent="#e39a92",
    accent_line="#e39a92",
    primary="#9c524d",
    primary_hover="#874743",
    primary_text="#ffffff",
    hover="#342f3f",
    card_border="#3a3645",
    button_border="#4a4557",
    notice="#3a3324",
    notice_border="#5a4d33",
    focus_ring="#f4f1f8",
    glow_centre="#7a4a52",
    glow_edge="#d98a82",
    track="#3a3645",
    critic_line="#c89bc0",
    calm="#8fb3c9",
    mark="#4a3f2c",
    selection="#5a3a44",
)

# (text, background) for every pair the style sheet draws; each must read at 4.5:1 or more.
TEXT_ON = (
    ("ink", "background"),
    ("ink", "card"),
    ("ink", "hover"),
    ("ink", "notice"),
    ("soft_ink", "background"),
    ("soft_ink", "card"),
    ("accent", "background"),
    ("accent", "card"),
    ("primary_text", "primary"),
    ("primary_text", "primary_hover"),
    ("ink", "mark"),
    ("ink", "selection"),
)

# (shape, background) for what is painted by hand; each must stand at 3:1 or more, so a shape is
# seen without colour vision (the heat of the calendar's faint days adds to it, not replaces it).
GRAPHIC_ON = (
    ("glow_edge", "background"),
    ("accent_line", "card"),
    ("accent_line", "background"),
    ("accent_line", "track"),
    ("critic_line", "card"),
    ("calm", "card"),
    ("calm", "background"),
)


def follows_system(theme: str) -> bool:
    """The choice leaves light or dark to the system (as an unknown choice does)."""
    return theme not in THEMES or theme == "system"


def palette_for(theme: str, system_is_dark: bool) -> Palette:
    """The palette for a theme choice ("system", "light" or "dark")."""
    if follows_system(theme):
        return DARK if system_is_dark else LIGHT
    return DARK if theme == "dark" else LIGHT


def colours_of(widget_palette_window: str) -> Palette:
    """Our palette for a widget whose Qt palette has this window colour: dark for a dark window.

    The theme sets Qt's palette from ours, so a hand-painted widget finds its colours from its own
    Qt palette: no global, and a widget built after a theme switch starts in the right colours.
    """
    return DARK if _luminance(widget_palette_window) < 0.2 else LIGHT


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two "#rrggbb" colours, from 1 (none) to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
