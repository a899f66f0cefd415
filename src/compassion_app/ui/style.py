"""The app's look: warm, quiet colours and generous spacing, in one place.

Text sizes are relative to the person's own text size (the application font): someone who set
150 % text in their desktop gets headings, buttons and captions at 150 % too.
"""

from __future__ import annotations

from compassion_app.paths import resource_path
from compassion_app.ui.palette import LIGHT, Palette

# Widgets that paint by hand take their colours from the palette too (ui/theme.colours_for).
DEFAULT_POINTS = 10.0  # the text size the sizes below were drawn at

# Sizes as multiples of the person's text size.
HEADING, TITLE, FIGURE, CAPTION, LARGE = 2.2, 1.5, 2.0, 1.5, 1.2


def stylesheet(points: float = DEFAULT_POINTS, colours: Palette = LIGHT) -> str:
    """The style sheet for a person whose ordinary text is `points` tall, in `colours`."""
    c = colours

    def size(scale: float) -> str:
        return f"{max(1.0, points * scale):.1f}pt"

    tick = resource_path("look", "tick.png").as_posix()  # a white tick, for a chosen check box
    arrow = resource_path("look", "arrow-down.png").as_posix()  # one grey for light and dark
    box = max(14, round(points * 1.4))  # the check box grows with the text beside it

    return f"""
QMainWindow, QWidget#screen {{ background: {c.background}; }}
QScrollArea, QScrollArea > QWidget {{ background: {c.background}; border: none; }}
QLabel {{ color: {c.ink}; }}
QScrollBar:vertical {{ background: {c.background}; width: 12px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {c.background}; height: 12px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {c.soft_ink}; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 28px; }}
QScrollBar::handle:horizontal {{ min-width: 28px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: {c.background}; }}
QLabel[role="heading"] {{ font-size: {size(HEADING)}; font-weight: 600; }}
QLabel[role="title"] {{ font-size: {size(TITLE)}; font-weight: 600; }}
QLabel[role="soft"] {{ color: {c.soft_ink}; }}
QLabel[role="figure"] {{ font-size: {size(FIGURE)}; font-weight: 600; color: {c.accent}; }}
QLabel[role="caption"] {{ font-size: {size(CAPTION)}; color: {c.ink}; }}
QFrame[role="card"] {{
    background: {c.card}; border: 1px solid {c.card_border}; border-radius: 14px;
}}
QFrame[role="notice"] {{
    background: {c.notice}; border: 1px solid {c.notice_border}; border-radius: 10px;
}}
QPushButton {{
    padding: 8px 18px; border-radius: 10px; border: 1px solid {c.button_border};
    background: {c.card}; color: {c.ink};
}}
QPushButton:hover {{ background: {c.hover}; }}
QPushButton:focus {{ border: 3px solid {c.focus_ring}; padding: 6px 16px; }}
QPushButton[role="primary"] {{
    background: {c.primary}; color: {c.primary_text}; border: 3px solid {c.primary};
    font-weight: 600; font-size: {size(LARGE)}; padding: 8px 24px;
}}
QPushButton[role="primary"]:hover {{
    background: {c.primary_hover}; border-color: {c.primary_hover};
}}
QPushButton[role="primary"]:focus {{ border: 3px solid {c.focus_ring}; }}
QPushButton[role="link"] {{
    border: 2px solid transparent; background: transparent; color: {c.accent};
    text-decoration: underline; padding: 2px 4px; border-radius: 6px;
}}
QPushButton[role="link"]:focus {{ border: 2px solid {c.focus_ring}; }}
QPushButton[role="tab"] {{
    border: 2px solid transparent; background: transparent; color: {c.soft_ink};
    font-size: {size(LARGE)}; padding: 4px 14px; border-radius: 6px;
}}
QPushButton[role="tab"]:checked {{
    color: {c.accent}; font-weight: 600; border-bottom: 2px solid {c.accent_line};
    border-radius: 0;
}}
QPushButton[role="tab"]:focus {{ border: 2px solid {c.focus_ring}; border-radius: 6px; }}
QComboBox {{
    padding: 4px 8px; min-height: 24px; border: 1px solid {c.button_border}; border-radius: 8px;
    background: {c.card}; color: {c.ink};
}}
QComboBox:focus {{ border: 2px solid {c.focus_ring}; }}
QComboBox::drop-down {{ border: none; width: 24px; }}
QComboBox::down-arrow {{ image: url({arrow}); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{
    background: {c.card}; color: {c.ink}; selection-background-color: {c.selection};
    selection-color: {c.ink}; border: 1px solid {c.button_border};
}}
QListWidget {{ border: none; background: transparent; color: {c.ink}; }}
QListWidget::item {{ padding: 5px 0; }}
QLineEdit, QPlainTextEdit, QTextBrowser {{
    background: {c.card}; color: {c.ink}; border: 1px solid {c.button_border};
    border-radius: 10px; padding: 8px 12px;
    selection-background-color: {c.selection}; selection-color: {c.ink};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextBrowser:focus {{ border: 2px solid {c.calm}; }}
QListWidget#letters::item {{ padding: 10px 6px; border-bottom: 1px solid {c.card_border}; }}
QListWidget#letters::item:selected {{ background: {c.selection}; color: {c.ink}; }}
QCheckBox {{ border: 2px solid transparent; border-radius: 6px; padding: 1px 2px; }}
QCheckBox:focus {{ border-color: {c.focus_ring}; }}
QCheckBox::indicator {{
    width: {box}px; height: {box}px; border: 2px solid {c.soft_ink}; border-radius: 4px;
    background: {c.card};
}}
QCheckBox::indicator:checked {{
    background: {c.primary}; border-color: {c.primary}; image: url({tick});
}}
QCheckBox::indicator:disabled {{ border-color: {c.button_border}; }}
QSlider::groove:horizontal {{ height: 6px; border-radius: 3px; background: {c.button_border}; }}
QSlider::sub-page:horizontal {{ height: 6px; border-radius: 3px; background: {c.accent_line}; }}
QSlider::handle:horizontal {{
    width: 14px; margin: -6px 0; border-radius: 9px; background: {c.accent_line};
    border: 2px solid {c.card};
}}
QSlider::handle:horizontal:focus {{ border: 2px solid {c.focus_ring}; }}
QSlider::handle:horizontal:disabled {{ background: {c.button_border}; }}
"""
