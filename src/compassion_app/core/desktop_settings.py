"""The person's choices about the app on their desktop, each declared once, as data.

Each field carries its own words (in messages.py) and options (core/setting_fields.py); the
settings screen builds its controls from them, so a new choice is one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_app import messages
from compassion_app.core import setting_fields as declare

STORE_KEY = "desktop"  # the store setting these live under
THEMES = ("system", "light", "dark")
# Percentages of the text size the system is set to; 100 % leaves it as the system has it.
TEXT_SIZES = (100, 125, 150, 200)


@dataclass(frozen=True)
class DesktopSettings(declare.SavedSettings):
    theme: str = declare.choice(
        "system",
        messages.SETTING_THEME,
        tuple((theme, messages.CHOICE_WORDS[theme]) for theme in THEMES),
    )
    text_size: int = declare.choice(
        100,
        messages.SETTING_TEXT_SIZE,
        tuple((size, messages.TEXT_SIZE_WORDS.format(percent=size)) for size in TEXT_SIZES),
    )
    keep_in_tray: bool = declare.switch(False, messages.SETTING_KEEP_IN_TRAY)
    welcomed: bool = declare.remembered(False)  # the first-run welcome has been shown
