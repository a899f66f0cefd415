from pathlib import Path

import pytest

from compassion_app.core.scripts import ScriptError, load_script

MINIMAL = """
id = "tiny"
title = "Tiny"
kind = "breathing"
summary = "A short one."
minutes = [1, 3]
default_minutes = 3
[breathing]
per_minute = 6
[[cue]]
at = "end"
offset = 10
text = "Closing words."
[[cue]]
at = "start"
offset = 2
text = "Welcome."
voice = "welcome"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_script_loads_with_its_cues_in_order(tmp_path):
    script = load_script(write(tmp_path, MINIMAL))
    assert script.exercise_id == "tiny"
    assert script.minutes == (1, 3)
    assert [cue.text for cue in script.cues] == ["Welcome.", "Closing words."]
    assert script.cues[0].voice == "welcome"
    assert script.breathing is not None
    assert script.breathing.pattern.per_minute == pytest.approx(6.0)


def test_an_end_anchored_cue_moves_with_the_length(tmp_path):
    closing = load_script(write(tmp_path, MINIMAL)).cues[1]
    assert closing.seconds_in(60) == 50
    assert closing.seconds_in(180) == 170


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("id = [", "is not valid TOML"),
        (MINIMAL.replace('kind = "breathing"', 'kind = "dance"'), "'kind' must be one of"),
        (MINIMAL.replace('title = "Tiny"\n', ""), "the entry 'title' is missing"),
        (MINIMAL.replace("minutes = [1, 3]", "minutes = [7]"), "minutes must be chosen"),
        (MINIMAL.replace("offset = 2", "offset = -2"), "offset cannot be negative"),
    ],
)
def test_a_broken_script_gets_a_message_naming_the_file_and_problem(tmp_path, broken, expected):
    with pytest.raises(ScriptError) as caught:
        load_script(write(tmp_path, broken))
    assert "tiny.toml" in str(caught.value)
    assert expected in str(caught.value)


def test_a_missing_file_is_reported_plainly(tmp_path):
    with pytest.raises(ScriptError, match="could not be opened"):
        load_script(tmp_path / "nowhere.toml")
