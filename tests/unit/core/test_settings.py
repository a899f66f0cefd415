from pathlib import Path

import pytest

from compassion_app.core.scripts import load_script
from compassion_app.core.settings import Settings

SCRIPTS = Path(__file__).parents[3] / "assets" / "scripts"


def test_settings_survive_a_round_trip():
    settings = Settings(checkins=False, breathing=(4, 1, 6, 1), ambient="ocean")
    assert Settings.from_dict(settings.to_dict()) == settings


def test_unreadable_values_fall_back_to_their_defaults_and_keep_the_rest():
    saved = {
        "checkins": "yes",
        "breathing": [0, 0, 0, 0],
        "ambient": "thunder",
        "show_counts": False,
    }
    settings = Settings.from_dict(saved)
    assert settings.checkins is True
    assert settings.breathing is None
    assert settings.ambient == "script"
    assert settings.show_counts is False


def test_volumes_are_kept_between_silent_and_full():
    settings = Settings.from_dict({"volumes": {"voice": 3, "bells": -1}})
    assert settings.volumes["voice"] == 1.0
    assert settings.volumes["bells"] == 0.0
    assert settings.volumes["breath"] == pytest.approx(0.7)


def test_a_personal_pace_and_no_easing_reach_the_breathing_practice():
    script = load_script(SCRIPTS / "soothing-rhythm-breathing.toml")
    mine = Settings(breathing=(5, 0, 7, 0), start_where_i_am=False, ambient="rain").apply_to(script)
    assert mine.breathing is not None
    assert mine.breathing.pattern.parts() == (5, 0, 7, 0)
    assert mine.breathing.ease_from_per_minute is None
    assert mine.ambient == "rain"


def test_the_guides_voice_is_on_unless_switched_off_and_an_odd_value_keeps_it_on():
    assert Settings().guide_voice is True
    assert Settings.from_dict({"checkins": False}).guide_voice is True  # saved before it existed
    assert Settings.from_dict(Settings(guide_voice=False).to_dict()).guide_voice is False
    assert Settings.from_dict({"guide_voice": "off"}).guide_voice is True
