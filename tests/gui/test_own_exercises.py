"""Exercises people write themselves, in a real folder beside a real store: what they save there
reaches Today without a restart, a broken file is listed with what to change, and nothing else
is disturbed."""

import os

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from compassion_app import messages
from helpers.screens import begin, practices_on_disk

OWN = """\
id = "my-pause"
title = "My own pause"
kind = "breathing"
summary = "Words I wrote for myself."
minutes = [1, 3]
default_minutes = 3
ambient = "rain"

[breathing]
per_minute = 6
begin = 20

[[cue]]
at = "start"
offset = 3
text = "Hello, me. This is a little time I am giving myself, slowly, with nothing to get right."
"""
WORDS = len(OWN.rsplit('text = "', 1)[1].split())


def listed(window):
    combo = window.today.exercise
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def file_lines(window):
    """The lines the card shows for the folder's files, as seen: visible labels, top to bottom."""
    from PySide6.QtWidgets import QLabel

    card = window.own_card
    marks = ("✓", "○", messages.OWN_NONE_YET)
    shown = [
        label
        for label in card.findChildren(QLabel)
        if label.isVisibleTo(card) and label.text().startswith(marks)
    ]
    return [label.text() for label in sorted(shown, key=lambda label: label.y())]


@pytest.fixture(autouse=True)
def painted(qtbot, window):
    """The window has painted and done what waits for the paint (Today's list of recent
    practices, then a first look at the folder): from here on, only the watcher can notice."""
    qtbot.waitUntil(lambda: window.today.recent.count() > 0)


@pytest.fixture
def folder(window):
    """The exercises folder of the window's data folder, made as Open folder makes it."""
    own = window.own_exercises
    assert own is not None and own.make_folder()
    return own.folder


def save(path, text):
    path.write_text(text, encoding="utf-8")


def test_a_script_saved_in_the_folder_joins_today_and_can_be_begun(qtbot, window, folder):
    assert "my-pause" not in listed(window)
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    assert listed(window)["my-pause"] == "My own pause (your own)"
    assert "soothing-rhythm-breathing" in listed(window)  # the bundled ones stay
    combo = window.today.exercise
    combo.setCurrentIndex(combo.findData("my-pause"))
    assert window.today.summary.text() == "Words I wrote for myself."
    lengths = [window.today.minutes.itemData(i) for i in range(window.today.minutes.count())]
    assert lengths == [1, 3] and window.today.minutes.currentData() == 3

    begin(qtbot, window, 1)
    window.clock.now += 4
    caption = window.practice.caption
    qtbot.waitUntil(lambda: caption.text().startswith("Hello, me."))
    # With no recorded voice, the words stay long enough to read slowly (150 words a minute).
    window.clock.now += WORDS / 2.5 - 1.5
    qtbot.wait(200)
    assert caption.text().startswith("Hello, me.")
    window.clock.now += 60
    qtbot.waitUntil(lambda: window.practice.thanks.isVisible())
    assert [r.exercise_id for r in practices_on_disk(window)] == ["my-pause"]


def test_a_broken_file_is_listed_with_what_to_change_and_the_others_still_work(
    qtbot, window, folder
):
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    window.show_settings()
    assert file_lines(window) == ["✓  my-pause.toml: “My own pause” is in Today's list."]

    save(folder / "my-pause.toml", OWN.replace("per_minute = 6", 'per_minute = "slowly"'))
    qtbot.waitUntil(lambda: "my-pause" not in listed(window))
    assert file_lines(window) == [
        "○  Not in Today's list yet. my-pause.toml line 10: 'per_minute' expects breaths a "
        "minute between 2 and 20, got 'slowly'"
    ]
    window.show_today()
    assert window.today.exercise.currentData() == "soothing-rhythm-breathing"
    begin(qtbot, window, 1)  # another practice begins as ever
    window.clock.now += 61
    qtbot.waitUntil(lambda: window.practice.thanks.isVisible())


def test_a_deleted_file_leaves_today_and_the_list(qtbot, window, folder):
    save(folder / "my-pause.toml", OWN)
    save(folder / "broken.toml", "id = ")
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    window.show_settings()
    assert len(file_lines(window)) == 2
    (folder / "my-pause.toml").unlink()
    (folder / "broken.toml").unlink()
    qtbot.waitUntil(lambda: "my-pause" not in listed(window))
    qtbot.waitUntil(lambda: file_lines(window) == [messages.OWN_NONE_YET])


def test_a_file_an_editor_replaces_by_renaming_is_still_followed(qtbot, window, folder):
    path = folder / "my-pause.toml"
    save(path, OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    fresh = folder / ".my-pause.toml.swp"
    save(fresh, OWN.replace("My own pause", "A softer pause"))
    os.replace(fresh, path)
    qtbot.waitUntil(lambda: listed(window).get("my-pause") == "A softer pause (your own)")
    assert str(path) in window.own_exercises.watched()  # the new file is watched in turn
    with path.open("a", encoding="utf-8") as handle:  # and then edited where it is
        handle.write('\n[[cue]]\nat = "end"\noffset = 10\ntext = "Thank you."\n')
    script = window.own_exercises.library.get("my-pause")
    qtbot.waitUntil(lambda: window.own_exercises.library.get("my-pause") is not script)
    assert window.own_exercises.library.get("my-pause").cues[-1].text == "Thank you."


def test_a_practice_under_way_is_not_disturbed_when_its_file_goes(qtbot, window, folder):
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    window.today.exercise.setCurrentIndex(window.today.exercise.findData("my-pause"))
    begin(qtbot, window, 1)
    controller = window.practice.controller
    window.clock.now += 10
    (folder / "my-pause.toml").unlink()
    qtbot.waitUntil(lambda: "my-pause" not in listed(window))
    assert window.current_screen is window.practice and controller.running
    assert window.practice.controller is controller
    window.clock.now += 60
    qtbot.waitUntil(lambda: window.practice.thanks.isVisible())
    saved = practices_on_disk(window)
    assert [(r.exercise_id, r.completed) for r in saved] == [("my-pause", True)]


def test_an_id_that_comes_with_the_app_is_refused_with_its_line(qtbot, window, folder):
    save(folder / "calm.toml", OWN.replace('id = "my-pause"', 'id = "calm-place"'))
    window.show_settings()
    qtbot.waitUntil(
        lambda: len(window.own_card.files) == 1 and "calm.toml" in file_lines(window)[0]
    )
    assert file_lines(window) == [
        "○  Not in Today's list yet. calm.toml line 1: the id 'calm-place' belongs to an "
        "exercise that comes with the app, so this file was left out; any other id would let it in"
    ]
    assert listed(window)["calm-place"] == "Calm place"  # the app's own is untouched


def test_open_folder_makes_the_folder_and_opens_it_on_this_computer(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.show_settings()
    card = window.own_card
    folder = window.store_path.parent / "exercises"
    assert card.folder.text() == str(folder) and not folder.exists()
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    assert folder.is_dir() and (folder.stat().st_mode & 0o077) == 0
    assert opened == [QUrl.fromLocalFile(str(folder))] and opened[0].isLocalFile()
    assert str(folder) in window.own_exercises.watched()


def test_open_folder_says_so_when_the_computer_cannot_open_it(qtbot, window, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.show_settings()
    qtbot.mouseClick(window.own_card.open_button, Qt.MouseButton.LeftButton)
    assert window.own_card.note.isVisible()
    assert window.own_card.note.text() == messages.OWN_FOLDER_NOT_OPENED


def test_a_folder_made_outside_the_app_is_noticed(qtbot, window):
    folder = window.own_exercises.folder
    assert window.own_exercises.watched() == {str(folder.parent)}  # waiting for it to arrive
    folder.mkdir()
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))


def test_how_to_write_an_exercise_shows_the_guide_in_the_app(qtbot, window):
    window.show_settings()
    qtbot.mouseClick(window.own_card.help_button, Qt.MouseButton.LeftButton)
    help_window = window.own_card.help
    qtbot.waitUntil(help_window.isVisible)
    text = help_window.text.toPlainText()
    assert text.startswith("How to write an exercise")
    assert "A worked example" in text and 'id = "kind-pause"' in text
    help_window.reject()


def test_a_broken_file_is_told_in_a_notice_until_it_is_mended(qtbot, window, folder):
    save(folder / "my-pause.toml", OWN.replace("minutes = [1, 3]", "minutes = [2]"))
    qtbot.waitUntil(lambda: len(window.notices.texts()) == 1)
    (notice,) = window.notices.texts()
    assert notice.startswith("One exercise was left out, and the others are ready to use.")
    assert "my-pause.toml line 5: 'minutes'" in notice
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    assert window.notices.texts() == []


def test_no_notice_interrupts_a_practice(qtbot, window, folder):
    begin(qtbot, window, 1)
    save(folder / "broken.toml", "id = ")
    qtbot.waitUntil(lambda: bool(window.own_exercises.library.own_problems))
    assert window.notices.texts() == []
    window.show_settings()
    assert "broken.toml line 1" in file_lines(window)[0]  # listed where the files are


def test_files_broken_at_start_up_are_told_and_the_notices_go_once_mended(qtbot, tmp_path):
    """As the app starts: read before the first paint, laid out after it (read_library)."""
    from compassion_app.core.library import read_library
    from compassion_app.paths import DataPaths, resource_path
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    data = DataPaths(tmp_path / "data")  # beside the `window` fixture's own folder
    data.exercises.mkdir(parents=True)
    own = data.exercises
    save(own / "my-pause.toml", OWN.replace("per_minute = 6", "per_minute = 0"))  # as read
    crowded = OWN.replace('"my-pause"', '"crowded"').replace("offset = 3", "offset = 55")
    save(own / "crowded.toml", crowded)  # its words do not fit in one minute: once laid out
    with Store.open(data.store) as store:
        library = read_library(resource_path("scripts"), own_folder=own)
        window = MainWindow(store, library, no_sound)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.today.recent.count() > 0)
        told = " ".join(window.notices.texts())
        assert "my-pause.toml line 10" in told and "crowded.toml line 13" in told
        assert "crowded" not in listed(window)
        save(own / "my-pause.toml", OWN)
        (own / "crowded.toml").unlink()
        qtbot.waitUntil(lambda: "my-pause" in listed(window))
        assert window.notices.texts() == []
        window.close()


def test_the_exercise_chosen_is_chosen_again_when_its_mended_file_returns(qtbot, window, folder):
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    combo = window.today.exercise
    combo.setCurrentIndex(combo.findData("my-pause"))
    save(folder / "my-pause.toml", OWN.replace('title = "My own pause"', "title = "))
    qtbot.waitUntil(lambda: "my-pause" not in listed(window))
    assert combo.currentData() == "soothing-rhythm-breathing"  # something to begin meanwhile
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    assert combo.currentData() == "my-pause"
    assert window.today.summary.text() == "Words I wrote for myself."


def test_a_file_saved_with_a_text_ending_is_shown_with_the_name_that_would_be_read(
    qtbot, window, folder
):
    window.show_settings()
    save(folder / "my-pause.toml.txt", OWN)  # as some text editors save it
    qtbot.waitUntil(lambda: "my-pause.toml.txt" in " ".join(file_lines(window)))
    assert file_lines(window) == [
        "○  Not in Today's list yet. my-pause.toml.txt: only a file whose name ends in .toml is "
        "read as an exercise; named my-pause.toml, it would be"
    ]
    assert window.notices.texts() == []  # nothing is wrong with the app or the other files
    (folder / "my-pause.toml.txt").rename(folder / "my-pause.toml")
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    assert file_lines(window) == ["✓  my-pause.toml: “My own pause” is in Today's list."]


def test_the_folder_removed_and_made_again_is_followed(qtbot, window, folder):
    import shutil

    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: "my-pause" not in listed(window))
    assert window.own_exercises.watched() == {str(folder.parent)}
    folder.mkdir()
    save(folder / "my-pause.toml", OWN)
    qtbot.waitUntil(lambda: "my-pause" in listed(window))


def test_a_change_the_folder_never_reported_shows_when_the_window_comes_back(qtbot, window, folder):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.own_exercises._watcher.blockSignals(True)  # as on a share that reports nothing
    save(folder / "my-pause.toml", OWN)
    qtbot.wait(800)
    assert "my-pause" not in listed(window)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # back from the editor
    assert "my-pause" in listed(window)


def test_the_list_is_drawn_anew_at_once_when_the_folder_changes(qtbot, window, folder):
    window.show_settings()
    qtbot.waitUntil(lambda: file_lines(window) == [messages.OWN_NONE_YET])
    save(folder / "my-pause.toml", OWN)
    window.own_exercises.look_again()  # no event loop in between: nothing old stays in sight
    assert file_lines(window) == ["✓  my-pause.toml: “My own pause” is in Today's list."]
