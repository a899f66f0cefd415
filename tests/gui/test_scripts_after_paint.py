"""Scripts are read before the window appears and laid out after (core/library.py's read_library).

What a person sees must not change: a script that cannot be played is still named and left out of
Today's list, and every exercise that is listed still offers its lengths and plays.
"""

import shutil

import pytest
from PySide6.QtCore import Qt

from compassion_app import app
from compassion_app.core.library import read_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.screens.today import CHOICE_KEY
from compassion_app.ui.sound import no_sound
from helpers.crowded_script import CROWDED


@pytest.fixture
def scripts(tmp_path):
    folder = tmp_path / "scripts"
    shutil.copytree(resource_path("scripts"), folder)
    (folder / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    return folder


def listed(window: MainWindow) -> list[str]:
    choice = window.today.exercise
    return [choice.itemData(index) for index in range(choice.count())]


def test_a_script_that_cannot_be_played_is_named_and_left_out_once_the_window_shows(
    qtbot, tmp_path, scripts
):
    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, read_library(scripts), no_sound)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: "crowded" not in listed(window))
        (notice,) = window.notices.texts()
        assert "crowded.toml line 10: In Crowded (1 min)" in notice
        assert len(listed(window)) == len(list(resource_path("scripts").glob("*.toml")))
        assert window.today.begin_button.isEnabled()


def test_a_remembered_choice_that_cannot_be_played_gives_way_to_one_that_can(
    qtbot, tmp_path, scripts
):
    with Store.open(tmp_path / "store.json") as store:
        store.set_setting(CHOICE_KEY, {"exercise": "crowded", "minutes": {"crowded": 1}})
        window = MainWindow(store, read_library(scripts), no_sound)
        qtbot.addWidget(window)
        window.show()
        today = window.today
        qtbot.waitUntil(lambda: "crowded" not in listed(window))
        assert today.exercise.currentData() is not None
        assert today.minutes.count() > 0 and today.begin_button.isEnabled()
        assert today.summary.text() == window._library.get(today.exercise.currentData()).summary


def test_every_listed_exercise_offers_its_lengths_and_begins_at_the_one_chosen(qtbot, window):
    today = window.today
    for index in range(today.exercise.count()):
        today.exercise.setCurrentIndex(index)
        script = window._library.get(today.exercise.currentData())
        offered = [today.minutes.itemData(row) for row in range(today.minutes.count())]
        assert offered == list(script.minutes), script.exercise_id
    today.exercise.setCurrentIndex(today.exercise.findData("calm-place"))
    today.minutes.setCurrentIndex(today.minutes.count() - 1)  # the longest it offers
    qtbot.mouseClick(today.begin_button, Qt.MouseButton.LeftButton)
    timeline = window.practice.controller.practice.timeline
    longest = max(window._library.get("calm-place").minutes)
    assert (timeline.exercise_id, timeline.minutes) == ("calm-place", longest)


def test_a_practice_named_on_the_command_line_that_cannot_be_played_is_refused(scripts):
    (scripts / "crowded-too.toml").write_text(
        CROWDED.replace('"crowded"', '"crowded-too"'), encoding="utf-8"
    )
    library = read_library(scripts)
    with pytest.raises(LookupError) as refused:
        app._chosen_practice(library, ("crowded", None))
    words = str(refused.value)
    assert "There is no exercise called 'crowded'" in words
    assert "calm-place" in words and "crowded-too" not in words  # only what can be played
