""" "Your data" in Settings: the folder, export, import and back up now, on real files, saying
truthfully what was done and losing nothing when the disk is full."""

import errno
import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from compassion_app import messages
from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store
from compassion_app.store.exchange import export_everything
from compassion_app.store.passphrase import KdfCost, protect
from helpers.letter_disk import full_disk

QUICK = KdfCost(memory_kib=8 * 1024, iterations=1, lanes=1)
START = datetime(2026, 11, 2, 8, tzinfo=UTC)


def practice(n):
    when = START + timedelta(days=n)
    return PracticeRecord(
        exercise_id="calm-place",
        started_utc=when,
        local_date=when.date(),
        utc_offset_minutes=0,
        planned_seconds=300,
        actual_seconds=300,
        completed=True,
        record_id=f"practice-{n}",
    )


def letter(letter_id, body, when=START):
    return Letter("To myself", body, when, when, letter_id=letter_id)


@pytest.fixture
def card(window):
    window.show_settings()
    return window.data_card


def choose_file(monkeypatch, path, dialog="getSaveFileName", kind=""):
    """The person picks `path` (and the kind of file) in the file dialog (Qt's, not ours)."""
    monkeypatch.setattr(QFileDialog, dialog, staticmethod(lambda *args: (str(path), kind)))


def click_and_wait(qtbot, card, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not card.busy, timeout=30_000)
    return card.result.text()


def test_the_card_shows_where_the_data_lives_as_text_that_can_be_copied(card, window):
    assert card.where.text() == str(window.store_path.parent)
    assert card.where.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_open_data_folder_asks_the_desktop_to_show_that_folder(qtbot, card, window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(window.store_path.parent)]
    assert opened[0].isLocalFile()
    assert "could not be opened" in card.result.text()  # the stand-in returned nothing: said so


def test_export_writes_everything_and_says_how_much(qtbot, card, window, monkeypatch, tmp_path):
    window.store.add_practices([practice(n) for n in range(3)])
    window.store.save_letter(letter("first", "Dear me."))
    target = tmp_path / "elsewhere" / "my history"  # no suffix: a JSON export is made
    target.parent.mkdir()
    choose_file(monkeypatch, target)
    told = click_and_wait(qtbot, card, card.export_button)
    written = target.with_name("my history.json")
    assert told == f"Wrote 3 practices and 1 letter to {written}."
    document = json.loads(written.read_text(encoding="utf-8"))
    assert sorted(p["record_id"] for p in document["practices"]) == [
        "practice-0",
        "practice-1",
        "practice-2",
    ]
    assert [item["body"] for item in document["letters"]] == ["Dear me."]


def test_a_name_without_an_ending_gets_the_kind_picked_in_the_dialog(
    qtbot, card, window, monkeypatch, tmp_path
):
    window.store.add_practices([practice(0)])
    choose_file(monkeypatch, tmp_path / "table", kind="Practices as a table (*.csv)")
    told = click_and_wait(qtbot, card, card.export_button)
    assert told.endswith(f"to {tmp_path / 'table.csv'}.")
    assert (tmp_path / "table.csv").read_text(encoding="utf-8").startswith("record_id,")


def test_changing_ones_mind_in_the_file_dialog_does_nothing(qtbot, card, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    qtbot.mouseClick(card.export_button, Qt.MouseButton.LeftButton)
    assert not card.busy
    assert card.result.text() == ""


def test_import_adds_only_what_is_new_and_overwrites_nothing(
    qtbot, card, window, monkeypatch, tmp_path
):
    here = window.store
    here.add_practices([practice(0)])
    here.save_letter(letter("shared", "Written here, later.", START + timedelta(days=5)))
    with Store.open(tmp_path / "other" / "store.json") as other:
        other.add_practices([practice(0), practice(1), practice(2)])
        other.save_letter(letter("shared", "An older draft."))
        export_everything(other, tmp_path / "from-the-other-computer.json")
    choose_file(monkeypatch, tmp_path / "from-the-other-computer.json", "getOpenFileName")
    told = click_and_wait(qtbot, card, card.import_button)
    assert told.startswith("Added 2 practices, 0 letter versions and 0 rest days")
    assert "2 were already here and were left as they were" in told
    assert sorted(p.record_id for p in here.practices()) == [f"practice-{n}" for n in range(3)]
    assert here.letter("shared").body == "Written here, later."  # the newer one, kept


def test_a_file_that_is_no_export_is_refused_in_plain_words_and_nothing_changes(
    qtbot, card, window, monkeypatch, tmp_path
):
    window.store.add_practices([practice(0)])
    wrong = tmp_path / "shopping.json"
    wrong.write_text("milk, bread", encoding="utf-8")
    choose_file(monkeypatch, wrong, "getOpenFileName")
    told = click_and_wait(qtbot, card, card.import_button)
    assert "is not a Compassion Companion export" in told
    assert "Nothing was changed" in told
    assert [p.record_id for p in window.store.practices()] == ["practice-0"]


def test_an_export_onto_a_full_disk_says_so_and_leaves_no_file(
    qtbot, card, window, monkeypatch, tmp_path
):
    window.store.add_practices([practice(0)])
    choose_file(monkeypatch, tmp_path / "export.json")
    with full_disk(errno.ENOSPC):
        told = click_and_wait(qtbot, card, card.export_button)
    assert "not enough space on the disk" in told  # and what could help: another place
    assert "choosing another place" in told
    assert "Nothing was changed" in told
    assert not (tmp_path / "export.json").exists()
    assert [p.record_id for p in window.store.practices()] == ["practice-0"]


def test_an_import_onto_a_full_disk_says_so_loses_nothing_and_can_be_tried_again(
    qtbot, card, window, monkeypatch, tmp_path
):
    window.store.add_practices([practice(0)])
    with Store.open(tmp_path / "other" / "store.json") as other:
        other.add_practices([practice(1), practice(2)])
        export_everything(other, tmp_path / "export.json")
    choose_file(monkeypatch, tmp_path / "export.json", "getOpenFileName")
    with full_disk(errno.ENOSPC):
        told = click_and_wait(qtbot, card, card.import_button)
    assert "the disk is full" in told
    assert not told.startswith("Added")  # never a claim that it was added
    assert "practice-0" in [p.record_id for p in window.store.practices()]
    told = click_and_wait(qtbot, card, card.import_button)
    assert sorted(p.record_id for p in window.store.practices()) == [
        "practice-0",
        "practice-1",
        "practice-2",
    ]
    window.close()
    window.store.close()
    with Store.open(window.store_path) as again:  # and so it is on disk
        assert len(again.practices()) == 3


def test_back_up_now_copies_every_file_as_it_is_and_says_where(qtbot, card, window):
    window.store.add_practices([practice(0)])
    window.store.save_letter(letter("first", "Dear me."))
    told = click_and_wait(qtbot, card, card.backup_button)
    root = window.store_path.parent
    copies = sorted((root / "backups").glob("copy-*"))
    assert len(copies) == 1
    kept = {path.relative_to(copies[0]) for path in copies[0].rglob("*") if path.is_file()}
    assert told == messages.DATA_BACKED_UP.format(files=len(kept), folder=copies[0])
    assert window.store_path.relative_to(root) in kept
    for name in kept:
        assert (copies[0] / name).read_bytes() == (root / name).read_bytes()
    assert any(name.parts[0] == "letters" for name in kept)
    assert any(name.parts[0] == "practices" for name in kept)


def test_back_up_now_on_a_full_disk_says_so_and_leaves_no_half_copy(qtbot, card, window):
    window.store.add_practices([practice(0)])
    with full_disk(errno.ENOSPC):
        told = click_and_wait(qtbot, card, card.backup_button)
    assert told.startswith("The backup could not be made")
    assert "the disk is full" in told
    assert list((window.store_path.parent / "backups").glob("copy-*")) == []
    assert [p.record_id for p in window.store.practices()] == ["practice-0"]


def test_protected_letters_are_never_written_to_an_export_in_plain_words(
    qtbot, card, window, monkeypatch, tmp_path
):
    window.store.add_practices([practice(0)])
    window.store.set_letter_cipher(protect(window.store_path.parent, "warm tea", QUICK))
    window.store.save_letter(letter("private", "Only for me."))
    choose_file(monkeypatch, tmp_path / "export.json")
    told = click_and_wait(qtbot, card, card.export_button)
    assert told == messages.DATA_EXPORT_SEALED
    assert not (tmp_path / "export.json").exists()
    choose_file(monkeypatch, tmp_path / "practices.csv")  # the practices alone, as offered
    told = click_and_wait(qtbot, card, card.export_button)
    # A table holds no letters: it does not say "0 letters", as if the letters were lost.
    assert told == f"Wrote 1 practice to {tmp_path / 'practices.csv'}."
    assert "Only for me" not in (tmp_path / "practices.csv").read_text(encoding="utf-8")


def test_an_import_waits_while_protected_letters_are_closed(qtbot, window, monkeypatch, tmp_path):
    folder = window.store_path.parent
    window.store.set_letter_cipher(protect(folder, "warm tea", QUICK))
    window.store.save_letter(letter("private", "Only for me."))
    window.close()
    window.store.close()
    with Store.open(tmp_path / "other" / "store.json") as other:
        other.add_practices([practice(1)])
        other.save_letter(letter("theirs", "From the other computer."))
        export_everything(other, tmp_path / "export.json")
    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    with Store.open(window.store_path) as locked:  # a new start: the letters not yet opened
        again = MainWindow(locked, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(again)
        again.show_settings()
        choose_file(monkeypatch, tmp_path / "export.json", "getOpenFileName")
        told = click_and_wait(qtbot, again.data_card, again.data_card.import_button)
        assert told == messages.STORE_LETTERS_LOCKED  # the file holds letters: it waits
        assert locked.practices() == []


def test_settings_brought_by_an_import_are_used_at_once_and_kept_after_a_change(
    qtbot, card, window, monkeypatch, tmp_path, qapp
):
    font = qapp.font()
    with Store.open(tmp_path / "other" / "store.json") as other:
        other.set_setting("preferences", {"checkins": False})
        other.set_setting("desktop", {"theme": "dark", "text_size": 150})
        export_everything(other, tmp_path / "export.json")
    choose_file(monkeypatch, tmp_path / "export.json", "getOpenFileName")
    try:
        click_and_wait(qtbot, card, card.import_button)
        assert window.settings.checkins is False
        assert not window.settings_screen.controls["checkins"].isChecked()
        assert window.desktop.settings.theme == "dark"
        assert window.desktop_card.controls["text_size"].currentData() == 150
        assert qapp.font().pointSizeF() == pytest.approx(font.pointSizeF() * 1.5)
        window.settings_screen.controls["show_counts"].click()  # a change made here, afterwards
        window.close()  # writes the waiting change
        saved = window.store.get_setting("preferences", {})
        assert saved["checkins"] is False  # the imported choice was not written over
        assert saved["show_counts"] is False
    finally:
        qapp.setFont(font)


def test_kept_in_memory_the_card_says_so_and_an_export_can_still_keep_it_all(
    qtbot, monkeypatch, tmp_path
):
    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound

    store = Store.in_memory()
    store.add_practices([practice(0)])
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
    qtbot.addWidget(window)
    window.show_settings()
    card = window.data_card
    assert card.where.text() == messages.DATA_IN_MEMORY
    assert not card.open_button.isEnabled()
    assert not card.backup_button.isEnabled()
    choose_file(monkeypatch, tmp_path / "keep.json")
    told = click_and_wait(qtbot, card, card.export_button)
    assert told == f"Wrote 1 practice and 0 letters to {tmp_path / 'keep.json'}."


def test_a_fault_nobody_expected_is_said_kindly_and_the_card_is_ready_again(
    qtbot, card, window, monkeypatch, tmp_path
):
    from compassion_app.ui.widgets import data_card

    def broken(path):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(data_card, "read_export", broken)
    (tmp_path / "export.json").write_text("{}", encoding="utf-8")
    choose_file(monkeypatch, tmp_path / "export.json", "getOpenFileName")
    told = click_and_wait(qtbot, card, card.import_button)
    assert told == messages.DATA_UNEXPECTED
    assert "a bug of ours" not in told  # the details go to the log, not to the person
    assert card.import_button.isEnabled() and card.export_button.isEnabled()
