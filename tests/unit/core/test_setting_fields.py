"""Settings declared once: what earlier versions saved loads exactly as before, and damage never
costs a person more than the one value that was damaged."""

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compassion_app.core import setting_fields as declare
from compassion_app.core.desktop_settings import DesktopSettings
from compassion_app.core.progress_settings import ProgressSettings
from compassion_app.core.settings import Settings

# Saved by the versions before the declarations were unified (the shape each to_dict wrote).
SAVED_PRACTICE = {
    "checkins": False,
    "show_counts": False,
    "reduced_motion": True,
    "start_where_i_am": False,
    "listen_to_breath": True,
    "asked_to_listen": True,
    "breathing": [4.0, 1.0, 6.0, 1.0],
    "ambient": None,
    "volumes": {"voice": 0.9, "bells": 0.25, "breath": 0.0, "ambient": 0.5},
}
SAVED_DESKTOP = {"theme": "dark", "keep_in_tray": True, "welcomed": True}
SAVED_PROGRESS = {
    "weekly_goal_days": 3,
    "hide_streaks": True,
    "reminder": True,
    "reminder_time": "07:30",
    "start_at_login": True,
}


def test_practice_settings_saved_by_earlier_versions_load_exactly_as_they_were():
    settings = Settings.from_dict(SAVED_PRACTICE)
    assert settings == Settings(
        checkins=False,
        show_counts=False,
        reduced_motion=True,
        start_where_i_am=False,
        listen_to_breath=True,
        asked_to_listen=True,
        breathing=(4.0, 1.0, 6.0, 1.0),
        ambient=None,
        volumes={"voice": 0.9, "bells": 0.25, "breath": 0.0, "ambient": 0.5},
    )
    # Saved before the guide's voice could be switched off: it stays on, and is written back
    # the same way with that one choice added.
    assert settings.guide_voice is True
    assert settings.to_dict() == {**SAVED_PRACTICE, "guide_voice": True}


def test_desktop_settings_saved_before_text_size_existed_load_with_the_systems_size():
    settings = DesktopSettings.from_dict(SAVED_DESKTOP)
    assert settings == DesktopSettings(theme="dark", keep_in_tray=True, welcomed=True)
    assert settings.text_size == 100
    assert settings.to_dict() == {**SAVED_DESKTOP, "text_size": 100}


def test_progress_settings_saved_by_earlier_versions_load_exactly_as_they_were():
    settings = ProgressSettings.from_dict(SAVED_PROGRESS)
    assert settings == ProgressSettings(3, True, True, "07:30", True)
    assert settings.to_dict() == SAVED_PROGRESS


def test_a_breath_saved_in_whole_seconds_comes_back_as_the_same_breath():
    assert Settings.from_dict({"breathing": [5, 0, 7, 0]}).breathing == (5.0, 0.0, 7.0, 0.0)


def test_a_breath_with_no_in_or_out_breath_or_the_wrong_parts_keeps_each_practices_own():
    for damaged in ([0, 0, 0, 0], [4, 1, 6], "fast", [4, 1, "x", 1], [1e999, 1, 1, 1]):
        assert Settings.from_dict({"breathing": damaged}).breathing is None


def test_volumes_out_of_range_are_brought_within_it_and_missing_layers_get_their_default():
    volumes = Settings.from_dict({"volumes": {"voice": 3, "bells": -1, "extra": 1}}).volumes
    assert volumes == {"voice": 1.0, "bells": 0.0, "breath": 0.7, "ambient": 0.7}


def test_volumes_that_are_not_a_map_or_not_numbers_keep_the_whole_default_mix():
    for damaged in ([1, 2], {"voice": "loud"}, {"voice": None}):
        assert Settings.from_dict({"volumes": damaged}).volumes == Settings().volumes


def test_a_damaged_value_falls_back_alone_and_the_rest_are_kept():
    settings = Settings.from_dict({"checkins": 1, "ambient": "thunder", "show_counts": False})
    assert settings.checkins is True  # 1 is not yes
    assert settings.ambient == "script"
    assert settings.show_counts is False


def test_numbers_and_times_outside_their_declared_bounds_are_not_trusted():
    damaged = {"weekly_goal_days": 9, "reminder_time": "25:00", "hide_streaks": "yes"}
    assert ProgressSettings.from_dict(damaged) == ProgressSettings()
    assert ProgressSettings.from_dict({"weekly_goal_days": True}) == ProgressSettings()


def test_a_text_size_is_one_of_the_offered_sizes():
    for damaged in (175, "150", 150.0, True):
        assert DesktopSettings.from_dict({"text_size": damaged}).text_size == 100
    assert DesktopSettings.from_dict({"text_size": 200}).text_size == 200


@pytest.mark.parametrize("saved", [None, [], "settings", 3])
def test_a_saved_value_that_is_no_map_at_all_gives_every_default(saved):
    assert Settings.from_dict(saved) == Settings()
    assert DesktopSettings.from_dict(saved) == DesktopSettings()
    assert ProgressSettings.from_dict(saved) == ProgressSettings()


def test_a_new_setting_is_one_line_and_is_read_written_and_shown_like_the_rest():
    @dataclass(frozen=True)
    class Example(declare.SavedSettings):
        gentle: bool = declare.switch(True, "Be gentle")
        kept: bool = declare.remembered(False)

    assert Example.from_dict({"gentle": False, "kept": True}) == Example(False, True)
    assert Example.from_dict({"gentle": "no"}) == Example()
    assert Example(False).to_dict() == {"gentle": False, "kept": False}
    assert declare.shown(Example) == ["gentle"]


def test_every_shown_setting_has_words_and_every_compound_one_its_parts_and_bounds():
    for settings_type in (Settings, DesktopSettings, ProgressSettings):
        for name in declare.shown(settings_type):
            setting = declare.declared(settings_type)[name]
            assert setting.label, name
            if setting.kind in (declare.LEVELS, declare.PARTS, declare.NUMBER):
                assert setting.bounds is not None, name
            if setting.kind in (declare.LEVELS, declare.PARTS):
                assert all(words for _part, words in setting.parts), name
    assert [part for part, _ in declare.declared(Settings)["volumes"].parts] == [
        "voice",
        "bells",
        "breath",
        "ambient",
    ]


def test_the_practice_settings_come_in_three_sections_in_reading_order():
    assert declare.sections(Settings) == ["Practice", "Pacer", "Sound"]
    assert declare.shown(Settings, "Practice") == ["checkins", "start_where_i_am", "breathing"]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@pytest.mark.parametrize("settings_type", [Settings, DesktopSettings, ProgressSettings])
@given(data=st.data())
def test_whatever_a_damaged_file_holds_loading_never_fails_and_gives_settings_that_hold(
    settings_type, data
):
    names = list(declare.declared(settings_type))
    saved = data.draw(st.dictionaries(st.sampled_from(names) | st.text(max_size=5), JSON_VALUES))
    settings = settings_type.from_dict(saved)
    assert settings_type.from_dict(settings.to_dict()) == settings  # what it kept, it keeps
    for name, setting in declare.declared(settings_type).items():
        value = getattr(settings, name)
        if setting.options:
            assert value in setting.values
        if setting.kind == declare.LEVELS:
            low, high = setting.bounds
            assert all(low <= level <= high for level in value.values())
        if setting.kind == declare.NUMBER:
            low, high = setting.bounds
            assert low <= value <= high
