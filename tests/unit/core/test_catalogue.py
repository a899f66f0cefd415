"""The catalogue (core/catalogue.py): Today can be listed without reading a script, and only when
every script file is the one it describes; the scripts, once read, are the truth."""

import json
import shutil
from pathlib import Path

import pytest

from compassion_app.core.catalogue import SHIPPED, catalogue_bytes, read_catalogue
from compassion_app.core.library import Library, load_library, read_library
from helpers.crowded_script import CROWDED

BUNDLED = Path(__file__).resolve().parents[3] / "assets" / "scripts"
BROKEN_OWN = 'id = "mine"\ntitle = "Mine"\n'  # no kind, no summary: a problem with a line


@pytest.fixture
def folders(tmp_path):
    """A copy of the bundled scripts with one that reads but does not lay out, and an own folder
    with one broken file: every kind of outcome a catalogue keeps."""
    scripts = tmp_path / "scripts"
    shutil.copytree(BUNDLED, scripts)
    (scripts / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "broken.toml").write_text(BROKEN_OWN, encoding="utf-8")
    (own / "notes.txt").write_text("not a script", encoding="utf-8")
    return scripts, own, tmp_path / "catalogue.json"


def kept(folders) -> Library:
    """Start once (no catalogue yet), read everything as the window does, keep the catalogue."""
    scripts, own, catalogue = folders
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    library.lay_out_all()
    catalogue.write_bytes(catalogue_bytes(library.catalogue()))
    return library


def listing(library: Library) -> list[tuple]:
    """What Today shows of each exercise, in its order, and what the person is told."""
    shown = [
        (s.exercise_id, s.title, s.kind, s.summary, s.minutes, s.default_minutes)
        for s in library.ordered()
    ]
    suggested = library.suggested()
    return [shown, library.problems, sorted(library.own), suggested and suggested.exercise_id]


def truth(folders) -> Library:
    scripts, own, _catalogue = folders
    return load_library(scripts, own_folder=own)


def as_the_window_reads(folders) -> Library:
    """With no catalogue: read, then laid out once the window shows (broken reads told first)."""
    scripts, own, _catalogue = folders
    library = read_library(scripts, own_folder=own)
    library.lay_out_all()
    return library


def test_the_catalogue_keeps_what_each_file_gave_and_reads_back_the_same(folders):
    library = kept(folders)
    entries = read_catalogue(folders[2])
    assert entries == library.catalogue()
    problems = {entry.name: entry.problem for entry in entries if entry.problem}
    assert set(problems) == {"crowded.toml", "broken.toml"}
    assert len(entries) == len(list(BUNDLED.glob("*.toml"))) + 2


def test_a_matching_catalogue_lists_what_reading_the_scripts_would_show(folders):
    kept(folders)
    scripts, own, catalogue = folders
    listed = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert listed.listed_from_catalogue
    assert listing(listed) == listing(truth(folders))
    assert listed.own_problems == truth(folders).own_problems
    assert listed.own_strays == ["notes.txt"]


def test_once_asked_for_a_script_to_play_the_library_is_the_one_the_scripts_give(folders):
    kept(folders)
    scripts, own, catalogue = folders
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    script = library.get("calm-place")
    assert script is not None and script.cues  # the real script, laid out, not its listing
    assert not library.listed_from_catalogue
    library.lay_out_all()
    assert library == as_the_window_reads(folders)


def changed_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Calm place"', 'title = "A calm place"'), "utf-8")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s, o: changed_title(s / "calm-place.toml"), id="changed"),
        pytest.param(
            lambda s, o: (o / "extra.toml").write_text(
                (s / "soothe-now.toml").read_text().replace('"soothe-now"', '"extra"')
            ),
            id="added",
        ),
        pytest.param(lambda s, o: (s / "three-systems.toml").unlink(), id="removed"),
        pytest.param(
            lambda s, o: (s / "soothe-now.toml").write_text("id = [", encoding="utf-8"),
            id="broken",
        ),
    ],
)
def test_a_script_changed_added_removed_or_broken_since_is_read(folders, change):
    kept(folders)
    scripts, own, catalogue = folders
    change(scripts, own)
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert not library.listed_from_catalogue
    assert listing(library) == listing(read_library(scripts, own_folder=own))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1}',
        "\N{SNOWMAN}".encode(),
        b"\xff\xfe",
    ],
)
def test_a_damaged_catalogue_is_read_past_and_nothing_is_lost(folders, damage):
    scripts, own, catalogue = folders
    catalogue.write_bytes(damage)
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert not library.listed_from_catalogue
    library.lay_out_all()
    assert library == as_the_window_reads(folders)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("app", "0.0.1"),  # kept by another version of the app
        ("format", 2),
        ("key", [1, 2]),
        ("key", [True, 2, 3]),
        ("own", 0),
        ("listing.minutes", [3, "5"]),
        ("listing.default_minutes", 7),  # a length it does not offer
        ("listing.title", None),
        ("problem", "and a listing too"),
    ],
)
def test_a_catalogue_not_as_the_app_writes_it_is_set_aside(folders, where, value):
    kept(folders)
    scripts, own, catalogue = folders
    document = json.loads(catalogue.read_bytes())
    first = document["files"][0]
    target, key = (document, where) if where in ("app", "format") else (first, where)
    if key.startswith("listing."):
        target, key = first["listing"], key.removeprefix("listing.")
    target[key] = value
    catalogue.write_text(json.dumps(document), encoding="utf-8")
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert not library.listed_from_catalogue
    library.lay_out_all()
    assert library == as_the_window_reads(folders)


def test_a_file_saved_again_with_the_same_words_still_matches(folders):
    kept(folders)
    scripts, own, catalogue = folders
    text = (own / "broken.toml").read_bytes()
    (own / "broken.toml").unlink()
    (own / "broken.toml").write_bytes(text)  # a new file, a new time: the same words
    assert read_library(scripts, own_folder=own, catalogue=catalogue).listed_from_catalogue


def test_two_listings_of_one_id_are_not_trusted(folders):
    kept(folders)
    scripts, own, catalogue = folders
    document = json.loads(catalogue.read_bytes())
    second = document["files"][1]
    second["listing"]["exercise_id"] = document["files"][0]["listing"]["exercise_id"]
    catalogue.write_text(json.dumps(document), encoding="utf-8")
    assert not read_library(scripts, own_folder=own, catalogue=catalogue).listed_from_catalogue


def test_no_catalogue_kept_yet_reads_the_scripts_as_before(folders):
    scripts, own, catalogue = folders
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert not library.listed_from_catalogue
    assert listing(library) == listing(read_library(scripts, own_folder=own))


def test_a_file_still_waiting_to_be_laid_out_is_left_out_of_the_catalogue(folders):
    scripts, own, _catalogue = folders
    library = read_library(scripts, own_folder=own)
    library.get("calm-place")
    names = {entry.name for entry in library.catalogue()}
    assert "calm-place.toml" in names and "broken.toml" in names
    assert "soothe-now.toml" not in names  # read, not yet known to play


def test_the_catalogue_shipped_beside_the_bundled_scripts_is_up_to_date():
    made = catalogue_bytes(load_library(BUNDLED).catalogue())
    assert (BUNDLED / SHIPPED).read_bytes() == made, "run tools/catalogue.py, and commit it"


def test_someone_new_is_listed_from_the_catalogue_shipped_with_the_scripts(tmp_path):
    scripts = tmp_path / "scripts"
    shutil.copytree(BUNDLED, scripts)
    own, catalogue = tmp_path / "exercises", tmp_path / "catalogue.json"  # neither there yet
    library = read_library(scripts, own_folder=own, catalogue=catalogue)
    assert library.listed_from_catalogue
    assert listing(library) == listing(load_library(scripts, own_folder=own))
    own.mkdir()
    (own / "mine.toml").write_text(BROKEN_OWN, encoding="utf-8")  # not in the shipped one
    assert not read_library(scripts, own_folder=own, catalogue=catalogue).listed_from_catalogue


def test_a_catalogue_of_ones_own_comes_before_the_shipped_one(folders):
    kept(folders)
    scripts, own, catalogue = folders
    (scripts / SHIPPED).write_bytes(b"{damaged")  # not even looked at
    assert read_library(scripts, own_folder=own, catalogue=catalogue).listed_from_catalogue
