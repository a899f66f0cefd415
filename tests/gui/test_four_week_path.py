"""The four-week path on Today, through the real window, a real store file and the real practice."""

import errno
import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from compassion_app import messages
from compassion_app.core.library import load_library
from compassion_app.core.path import STORE_KEY
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store import storage
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from compassion_app.ui.widgets.path_card import PathCard
from helpers.fakes import FakeTime
from helpers.path_history import walked
from helpers.screens import begin_path_step, practices_on_disk

TOMORROW = date.today() + timedelta(days=1)
FIRST_TEACHING = "Welcome to the path. Everything here begins with a slower, softer breath"
SECOND_TEACHING = "Our minds have three ways of feeling"


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def card_of(qtbot, window):
    """Today's path card, once Today has read the history (after the first paint)."""
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    return card


def open_window(qtbot, store_path, today=date.today):
    """A fresh start of the app on the same data folder (its store opened anew)."""
    store = Store.open(store_path)
    clock = FakeTime()
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, clock, today)
    window.clock, window.store, window.store_path = clock, store, store_path
    qtbot.addWidget(window)
    window.show()
    return window


def restart(qtbot, window, today=date.today):
    window.close()
    window.store.close()
    return open_window(qtbot, window.store_path, today)


def saved_path_memory(store_path):
    saved = json.loads(store_path.read_text(encoding="utf-8"))
    found = [s["value"] for s in saved["settings"].values() if s["key"] == STORE_KEY]
    return found[0] if found else None


def practise_step(qtbot, window):
    """Begin the step from its card, skip the check-in, and let it run to its end bell."""
    begin_path_step(qtbot, window)
    timeline = window.practice.controller.practice.timeline
    seconds = timeline.practice_frames // timeline.sample_rate
    window.clock.now += seconds + 1
    qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
    click(qtbot, window.practice.back_button)
    assert window.current_screen is window.today
    return seconds


def join_and_practise_the_first_step(qtbot, window):
    card = card_of(qtbot, window)
    click(qtbot, card.join_button)
    practise_step(qtbot, window)
    return card


def test_someone_who_never_joins_sees_only_a_quiet_invitation(qtbot, window):
    card = card_of(qtbot, window)
    assert card.title.text() == "A gentle four-week path"
    assert card.join_button.isVisible() and card.tell_more_button.isVisible()
    assert not card.begin_step_button.isVisible() and not card.leave_button.isVisible()
    assert window.today.begin_button.isEnabled()  # Today's own practice is as it was
    assert saved_path_memory(window.store_path) is None  # nothing kept until they choose


def test_join_practise_the_step_restart_and_see_the_next_step(qtbot, window):
    card = card_of(qtbot, window)
    click(qtbot, card.join_button)
    assert card.title.text() == "Week 1 · step 1 of 28"
    assert card.step_line.text() == "Soothing-rhythm breathing · 3 minutes"
    assert card.text.text().startswith(FIRST_TEACHING)
    assert card.begin_step_button.text() == "Begin step 1"

    practise_step(qtbot, window)
    assert card.title.text() == "Week 1 · step 2 of 28"
    assert card.text.text().startswith("Today's step is done, thank you. Step 2, The three systems")
    assert not card.begin_step_button.isVisible()  # one step a day at most
    (record,) = practices_on_disk(window)  # what a fresh start will find
    assert record.exercise_id == "soothing-rhythm-breathing"
    assert (record.planned_seconds, record.completed) == (180, True)  # the step's own length

    again = restart(qtbot, window)
    card = card_of(qtbot, again)
    assert card.title.text() == "Week 1 · step 2 of 28"
    assert card.text.text().startswith("Today's step is done")

    tomorrow = restart(qtbot, again, today=lambda: TOMORROW)
    card = card_of(qtbot, tomorrow)
    assert card.title.text() == "Week 1 · step 2 of 28"
    assert card.step_line.text() == "The three systems · 3 minutes"
    assert card.text.text().startswith(SECOND_TEACHING)
    assert card.begin_step_button.isVisible()
    tomorrow.store.close()


def test_a_second_practice_the_same_day_does_not_rush_the_next_step(qtbot, window):
    join_and_practise_the_first_step(qtbot, window)
    window.start_practice("three-systems", 3)  # step 2's practice, begun from Today's list
    click(qtbot, window.practice.checkin.skip_button)
    window.clock.now += 3 * 60 + 1
    qtbot.waitUntil(lambda: window.practice.thanks.text() == messages.THANKS)
    tomorrow = restart(qtbot, window, today=lambda: TOMORROW)
    assert card_of(qtbot, tomorrow).title.text() == "Week 1 · step 2 of 28"
    tomorrow.store.close()


def test_leaving_keeps_the_place_and_rejoining_carries_on_from_it(qtbot, window):
    card = join_and_practise_the_first_step(qtbot, window)
    click(qtbot, card.leave_button)
    assert card.text.text() == (
        "You are taking a break from the path, with 1 of 28 steps done. You can carry on from "
        "step 2 whenever you like."
    )
    assert len(window.store.practices()) == 1  # leaving keeps the record

    later = restart(qtbot, window, today=lambda: TOMORROW)
    card = card_of(qtbot, later)
    assert card.rejoin_button.text() == "Carry on from step 2"
    assert card.start_again_button.isVisible()
    click(qtbot, card.rejoin_button)
    assert card.title.text() == "Week 1 · step 2 of 28"
    assert card.begin_step_button.isVisible()
    later.store.close()


def test_starting_again_asks_first_then_begins_at_step_one(qtbot, window):
    card = join_and_practise_the_first_step(qtbot, window)
    click(qtbot, card.leave_button)
    click(qtbot, card.start_again_button)
    box = card.question
    assert "begin the path again from the first step" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep my place")
    click(qtbot, keep)
    assert card.rejoin_button.text() == "Carry on from step 2"  # nothing changed

    click(qtbot, card.start_again_button)
    again = next(b for b in card.question.buttons() if b.text() == "Begin again from step 1")
    click(qtbot, again)
    assert card.title.text() == "Week 1 · step 1 of 28"
    assert card.begin_step_button.text() == "Begin step 1"  # the earlier practice is before it
    assert len(window.store.practices()) == 1


def test_tell_me_more_opens_the_longer_words_and_can_join_from_there(qtbot, window):
    card = card_of(qtbot, window)
    click(qtbot, card.tell_more_button)
    box = card.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "soothing rhythm of breathing, then a calm place" in box.text()
    join = next(b for b in box.buttons() if b.text() == "Join the path")
    click(qtbot, join)
    assert card.title.text() == "Week 1 · step 1 of 28"
    assert saved_path_memory(window.store_path)["stretches"][0]["left"] is None


def test_the_path_card_is_reached_and_used_with_the_keyboard(qtbot, window):
    card = card_of(qtbot, window)
    window.today.save_audio_button.setFocus()
    qtbot.keyClick(window.today.save_audio_button, Qt.Key.Key_Tab)
    assert card.tell_more_button.hasFocus()
    qtbot.keyClick(card.tell_more_button, Qt.Key.Key_Tab)
    assert card.join_button.hasFocus()
    qtbot.keyClick(card.join_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.begin_step_button.isVisible())
    assert card.begin_step_button.hasFocus()  # where the pressed Join button was
    qtbot.keyClick(card.begin_step_button, Qt.Key.Key_Backtab)
    assert card.leave_button.hasFocus()
    qtbot.keyClick(card.leave_button, Qt.Key.Key_Tab)
    qtbot.keyClick(card.begin_step_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.practice)


def test_the_last_step_done_shows_a_kind_ending(qtbot, tmp_path):
    store_path = tmp_path / "store.json"
    window = open_window(qtbot, store_path)
    click(qtbot, card_of(qtbot, window).join_button)
    plan = window.today.path_card.place.plan
    first = date.today()
    records = [PracticeRecord.starting_now(step.exercise_id, 60, 60, True) for step in plan.steps]
    # One practice a day: each a day later in the person's calendar.
    records = [
        PracticeRecord(
            r.exercise_id,
            r.started_utc + timedelta(days=n),
            first + timedelta(days=n),
            0,
            60,
            60,
            True,
        )
        for n, r in enumerate(records)
    ]
    window.store.add_practices(records)
    later = restart(qtbot, window, today=lambda: first + timedelta(days=40))
    card = card_of(qtbot, later)
    assert card.title.text() == "You walked the whole path"
    assert card.text.text().startswith("All 28 steps are done. Thank you")
    assert card.start_again_button.isVisible() and not card.begin_step_button.isVisible()
    later.store.close()


def test_a_choice_that_cannot_be_saved_changes_nothing_and_says_why(qtbot, window, monkeypatch):
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    card = card_of(qtbot, window)
    monkeypatch.setattr(storage, "write_temp_file", disk_full)
    click(qtbot, card.join_button)
    assert card.title.text() == "A gentle four-week path"  # not shown as joined
    assert any("the disk is full" in notice for notice in window.notices.texts())
    monkeypatch.undo()
    click(qtbot, card.join_button)
    assert card.title.text() == "Week 1 · step 1 of 28"


@pytest.mark.parametrize("saved", ["yes", {"stretches": [{"joined": "last week"}]}])
def test_a_damaged_memory_of_the_path_is_told_kindly_and_the_path_offered_afresh(
    qtbot, tmp_path, saved
):
    store_path = tmp_path / "store.json"
    with Store.open(store_path) as store:
        store.set_setting(STORE_KEY, saved)
    window = open_window(qtbot, store_path)
    card = card_of(qtbot, window)
    assert card.title.text() == "A gentle four-week path"
    assert messages.PATH_MENDED in window.notices.texts()
    again = restart(qtbot, window)
    card_of(qtbot, again)
    assert messages.PATH_MENDED not in again.notices.texts()  # told once, not at every start
    again.store.close()


def test_a_path_file_that_names_a_missing_exercise_is_left_out_with_a_notice(qtbot, tmp_path):
    broken = tmp_path / "four-weeks.toml"
    broken.write_text(
        '[[step]]\nexercise = "walking"\nminutes = 5\nteaching = "A. B."\n', encoding="utf-8"
    )
    store = Store.in_memory()
    card = PathCard(store, load_library(resource_path("scripts")), broken)
    qtbot.addWidget(card)
    with qtbot.waitSignal(card.notice) as told:
        card.show_place([], date.today())
    assert told.args == [messages.PATH_UNAVAILABLE]
    assert card.isHidden()


def test_the_progress_screen_counts_the_steps_walked_once_there_are_any(qtbot, window):
    card = card_of(qtbot, window)
    window.show_progress()
    assert "Four-week path" not in window.progress_screen.milestones.text()
    window.show_today()
    click(qtbot, card.join_button)
    window.show_progress()
    assert "Four-week path" not in window.progress_screen.milestones.text()  # joined, none yet
    window.show_today()
    practise_step(qtbot, window)
    window.show_progress()
    assert "Four-week path: 1 of 28 steps walked." in window.progress_screen.milestones.text()


def test_a_letter_step_breathes_in_the_letters_room_then_counts_as_done(qtbot, tmp_path):
    store_path = tmp_path / "store.json"
    with Store.open(store_path) as store:
        walked(store, 25)  # step 26 is the first letter step
    window = open_window(qtbot, store_path)
    card = card_of(qtbot, window)
    assert card.title.text() == "Week 4 · step 26 of 28"
    assert card.step_line.text() == "Before a compassionate letter · 3 minutes"
    click(qtbot, card.begin_step_button)
    assert window.current_screen is window.letters  # the breathing, then a page to write on
    lead = window.letters.lead
    qtbot.waitUntil(lambda: lead.controller is not None and lead.controller.running)
    window.clock.now += 3 * 60 + 1
    qtbot.waitUntil(lambda: window.letters.currentWidget() is window.letters.editor)
    assert window.store.practices()[-1].exercise_id == "letter-lead-in"
    window.show_today()
    assert card.title.text() == "Week 4 · step 27 of 28"
    assert card.text.text().startswith("Today's step is done")
    window.store.close()
