"""Reading one exercise script: what loads, and the plain message for everything that does not."""

from pathlib import Path

import pytest

from compassion_app.core.scripts import ScriptError, load_script

MINIMAL = """\
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


def problem(tmp_path: Path, text: str) -> ScriptError:
    with pytest.raises(ScriptError) as caught:
        load_script(write(tmp_path, text))
    return caught.value


def test_a_script_loads_with_its_cues_in_order(tmp_path):
    script = load_script(write(tmp_path, MINIMAL))
    assert script.exercise_id == "tiny"
    assert script.minutes == (1, 3)
    assert [cue.text for cue in script.cues] == ["Welcome.", "Closing words."]
    assert script.cues[0].voice == "welcome"
    assert [cue.line for cue in script.cues] == [16, 11]
    assert script.breathing is not None
    assert script.breathing.pattern.per_minute == pytest.approx(6.0)


def test_an_end_anchored_cue_moves_with_the_length(tmp_path):
    closing = load_script(write(tmp_path, MINIMAL)).cues[1]
    assert closing.seconds_in(60) == 50
    assert closing.seconds_in(180) == 170


def test_the_example_from_the_format_guide_reads_word_for_word(tmp_path):
    text = MINIMAL.replace("per_minute = 6", 'inhale = "slow"\nexhale = 5')
    assert str(problem(tmp_path, text)) == (
        "tiny.toml line 9: 'inhale' expects seconds between 1 and 15, got 'slow'"
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        ('kind = "breathing"', 'kind = "dance"', 3, "'kind' expects one of 'breathing', 'imagery'"),
        ('title = "Tiny"', "", 1, "'title' is missing: it expects some text"),
        ("minutes = [1, 3]", "minutes = [7]", 5, "'minutes' expects a list of lengths"),
        ("default_minutes = 3", "default_minutes = 5", 6, "not one of its minutes [1, 3]"),
        ("offset = 2", "offset = -2", 18, "'offset' expects seconds between 0 and 1200, got -2"),
        ("offset = 2", "offset = inf", 18, "'offset' expects seconds between 0 and 1200, got inf"),
        ("offset = 2", "offset = nan", 18, "got nan"),
        ("offset = 2", "offset = 1e400", 18, "got inf"),
        ("offset = 2", "offset = 99999999999999999999", 18, "got a number far too large"),
        ("offset = 2", "offset = true", 18, "got true"),
        ("per_minute = 6", "per_minute = 0", 9, "breaths a minute between 2 and 20, got 0"),
        ("per_minute = 6", "per_minute = 1e9", 9, "got 1000000000.0"),
        ("per_minute = 6", "per_minute = nan", 9, "got nan"),
        ("per_minute = 6", "pace = 6", 9, "'pace' is not part of the script format here"),
        ("[breathing]\nper_minute = 6", "breathing = 4", 8, "'breathing' expects a table, got 4"),
        ("[breathing]\nper_minute = 6", "bells = [1]", 8, "'bells' expects a table, got a list"),
        ('text = "Welcome."', "text = 3", 19, "'text' expects some text"),
        ('text = "Welcome."', 'text = "   "', 19, "'text' expects some text"),
        ('voice = "welcome"', 'voice = "../../etc"', 20, "'voice' expects a short name"),
        ('at = "start"', 'at = "middle"', 17, "'at' expects one of 'start', 'end'"),
        ('at = "start"', "", 16, "'at' is missing"),
        ('voice = "welcome"', "min_minutes = 5", 20, "it would never be heard"),
        ("per_minute = 6", "inhale = 4", 9, "'exhale' is missing"),
        ("per_minute = 6", "per_minute = 6\ninhale = 4\nexhale = 4", 10, "both set the pace"),
        ("per_minute = 6", "sound = true", 8, "either 'per_minute' or 'inhale' and 'exhale'"),
        ("per_minute = 6", "per_minute = 6\nlength = 0", 10, "'length' expects seconds"),
    ],
)
def test_each_problem_names_the_file_the_line_the_field_and_what_was_expected(
    tmp_path, old, new, line, expected
):
    assert old in MINIMAL
    error = problem(tmp_path, MINIMAL.replace(old, new, 1))
    assert str(error).startswith(f"tiny.toml line {line}: ")
    assert expected in str(error)
    assert error.line == line


def test_broken_toml_names_the_line_the_parser_stopped_at(tmp_path):
    error = problem(tmp_path, MINIMAL.replace('summary = "A short one."', "summary = "))
    assert str(error).startswith("tiny.toml line 4: this is not valid TOML (")
    assert "(at line" not in str(error)


def test_an_unfinished_file_is_placed_at_its_last_line(tmp_path):
    error = problem(tmp_path, 'id = "tiny"\ntitle = "unclosed')
    assert str(error).startswith("tiny.toml line 2: this is not valid TOML")


def test_deep_nesting_is_refused_without_recursing(tmp_path):
    error = problem(tmp_path, MINIMAL + "\n[[cue]]\nat = " + "[" * 5000 + "]" * 5000 + "\n")
    assert str(error) == "tiny.toml line 23: brackets nest far more deeply than a script ever needs"


def test_a_file_that_is_not_text_is_refused_at_its_line(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_bytes(MINIMAL.encode() + b'\nwhy = "\xff\xfe"\n')
    with pytest.raises(ScriptError, match=r"^tiny\.toml line 22: the file is not UTF-8 text$"):
        load_script(path)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path):
    error = problem(tmp_path, MINIMAL + "#" * (300 * 1024))
    assert "tiny.toml line 1: the file is larger than 256 KB" in str(error)


def test_inline_tables_and_dotted_keys_are_placed_too(tmp_path):
    inline = MINIMAL.replace("[breathing]\nper_minute = 6", "breathing = { per_minute = 0 }")
    assert str(problem(tmp_path, inline)).startswith("tiny.toml line 8: 'per_minute' expects")
    dotted = MINIMAL.replace("[breathing]\nper_minute = 6", "breathing.per_minute = 0")
    assert str(problem(tmp_path, dotted)).startswith("tiny.toml line 8: 'per_minute' expects")


def test_cue_fields_name_the_cue_they_are_in(tmp_path):
    third = MINIMAL + '\n[[cue]]\nat = "end"\noffset = 30\ntext = "More."\nvoice = "Loud"\n'
    assert str(problem(tmp_path, third)).startswith("tiny.toml line 26: 'voice' expects")


def test_a_cue_can_be_kept_for_short_practices_only(tmp_path):
    text = MINIMAL.replace(
        'voice = "welcome"', 'voice = "welcome"\nmax_minutes = 1\nsteps = ["hi"]'
    )
    cue = load_script(write(tmp_path, text)).cues[0]
    assert (cue.in_practice_of(1), cue.in_practice_of(3), cue.steps) == (True, False, ("hi",))


def test_a_missing_file_is_reported_plainly(tmp_path):
    with pytest.raises(ScriptError, match="could not be opened"):
        load_script(tmp_path / "nowhere.toml")
