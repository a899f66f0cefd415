"""The library of exercises: one broken file is reported and never hides the others."""

import shutil
from pathlib import Path

from compassion_app.core.library import load_library
from helpers.crowded_script import CROWDED

BUNDLED = Path(__file__).resolve().parents[3] / "assets" / "scripts"


def copy_bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "scripts"
    shutil.copytree(BUNDLED, folder)
    return folder


def test_the_bundled_library_loads_without_a_problem():
    library = load_library(BUNDLED)
    assert library.problems == []
    assert library.suggested() is not None
    assert library.suggested().exercise_id == "soothing-rhythm-breathing"


def test_a_broken_file_is_reported_and_the_others_still_load(tmp_path):
    folder = copy_bundled(tmp_path)
    path = folder / "calm-place.toml"
    path.write_text(path.read_text().replace('ambient = "ocean"', "bells = 3"), encoding="utf-8")
    broken = folder / "compassionate-colour.toml"
    broken.write_text(broken.read_text().replace("inhale = 4.5", "inhale = nan"))
    library = load_library(folder)
    assert not {"calm-place", "compassionate-colour"} & set(library.scripts)
    assert len(library.scripts) == len(list(BUNDLED.glob("*.toml"))) - 2
    assert len(library.problems) == 2
    line = path.read_text().splitlines().index("bells = 3") + 1
    assert library.problems[0] == (
        "One exercise was left out, and the others are ready to use. "
        f"calm-place.toml line {line}: 'bells' expects a table, got 3"
    )
    assert "compassionate-colour.toml line " in library.problems[1]
    assert "'inhale' expects seconds between 1 and 15, got nan" in library.problems[1]


def test_a_script_whose_words_do_not_fit_a_length_it_offers_is_left_out(tmp_path):
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    library = load_library(folder)
    assert library.scripts == {}
    assert "crowded.toml line 10: In Crowded (1 min)" in library.problems[0]


def test_two_files_with_one_id_keep_the_first(tmp_path):
    folder = copy_bundled(tmp_path)
    shutil.copy(folder / "calm-place.toml", folder / "zz-copy.toml")
    library = load_library(folder)
    assert library.scripts["calm-place"].source == folder / "calm-place.toml"
    assert any("zz-copy.toml" in problem for problem in library.problems)


def test_an_empty_folder_says_so(tmp_path):
    assert load_library(tmp_path).problems == [f"No exercise files were found in {tmp_path}."]


def test_the_worked_example_in_the_format_guide_is_true(tmp_path):
    import re

    from compassion_app.core.script_check import checked_script
    from compassion_app.core.scripts import ScriptError

    guide = (BUNDLED.parent / "help" / "writing-exercises.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", guide, re.DOTALL)
    assert example is not None
    path = tmp_path / "kind-pause.toml"
    path.write_text(example.group(1), encoding="utf-8")
    assert checked_script(path).minutes == (3, 5)
    path.write_text(example.group(1).replace("inhale = 4 ", 'inhale = "slow" '), encoding="utf-8")
    try:
        checked_script(path)
    except ScriptError as error:
        assert f"`{error}`" in guide
    else:
        raise AssertionError("the broken example was accepted")


OWN = """\
id = "my-pause"
title = "My own pause"
kind = "breathing"
summary = "Words I wrote for myself."
minutes = [3]
ambient = "rain"

[breathing]
per_minute = 6

[[cue]]
at = "start"
offset = 3
text = "Hello, me."
"""


def test_exercises_people_write_load_beside_the_bundled_ones(tmp_path):
    own = tmp_path / "my-exercises"
    own.mkdir()
    (own / "my-pause.toml").write_text(OWN, encoding="utf-8")
    (own / "broken.toml").write_text(OWN.replace("per_minute = 6", "per_minute = 0"))
    (own / "copy.toml").write_text(OWN.replace('"my-pause"', '"calm-place"'))
    library = load_library(BUNDLED, own_folder=own)
    assert library.own == {"my-pause"}
    assert library.scripts["my-pause"].ambient == "rain"  # the bundled beds are theirs to use
    assert library.scripts["calm-place"].source == BUNDLED / "calm-place.toml"
    assert set(library.own_problems) == {"broken.toml", "copy.toml"}
    assert library.own_problems["broken.toml"].startswith("broken.toml line 9: 'per_minute'")
    assert library.own_problems["copy.toml"].startswith(
        "copy.toml line 1: the id 'calm-place' belongs to an exercise that comes with the app"
    )
    assert len(library.scripts) == len(list(BUNDLED.glob("*.toml"))) + 1


def test_a_missing_own_folder_is_simply_empty(tmp_path):
    library = load_library(BUNDLED, own_folder=tmp_path / "not-made-yet")
    assert library.own == set() and library.problems == []


def test_a_new_or_changed_file_shows_in_the_folder_state(tmp_path):
    from compassion_app.core.library import folder_state

    before = folder_state(tmp_path)
    (tmp_path / "my-pause.toml").write_text(OWN, encoding="utf-8")
    after = folder_state(tmp_path)
    assert before == () and after != before
    (tmp_path / "my-pause.toml").write_text(OWN + "\n# more\n", encoding="utf-8")
    assert folder_state(tmp_path) != after


def test_reading_the_own_folder_again_picks_up_new_changed_and_removed_files(tmp_path):
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "my-pause.toml").write_text(OWN, encoding="utf-8")
    library = load_library(BUNDLED, own_folder=own)
    bundled = {name: script for name, script in library.scripts.items() if name != "my-pause"}

    (own / "my-pause.toml").write_text(OWN.replace("My own pause", "A softer pause"))
    (own / "second.toml").write_text(OWN.replace('"my-pause"', '"second"'))
    library.read_own(own)
    assert library.own == {"my-pause", "second"}
    assert library.scripts["my-pause"].title == "A softer pause"

    (own / "second.toml").unlink()
    (own / "my-pause.toml").write_text(OWN.replace("per_minute = 6", "per_minute = 0"))
    library.read_own(own)
    assert library.own == set() and "my-pause" not in library.scripts
    assert list(library.own_problems) == ["my-pause.toml"]
    assert len(library.problems) == 1 and "my-pause.toml line 9" in library.problems[0]

    (own / "my-pause.toml").unlink()
    library.read_own(own)
    assert library.own_problems == {} and library.problems == []
    assert library.scripts == bundled  # the bundled ones never moved


def test_a_bundled_problem_stays_when_the_own_folder_is_read_again(tmp_path):
    folder = copy_bundled(tmp_path)
    (folder / "calm-place.toml").write_text("id = ", encoding="utf-8")
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "broken.toml").write_text("title = 3", encoding="utf-8")
    library = load_library(folder, own_folder=own)
    assert len(library.problems) == 2
    (own / "broken.toml").unlink()
    library.read_own(own)
    assert len(library.problems) == 1 and "calm-place.toml" in library.problems[0]


def test_the_own_files_list_each_file_with_its_exercise_or_its_problem(tmp_path):
    own = tmp_path / "my-exercises"
    own.mkdir()
    for name, text in (
        ("b-mine.toml", OWN),
        ("a-broken.toml", OWN.replace('kind = "breathing"', 'kind = "dancing"')),
        ("c-copy.toml", OWN.replace('"my-pause"', '"calm-place"')),
    ):
        (own / name).write_text(text, encoding="utf-8")
    files = load_library(BUNDLED, own_folder=own).own_files()
    assert [file.name for file in files] == ["a-broken.toml", "b-mine.toml", "c-copy.toml"]
    assert files[1].script is not None and files[1].script.title == "My own pause"
    assert files[1].problem is None
    assert files[0].script is None and files[0].problem is not None
    assert files[0].problem.startswith("a-broken.toml line 3: 'kind'")
    assert files[2].problem is not None and "calm-place" in files[2].problem


def test_a_file_renamed_over_another_of_the_same_size_and_time_is_read_again(tmp_path):
    import os

    own = tmp_path / "exercises"
    own.mkdir()
    path = own / "my-pause.toml"
    path.write_text(OWN, encoding="utf-8")
    library = load_library(BUNDLED, own_folder=own)
    seen = library.own_seen
    fresh = own / "new.tmp"  # not a script: an editor's temporary name
    fresh.write_text(OWN.replace("My own pause", "My own Pause"), encoding="utf-8")
    stamp = path.stat()
    os.utime(fresh, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    os.replace(fresh, path)
    assert library.own_seen == seen and (path.stat().st_size, path.stat().st_mtime_ns) == (
        stamp.st_size,
        stamp.st_mtime_ns,
    )
    from compassion_app.core.library import folder_state

    assert folder_state(own) != seen  # a screen sees the change...
    library.read_own(own)
    assert library.scripts["my-pause"].title == "My own Pause"  # ...and the library reads it


def test_reading_again_keeps_what_unchanged_files_gave_and_reads_the_changed_one(tmp_path):
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "a.toml").write_text(OWN.replace('"my-pause"', '"a"'), encoding="utf-8")
    (own / "b.toml").write_text("id = ", encoding="utf-8")
    library = load_library(BUNDLED, own_folder=own)
    kept, problem = library.scripts["a"], library.own_problems["b.toml"]
    (own / "c.toml").write_text(OWN.replace('"my-pause"', '"c"'), encoding="utf-8")
    library.read_own(own)
    assert library.scripts["a"] is kept  # not laid out again
    assert library.own_problems == {"b.toml": problem} and library.own == {"a", "c"}
    (own / "b.toml").write_text(OWN.replace('"my-pause"', '"b"'), encoding="utf-8")
    (own / "a.toml").unlink()
    library.read_own(own)
    assert library.own == {"b", "c"} and library.own_problems == {}


def test_other_files_in_the_own_folder_are_listed_with_why_they_are_not_read(tmp_path):
    own = tmp_path / "exercises"
    own.mkdir()
    for name in ("mine.toml.txt", "notes.txt", "Other.TOML", ".#mine.toml", "mine.toml~"):
        (own / name).write_text(OWN, encoding="utf-8")
    (own / "folder").mkdir()
    library = load_library(BUNDLED, own_folder=own)
    assert library.own == set() and library.problems == []  # nothing for a notice to tell
    words = {file.name: file.problem for file in library.own_files()}
    assert words == {
        "Other.TOML": "Other.TOML: only a file whose name ends in .toml is read as an exercise; "
        "named Other.toml, it would be",
        "mine.toml.txt": "mine.toml.txt: only a file whose name ends in .toml is read as an "
        "exercise; named mine.toml, it would be",
        "notes.txt": "notes.txt: only a file whose name ends in .toml is read as an exercise",
    }
    (own / "mine.toml.txt").rename(own / "mine.toml")
    library.read_own(own)
    assert library.own == {"my-pause"} and "mine.toml.txt" not in library.own_strays


def folder_with_every_kind_of_problem(tmp_path: Path) -> Path:
    folder = copy_bundled(tmp_path)
    (folder / "a-crowded.toml").write_text(CROWDED, encoding="utf-8")
    # The same id again, after the crowded one: kept, since the first is left out.
    (folder / "b-crowded-fixed.toml").write_text(
        CROWDED.replace("offset = 6", "offset = 40"), encoding="utf-8"
    )
    (folder / "c-not-toml.toml").write_text('id = "broken"\ntitle = [', encoding="utf-8")
    (folder / "d-crowded-too.toml").write_text(
        CROWDED.replace('"crowded"', '"crowded-too"'), encoding="utf-8"
    )
    shutil.copy(folder / "calm-place.toml", folder / "zz-copy.toml")
    return folder


def test_reading_now_and_laying_out_later_gives_the_same_library(tmp_path):
    from compassion_app.core.library import read_library

    folder = folder_with_every_kind_of_problem(tmp_path)
    at_once = load_library(folder)
    later = read_library(folder)
    found_later = later.lay_out_all()
    assert later.scripts == at_once.scripts
    assert later.scripts["crowded"].source == folder / "b-crowded-fixed.toml"
    # The same words; those found while laying out come after those found while reading.
    assert sorted(later.problems) == sorted(at_once.problems)
    assert len(at_once.problems) == 4
    # The first crowded file was laid out as its id came again; the other one waited till now.
    assert found_later == [p for p in at_once.problems if "d-crowded-too.toml" in p]
    assert later.lay_out_all() == []  # each script is laid out once


def test_a_script_that_does_not_lay_out_is_refused_when_first_asked_for(tmp_path):
    from compassion_app.core.library import read_library

    folder = tmp_path / "scripts"
    shutil.copytree(BUNDLED, folder)
    (folder / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    library = read_library(folder)
    assert library.problems == []  # it reads well: nothing to say yet
    assert library.get("crowded") is None
    assert "crowded.toml line 10: In Crowded (1 min)" in library.problems[0]
    assert "crowded" not in {script.exercise_id for script in library.ordered()}
    assert library.get("calm-place") is not None
    assert library.lay_out_all() == []  # already said, not said twice


def test_a_broken_own_script_found_later_is_named_with_its_file(tmp_path):
    from compassion_app.core.library import read_library

    own = tmp_path / "my-exercises"
    own.mkdir()
    (own / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    library = read_library(BUNDLED, own_folder=own)
    assert library.own == {"crowded"}
    (problem,) = library.lay_out_all()
    assert library.own == set()
    assert library.own_problems["crowded.toml"] in problem
