"""The app's look: warm, quiet colours and generous spacing, in one place."""

from __future__ import annotations

WARM_BACKGROUND = "#fbf7f2"
INK = "#3d3a4b"
SOFT_INK = "#6f6a80"
ACCENT = "#c0726b"  # a muted rose: warm without alarm
ACCENT_DARK = "#a65e58"
CARD = "#ffffff"
CALM_BLUE = "#8fb3c9"

STYLESHEET = f"""
QMainWindow, QWidget#screen {{ background: {WARM_BACKGROUND}; }}
QLabel {{ color: {INK}; }}
QLabel[role="heading"] {{ font-size: 22pt; font-weight: 600; }}
QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="soft"] {{ color: {SOFT_INK}; }}
QLabel[role="figure"] {{ font-size: 20pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel[role="caption"] {{ font-size: 15pt; color: {INK}; }}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid #ece4da; border-radius: 14px; }}
QFrame[role="notice"] {{ background: #fff4e0; border: 1px solid #f0d9b0; border-radius: 10px; }}
QPushButton {{
    padding: 8px 18px; border-radius: 10px; border: 1px solid #d9cfc4;
    background: {CARD}; color: {INK};
}}
QPushButton:hover {{ background: #f6efe7; }}
QPushButton:focus {{ border: 2px solid {CALM_BLUE}; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: none; font-weight: 600; font-size: 12pt;
    padding: 10px 26px;
}}
QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[role="link"] {{
    border: none; background: transparent; color: {ACCENT_DARK}; text-decoration: underline;
    padding: 2px;
}}
QPushButton[role="tab"] {{
    border: none; background: transparent; color: {SOFT_INK}; font-size: 12pt;
    padding: 6px 16px; min-width: 90px;
}}
QPushButton[role="tab"]:checked {{
    color: {ACCENT_DARK}; font-weight: 600; border-bottom: 2px solid {ACCENT}; border-radius: 0;
}}
QComboBox {{ padding: 4px 8px; min-height: 24px; }}
QListWidget {{ border: none; background: transparent; color: {INK}; }}
QListWidget::item {{ padding: 5px 0; }}
"""
