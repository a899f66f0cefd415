"""The desktop choices: declared once, defaults as promised, damaged values never trusted."""

from compassion_app.core.desktop_settings import DesktopSettings
from compassion_app.core.setting_fields import declared, shown


def test_the_app_follows_the_system_and_never_hides_in_the_tray_unless_asked():
    settings = DesktopSettings()
    assert settings.theme == "system"
    assert settings.keep_in_tray is False
    assert settings.welcomed is False
    assert settings.text_size == 100  # the system's own text size


def test_saved_choices_come_back_as_they_were():
    chosen = DesktopSettings(theme="dark", text_size=150, keep_in_tray=True, welcomed=True)
    assert DesktopSettings.from_dict(chosen.to_dict()) == chosen


def test_unreadable_values_fall_back_to_their_defaults_and_keep_the_rest():
    damaged = {"theme": "purple", "keep_in_tray": "yes", "text_size": 300, "welcomed": True}
    assert DesktopSettings.from_dict(damaged) == DesktopSettings(welcomed=True)
    assert DesktopSettings.from_dict(["not", "a", "dict"]) == DesktopSettings()


def test_only_the_persons_choices_get_controls_each_with_its_words():
    assert shown(DesktopSettings) == ["theme", "text_size", "keep_in_tray"]
    assert all(declared(DesktopSettings)[name].label for name in shown(DesktopSettings))
    assert declared(DesktopSettings)["theme"].values == ("system", "light", "dark")
    assert declared(DesktopSettings)["text_size"].values == (100, 125, 150, 200)
