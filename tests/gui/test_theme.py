"""Light and dark: chosen in Settings, following the system by default, always readable."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from compassion_app.core.desktop_settings import STORE_KEY
from compassion_app.ui.palette import DARK, GRAPHIC_ON, LIGHT, TEXT_ON, contrast, palette_for

pytestmark = pytest.mark.usefixtures("light_afterwards")


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(
    "pairs, least", [(TEXT_ON, 4.5), (GRAPHIC_ON, 3)], ids=["text at 4.5", "shapes at 3"]
)
def test_every_colour_stands_out_from_what_it_is_drawn_on(colours, pairs, least):
    for shown, background in pairs:
        ratio = contrast(getattr(colours, shown), getattr(colours, background))
        assert ratio >= least, (shown, background, round(ratio, 2))


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_focus_ring_stands_out_from_what_it_borders(colours):
    for background in ("background", "card", "primary"):
        assert contrast(colours.focus_ring, getattr(colours, background)) >= 3, background


def test_the_system_decides_until_the_person_chooses():
    assert palette_for("system", system_is_dark=True) is DARK
    assert palette_for("system", system_is_dark=False) is LIGHT
    assert palette_for("light", system_is_dark=True) is LIGHT
    assert palette_for("dark", system_is_dark=False) is DARK


def _background(window):
    image = window.grab().toImage()
    return QColor(image.pixel(5, image.height() - 5)).name()


def test_choosing_dark_in_settings_repaints_the_window_and_is_kept(qtbot, window):
    assert window.desktop.settings.theme == "system"
    assert _background(window) == LIGHT.background  # offscreen, the system is not dark
    window.show_settings()
    combo = window.desktop_card.controls["theme"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # "Dark", the last choice
    assert combo.currentData() == "dark"
    assert _background(window) == DARK.background
    window.show_today()
    assert _background(window) == DARK.background
    assert window.store.get_setting(STORE_KEY, {})["theme"] == "dark"


def test_back_to_light_brings_the_light_look_back(qtbot, window):
    window.show_settings()
    combo = window.desktop_card.controls["theme"]
    combo.setCurrentIndex(combo.findData("dark"))
    combo.setCurrentIndex(combo.findData("light"))
    assert _background(window) == LIGHT.background


def test_keeping_in_the_tray_is_off_until_chosen_and_then_kept(window):
    window.show_settings()
    box = window.desktop_card.controls["keep_in_tray"]
    assert not box.isChecked()
    box.click()
    assert window.desktop.settings.keep_in_tray
    assert window.store.get_setting(STORE_KEY, {})["keep_in_tray"] is True


def test_the_card_shows_a_choice_made_elsewhere(window):
    from dataclasses import replace

    window.show_settings()
    window.desktop.choose(replace(window.desktop.settings, theme="dark", keep_in_tray=True))
    assert window.desktop_card.controls["theme"].currentData() == "dark"
    assert window.desktop_card.controls["keep_in_tray"].isChecked()
