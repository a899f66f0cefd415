"""The app's look: warm, quiet colours and generous spacing, in one place.

Text sizes are relative to the person's own text size (the application font): someone who set
150 % text in their desktop gets headings, buttons and captions at 150 % too.
"""

from __future__ import annotations

WARM_BACKGROUND = "#fbf7f2"
INK = "#3d3a4b"
SOFT_INK = "#6f6a80"
ACCENT = "#c0726b"  # a muted rose: warm without alarm
ACCENT_DARK = "#a65e58"
CARD = "#ffffff"
CALM_BLUE = "#8fb3c9"
# The keyboard focus ring: at least 3:1 against everything it borders (4.0 on the rose buttons,
# over 12 on the cream and white), so it can be found at a glance on every button.
FOCUS_RING = "#2b2838"
DEFAULT_POINTS = 10.0  # the text size the sizes below were drawn at

# Sizes as multiples of the person's text size.
HEADING, TITLE, FIGURE, CAPTION, LARGE = 2.2, 1.5, 2.0, 1.5, 1.2


def stylesheet(points: float = DEFAULT_POINTS) -> str:
    """The style sheet for a person whose ordinary text is `points` tall."""

    def size(scale: float) -> str:
        return f"{max(1.0, points * scale):.1f}pt"

    return f"""
QMainWindow, QWidget#screen {{ background: {WARM_BACKGROUND}; }}
QScrollArea, QScrollArea > QWidget {{ background: {WARM_BACKGROUND}; border: none; }}
QLabel {{ color: {INK}; }}
QLabel[role="heading"] {{ font-size: {size(HEADING)}; font-weight: 600; }}
QLabel[role="title"] {{ font-size: {size(TITLE)}; font-weight: 600; }}
QLabel[role="soft"] {{ color: {SOFT_INK}; }}
QLabel[role="figure"] {{ font-size: {size(FIGURE)}; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel[role="caption"] {{ font-size: {size(CAPTION)}; color: {INK}; }}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid #ece4da; border-radius: 14px; }}
QFrame[role="notice"] {{ background: #fff4e0; border: 1px solid #f0d9b0; border-radius: 10px; }}
QPushButton {{
    padding: 8px 18px; border-radius: 10px; border: 1px solid #d9cfc4;
    background: {CARD}; color: {INK};
}}
QPushButton:hover {{ background: #f6efe7; }}
QPushButton:focus {{ border: 3px solid {FOCUS_RING}; padding: 6px 16px; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 3px solid {ACCENT}; font-weight: 600;
    font-size: {size(LARGE)}; padding: 8px 24px;
}}
QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; border-color: {ACCENT_DARK}; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {FOCUS_RING}; }}
QPushButton[role="link"] {{
    border: 2px solid transparent; background: transparent; color: {ACCENT_DARK};
    text-decoration: underline; padding: 2px 4px; border-radius: 6px;
}}
QPushButton[role="link"]:focus {{ border: 2px solid {FOCUS_RING}; }}
QPushButton[role="tab"] {{
    border: 2px solid transparent; background: transparent; color: {SOFT_INK};
    font-size: {size(LARGE)}; padding: 4px 14px; border-radius: 6px;
}}
QPushButton[role="tab"]:checked {{
    color: {ACCENT_DARK}; font-weight: 600; border-bottom: 2px solid {ACCENT};
    border-radius: 0;
}}
QPushButton[role="tab"]:focus {{ border: 2px solid {FOCUS_RING}; border-radius: 6px; }}
QComboBox {{ padding: 4px 8px; min-height: 24px; }}
QListWidget {{ border: none; background: transparent; color: {INK}; }}
QListWidget::item {{ padding: 5px 0; }}
"""
