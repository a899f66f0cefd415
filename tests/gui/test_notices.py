"""Bad input gets a clear message and loses nothing: broken scripts, a damaged store."""

import shutil

from compassion_app.app import _open_store
from compassion_app.core.library import load_library
from compassion_app.paths import DataPaths, resource_path
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound


def test_a_broken_script_is_named_and_the_other_practices_still_work(qtbot, tmp_path):
    scripts = tmp_path / "scripts"
    shutil.copytree(resource_path("scripts"), scripts)
    (scripts / "zz-broken.toml").write_text('id = "broken"\ntitle = [', encoding="utf-8")
    paths = DataPaths(tmp_path / "data")
    paths.create()
    store, _ = _open_store(paths)
    window = MainWindow(store, load_library(scripts), no_sound)
    qtbot.addWidget(window)
    (notice,) = window.notices.texts()
    assert "zz-broken.toml line 2: this is not valid TOML" in notice
    assert window.today.exercise.count() == len(list(resource_path("scripts").glob("*.toml")))
    assert window.today.begin_button.isEnabled()
    store.close()


def test_a_damaged_history_is_set_aside_and_the_person_is_told(qtbot, tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.create()
    paths.store.write_text('{"settings": {"1": {"key": ', encoding="utf-8")
    store, notice = _open_store(paths)
    assert notice is not None and "set aside" in notice
    kept = [p for p in paths.root.iterdir() if ".corrupt-" in p.name]
    assert kept and kept[0].read_text(encoding="utf-8").startswith('{"settings"')
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
    qtbot.addWidget(window)
    window.show_notice(notice)
    window.show()  # Today reads the history once the window has appeared
    assert window.notices.texts() == [notice]
    window.show()  # Today reads the history once it has been painted
    qtbot.waitUntil(lambda: window.today.streak.text() == "Ready when you are")
    store.close()
