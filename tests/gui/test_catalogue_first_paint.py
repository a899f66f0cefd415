"""Today's first picture from the catalogue (core/catalogue.py) is the one the scripts give, and
no script is read for it; the scripts are read once the window shows, and they are the truth."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from compassion_app import messages
from compassion_app.core import scripts as script_reader
from compassion_app.core.library import read_library
from compassion_app.paths import DataPaths, resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.screens.today import CHOICE_KEY
from compassion_app.ui.sound import no_sound
from helpers.crowded_script import CROWDED
from helpers.paint_watch import PaintWatch

MINE = """\
id = "my-pause"
title = "My own pause"
kind = "breathing"
summary = "Words I wrote for myself."
minutes = [1, 3]
default_minutes = 3

[[cue]]
at = "start"
offset = 3
text = "Hello, me."
"""
CHOSEN = {"exercise": "calm-place", "minutes": {"calm-place": 15, "soothe-now": 3}}


@pytest.fixture
def data(tmp_path):
    """A data folder with a remembered choice and two exercises of the person's own, one broken,
    and a copy of the bundled scripts."""
    paths = DataPaths(tmp_path / "data")
    paths.create()
    paths.exercises.mkdir()
    (paths.exercises / "mine.toml").write_text(MINE, encoding="utf-8")
    (paths.exercises / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")
    with Store.open(paths.store) as store:
        store.set_setting(CHOICE_KEY, CHOSEN)
    shutil.copytree(resource_path("scripts"), tmp_path / "scripts")
    return paths, tmp_path / "scripts"


def first_picture(window: MainWindow) -> dict:
    """What the person sees of Today's practice before anything after the paint has run."""
    today = window.today
    choice, lengths = today.exercise, today.minutes
    return {
        "exercises": [(choice.itemData(i), choice.itemText(i)) for i in range(choice.count())],
        "chosen": choice.currentData(),
        "lengths": [lengths.itemData(i) for i in range(lengths.count())],
        "length": lengths.currentData(),
        "summary": today.summary.text(),
        "notices": window.notices.texts(),
    }


def opened(qtbot, paths, scripts, store):
    library = read_library(scripts, own_folder=paths.exercises, catalogue=paths.catalogue)
    window = MainWindow(store, library, no_sound)
    qtbot.addWidget(window)
    return window, library


def start_and_settle(qtbot, paths, scripts):
    """One start, to the moment the scripts have been read after the paint: the first picture,
    whether it was listed from the catalogue, and what the window shows once settled."""
    with Store.open(paths.store) as store:
        window, library = opened(qtbot, paths, scripts, store)
        picture, from_catalogue = first_picture(window), library.listed_from_catalogue
        window.show()
        qtbot.waitUntil(lambda: not library.listed_from_catalogue and not library.waiting)
        settled = first_picture(window)
        window.close()
    return picture, from_catalogue, settled


def test_the_first_picture_is_the_same_listed_from_the_catalogue(qtbot, data):
    paths, scripts = data
    without, from_catalogue, _settled = start_and_settle(qtbot, paths, scripts)
    assert not from_catalogue and paths.catalogue.exists()  # kept once the window showed
    listed, from_catalogue, _settled = start_and_settle(qtbot, paths, scripts)
    assert from_catalogue
    assert listed == without
    own_title = messages.OWN_EXERCISE_TITLE.format(title="My own pause")
    assert ("my-pause", own_title) in listed["exercises"]
    assert (listed["chosen"], listed["length"]) == ("calm-place", 15)
    assert len(listed["notices"]) == 1 and "broken.toml" in listed["notices"][0]


def test_no_script_is_read_before_the_first_paint_when_the_catalogue_matches(
    qtbot, data, monkeypatch
):
    paths, scripts = data
    start_and_settle(qtbot, paths, scripts)
    watch, read_when = PaintWatch(), []
    real_read = script_reader.read_script

    def noted_read(raw, path):
        read_when.append(watch.painted)
        return real_read(raw, path)

    monkeypatch.setattr(script_reader, "read_script", noted_read)
    with Store.open(paths.store) as store:
        window, library = opened(qtbot, paths, scripts, store)
        window.installEventFilter(watch)
        window.show()
        qtbot.waitUntil(lambda: not library.listed_from_catalogue)
    assert read_when and all(read_when), "a script was read before the first paint"


def test_a_script_that_cannot_be_played_is_told_and_left_out_from_the_first_picture(qtbot, data):
    paths, scripts = data
    (scripts / "crowded.toml").write_text(CROWDED, encoding="utf-8")
    _first, _from_catalogue, settled = start_and_settle(qtbot, paths, scripts)
    listed, from_catalogue, _settled = start_and_settle(qtbot, paths, scripts)
    assert from_catalogue
    assert "crowded" not in dict(listed["exercises"])
    assert sorted(listed["notices"]) == sorted(settled["notices"])  # as told a moment later
    assert any("crowded.toml line 10" in notice for notice in listed["notices"])


def test_where_the_scripts_say_other_than_the_catalogue_today_follows_the_scripts(qtbot, data):
    paths, scripts = data
    start_and_settle(qtbot, paths, scripts)
    kept = json.loads(paths.catalogue.read_bytes())
    for entry in kept["files"]:  # the same files, as if the catalogue had it wrong
        if entry["listing"] and entry["listing"]["exercise_id"] == "calm-place":
            entry["listing"]["title"] = "Not what the file says"
    paths.catalogue.write_text(json.dumps(kept), encoding="utf-8")
    listed, from_catalogue, settled = start_and_settle(qtbot, paths, scripts)
    assert from_catalogue and ("calm-place", "Not what the file says") in listed["exercises"]
    assert ("calm-place", "Calm place") in settled["exercises"]
    assert (settled["chosen"], settled["length"]) == ("calm-place", 15)
    assert "Not what the file says" not in paths.catalogue.read_text(encoding="utf-8")


def test_a_catalogue_that_still_holds_is_not_written_again(qtbot, data):
    paths, scripts = data
    start_and_settle(qtbot, paths, scripts)
    written = paths.catalogue.stat().st_mtime_ns
    os.utime(paths.catalogue, ns=(written - 10**9, written - 10**9))
    start_and_settle(qtbot, paths, scripts)
    assert paths.catalogue.stat().st_mtime_ns == written - 10**9


def test_a_window_given_no_catalogue_keeps_none(qtbot, data):
    paths, scripts = data
    with Store.open(paths.store) as store:
        library = read_library(scripts, own_folder=paths.exercises)
        window = MainWindow(store, library, no_sound)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not library.waiting)
    assert not paths.catalogue.exists()


CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from compassion_app.core.library import read_library
    from compassion_app.paths import DataPaths
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    PARSING = ["tomllib", "compassion_app.core.scripts", "compassion_app.core.script_format",
               "compassion_app.core.script_source"]
    paths, scripts = DataPaths(Path(sys.argv[1])), Path(sys.argv[2])

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
                self.seen = [name for name in PARSING if name in sys.modules]
                app.quit()
            return False

    app = QApplication([])
    library = read_library(scripts, own_folder=paths.exercises, catalogue=paths.catalogue)
    with Store.open(paths.store) as store:
        window = MainWindow(store, library, no_sound)
        watch = FirstPaint()
        window.installEventFilter(watch)
        window.show()
        app.exec()
    print(json.dumps({"listed": library.listed_from_catalogue, "loaded": watch.seen}))
    """
)


def test_no_module_that_reads_scripts_is_imported_before_the_first_paint(qtbot, data):
    paths, scripts = data
    start_and_settle(qtbot, paths, scripts)
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    child = [sys.executable, "-c", CHILD, str(paths.root), str(scripts)]
    done = subprocess.run(child, capture_output=True, text=True, timeout=60, env=environment)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {"listed": True, "loaded": []}


def test_someone_new_starts_from_the_catalogue_shipped_with_the_scripts(qtbot, tmp_path):
    paths, scripts = DataPaths(tmp_path / "data"), tmp_path / "scripts"
    paths.create()
    shutil.copytree(resource_path("scripts"), scripts)
    with Store.open(tmp_path / "elsewhere.json") as store:
        read = MainWindow(store, read_library(scripts), no_sound)
        qtbot.addWidget(read)
        as_read = first_picture(read)
    listed, from_catalogue, settled = start_and_settle(qtbot, paths, scripts)
    assert from_catalogue
    assert listed == as_read == settled
    assert listed["chosen"] == "soothing-rhythm-breathing"
    assert not paths.catalogue.exists()  # the shipped one still holds: nothing to write
