"""The read-only look at the store (store/reading.py): it sees what the writer saved, takes no
lock, and leaves every byte of the folder as it was, even where the app would tidy something."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from compassion_app.core.letters import Letter
from compassion_app.store import pending
from compassion_app.store.db import Store
from compassion_app.store.errors import NewerSchemaError
from compassion_app.store.letters import LettersLocked
from compassion_app.store.passphrase import protect
from compassion_app.store.reading import ReadOnlyStore

from .samples import on_day, year_file
from .ten_years import v1_letters, v1_practices, write_v1_file

BEGUN = datetime(2024, 1, 1, tzinfo=UTC)
CHILD = Path(__file__).with_name("kill_child.py")


def every_byte(folder: Path) -> dict[str, bytes]:
    """Each file under `folder` (by relative name) and its bytes: what "changed nothing" means."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def filled(store: Store) -> None:
    store.add_practice(on_day(1))
    store.add_practice(on_day(2))
    first = Letter("To me", "Dear me,", BEGUN, BEGUN, letter_id="letterone")
    store.save_letter(first)
    store.save_letter(first.revised(BEGUN + timedelta(days=1)).edited("To me", "Dear me, again"))
    store.set_rest_day(date(2024, 3, 2), True)
    store.set_setting("preferences", {"checkins": False})


def test_it_reads_what_an_open_store_saved_and_writes_nothing(store_path: Path) -> None:
    with Store.open(store_path) as writer:  # held, as the open window holds it
        filled(writer)
        before = every_byte(store_path.parent)
        with ReadOnlyStore.open(store_path) as reader:
            assert [p.record_id for p in reader.practices()] == [
                p.record_id for p in writer.practices()
            ]
            assert [s.title for s in reader.letters()] == ["To me"]
            assert [v.body for v in reader.letter_versions("letterone")] == [
                "Dear me,",
                "Dear me, again",
            ]
            assert reader.rest_days() == {date(2024, 3, 2)}
            assert reader.get_setting("preferences", {}) == {"checkins": False}
            assert reader.notice is None
        assert every_byte(store_path.parent) == before


def test_a_folder_that_does_not_exist_reads_as_empty_and_is_not_made(tmp_path: Path) -> None:
    path = tmp_path / "nobody yet" / "compassion-companion.json"
    with ReadOnlyStore.open(path) as reader:
        assert reader.practices() == []
        assert reader.letters() == []
    assert not path.parent.exists()


def test_a_damaged_year_is_read_from_its_copy_and_left_as_it_is(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)  # two practices in 2024: the backup holds the first
    year_file(store_path).write_bytes(b'{"practices": {"1": {"rec')  # torn by a bad disk
    before = every_byte(store_path.parent)

    with ReadOnlyStore.open(store_path) as reader:
        assert [p.local_date for p in reader.practices()] == [on_day(1).local_date]
        notice = reader.take_notice() or ""
    assert "your practices from 2024 could not be read" in notice
    assert "next time it opens" in notice
    assert every_byte(store_path.parent) == before  # not set aside, not restored


def test_a_damaged_file_with_no_copy_says_so_and_shows_the_rest(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    for copy in store_path.parent.rglob("*.bak"):
        copy.unlink()
    for copy in (store_path.parent / "backups").rglob("2024.json"):
        copy.unlink()
    year_file(store_path).write_bytes(b"\x00\x00\x00")
    before = every_byte(store_path.parent)

    with ReadOnlyStore.open(store_path) as reader:
        assert reader.practices() == []
        assert [s.title for s in reader.letters()] == ["To me"]  # the other files are whole
        notice = reader.take_notice() or ""
    assert "has no readable copy" in notice
    assert every_byte(store_path.parent) == before


def test_a_year_that_cannot_be_opened_is_named_and_the_rest_is_read(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    (store_path.parent / "practices" / "2023.json").mkdir()  # where a file should be, a folder
    with ReadOnlyStore.open(store_path) as reader:
        assert len(reader.practices()) == 2  # 2024's are all here
        notice = reader.take_notice() or ""
    assert "your practices from 2023 could not be opened" in notice


def test_a_missing_main_file_is_read_from_its_copy_and_not_restored(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    store_path.unlink()
    before = every_byte(store_path.parent)

    with ReadOnlyStore.open(store_path) as reader:
        assert reader.rest_days() == {date(2024, 3, 2)}  # the copy is from before the last save
        assert "your settings is missing" in (reader.notice or "")
    assert every_byte(store_path.parent) == before


def test_an_older_single_file_history_is_read_as_it_is_not_migrated(store_path: Path) -> None:
    practices = v1_practices(date(2020, 1, 1), days=400, per_day=1)
    write_v1_file(store_path, practices, v1_letters(date(2020, 1, 1), 3), {"goal": 4})
    before = every_byte(store_path.parent)

    with ReadOnlyStore.open(store_path) as reader:
        assert len(reader.practices()) == 400
        assert [s.title for s in reader.letters()] == ["Letter 2", "Letter 1", "Letter 0"]
        assert reader.letter("letter0001").body.startswith("Dear me, number 1.")
        assert reader.get_setting("goal", 0) == 4
        assert "older single-file form" in (reader.notice or "")
    assert every_byte(store_path.parent) == before
    with Store.open(store_path) as migrated:  # and the app itself then sees the same history
        assert len(migrated.practices()) == 400


def test_a_newer_history_is_refused_and_left_alone(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    saved = json.loads(store_path.read_text(encoding="utf-8"))
    saved["meta"]["1"]["schema_version"] = 99
    store_path.write_text(json.dumps(saved), encoding="utf-8")
    before = every_byte(store_path.parent)
    with pytest.raises(NewerSchemaError):
        ReadOnlyStore.open(store_path)
    assert every_byte(store_path.parent) == before


def test_work_kept_aside_at_a_failed_close_is_shown_but_left_for_the_app(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    late = Letter("Later", "Kept aside", BEGUN, BEGUN, letter_id="lettertwo")
    practice = on_day(9)
    kept = pending.keep(store_path.parent, [practice], [late])
    before = every_byte(store_path.parent)

    with ReadOnlyStore.open(store_path) as reader:
        assert practice.record_id in {p.record_id for p in reader.practices()}
        assert reader.letter("lettertwo").body == "Kept aside"
        assert "next time it opens" in (reader.notice or "")
    assert kept.exists()
    assert every_byte(store_path.parent) == before
    with Store.open(store_path) as app:  # the app still finds it and adds it for good
        assert practice.record_id in {p.record_id for p in app.practices()}


def test_temp_files_of_an_interrupted_save_are_left_for_the_app(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
    leftover = store_path.parent / "practices" / ".2024.json.abc.tmp"
    leftover.write_bytes(b'{"practices": {"1"')
    with ReadOnlyStore.open(store_path) as reader:
        assert len(reader.practices()) == 2
    assert leftover.exists()


def test_protected_letters_stay_sealed(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        filled(writer)
        writer.set_letter_cipher(protect(store_path.parent, "a long kind passphrase"))
    before = every_byte(store_path.parent)
    with ReadOnlyStore.open(store_path) as reader:
        assert reader.letters_locked()
        with pytest.raises(LettersLocked):
            reader.letters()
        assert len(reader.practices()) == 2  # the figures need no passphrase
    assert every_byte(store_path.parent) == before


def test_a_letter_index_a_moment_behind_its_files_is_read_gracefully(store_path: Path) -> None:
    """Read between the window's two writes: a letter's file saved but not yet in the index,
    and an index entry whose letter was just deleted."""
    with Store.open(store_path) as writer:
        filled(writer)
        letters = store_path.parent / "letters"
        index = (letters / "index.json").read_bytes()
        writer.save_letter(Letter("New", "Just begun", BEGUN, BEGUN, letter_id="lettertwo"))
        (letters / "index.json").write_bytes(index)  # the index as it was before that save
        (letters / "letterone.json").unlink()  # and the first letter's file gone, index entry kept
        (letters / "letterone.json.bak").unlink()
        before = every_byte(store_path.parent)
        with ReadOnlyStore.open(store_path) as reader:
            assert [s.title for s in reader.letters()] == ["New"]
            assert reader.letter("lettertwo").body == "Just begun"
            assert reader.letter_versions("letterone") == []
        assert every_byte(store_path.parent) == before  # the index is mended in memory only


WHOLE_BODY = re.compile(r"words \d+ (kind ){200}")


def test_reading_while_another_process_writes_never_sees_half_a_file(store_path: Path) -> None:
    """A real writer in its own process (holding the lock, saving practices and letters as fast
    as it can); every read sees whole files, and never less than an earlier read saw."""
    command = [sys.executable, str(CHILD), str(store_path), "w"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        saves: list[str] = []  # what the writer says it has saved, read as it goes
        drain = threading.Thread(target=lambda: saves.extend(writer.stdout or []), daemon=True)
        drain.start()
        try:
            while len(saves) < 6:  # a few practices and letters on disk before the first read
                time.sleep(0.01)
            saved_before = len(saves)
            seen = reads = 0
            # Until the writer has saved more meanwhile, however busy the machine keeps it.
            while reads < 25 or len(saves) < saved_before + 10:
                reads += 1
                with ReadOnlyStore.open(store_path) as reader:
                    practices = reader.practices()
                    bodies = [reader.letter(s.letter_id).body for s in reader.letters()]
                    assert reader.take_notice() is None  # nothing looked damaged
                assert len(practices) >= seen
                seen = len(practices)
                assert bodies and all(WHOLE_BODY.fullmatch(body) for body in bodies), bodies
        finally:
            writer.kill()
            drain.join()  # reads to the end of its output before the pipe is closed
