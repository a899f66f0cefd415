"""After Noticing the critic, an optional two-line note, kept with the letters and on Progress."""

from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.store.db import Store
from helpers.screens import practices_on_disk

SAID = "You never finish anything"
REPLY = "I finished this practice, and I am learning"


def practise_noticing_the_critic(qtbot, window, minutes=3):
    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData("noticing-the-critic"))
    today.minutes.setCurrentIndex(today.minutes.findData(minutes))
    qtbot.mouseClick(today.begin_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.clock.now += minutes * 60 + 1
    qtbot.waitUntil(window.practice.thanks.isVisible)


def letters_on_disk(window):
    window.store.close()
    with Store.open(window.store_path) as reopened:
        return [(s, reopened.letter(s.letter_id)) for s in reopened.letters()]


def test_the_note_is_offered_kept_with_the_letters_and_shown_on_progress(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    note = window.practice.critic_note
    assert note.isVisible() and note.invite.text() == messages.CRITIC_NOTE_INVITE
    qtbot.keyClicks(note.said, SAID)
    qtbot.keyClicks(note.reply, REPLY)
    qtbot.mouseClick(note.keep_button, Qt.MouseButton.LeftButton)
    assert note.status.text() == messages.CRITIC_NOTE_KEPT

    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    window.show_letters()
    archive = window.letters.archive
    (line,) = archive.titles()
    assert line.startswith(messages.CRITIC_NOTE_TITLE) and messages.CRITIC_NOTE_MARK in line
    qtbot.mouseClick(archive.begin_button, Qt.MouseButton.LeftButton)  # and back: still there
    qtbot.mouseClick(window.letters.chooser.back_button, Qt.MouseButton.LeftButton)
    window.letters.open_letter(archive.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert window.letters.currentWidget() is window.letters.reader  # re-read, as a letter is

    window.show_progress()
    day = window.progress_screen.day_words.text().split("\n")
    assert messages.DAY_CRITIC_NOTE in day
    assert not any(line.startswith("Letter:") for line in day)  # a note, not a letter

    ((summary, kept),) = letters_on_disk(window)
    assert SAID in kept.body and REPLY in kept.body
    assert summary.template_id == "critic-note"


def test_words_typed_are_kept_on_going_back_to_today_without_pressing_keep(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    qtbot.keyClicks(window.practice.critic_note.said, SAID)
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    ((_, kept),) = letters_on_disk(window)
    assert kept.body == f"What the critic said: {SAID}"


def test_not_now_keeps_nothing_and_progress_shows_no_note(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    note = window.practice.critic_note
    qtbot.mouseClick(note.skip_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible()
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    window.show_progress()
    assert messages.DAY_CRITIC_NOTE not in window.progress_screen.day_words.text()
    assert letters_on_disk(window) == []


def test_leaving_the_lines_empty_keeps_nothing(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    assert letters_on_disk(window) == []


def test_other_practices_and_ending_gently_offer_no_note(qtbot, window):
    from helpers.screens import begin

    begin(qtbot, window, 1)  # soothing-rhythm breathing
    window.clock.now += 61
    qtbot.waitUntil(window.practice.thanks.isVisible)
    assert not window.practice.critic_note.isVisible()
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)

    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData("noticing-the-critic"))
    qtbot.mouseClick(today.begin_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.practice.end_gently()
    qtbot.mouseClick(window.practice.grounding.go_on_button, Qt.MouseButton.LeftButton)
    assert window.practice.thanks.isVisible()
    assert not window.practice.critic_note.isVisible()
    assert len(practices_on_disk(window)) == 2


def test_a_note_that_cannot_be_saved_says_so_and_the_words_stay(qtbot, window):
    from helpers.letter_disk import full_disk

    practise_noticing_the_critic(qtbot, window)
    note = window.practice.critic_note
    qtbot.keyClicks(note.said, SAID)
    with full_disk():
        qtbot.mouseClick(note.keep_button, Qt.MouseButton.LeftButton)
    assert note.status.text().endswith("Your words are still here.")
    assert messages.CRITIC_NOTE_KEPT not in note.status.text()
    assert note.said.text() == SAID
    qtbot.mouseClick(note.keep_button, Qt.MouseButton.LeftButton)  # saving works again
    assert note.status.text() == messages.CRITIC_NOTE_KEPT
    ((_, kept),) = letters_on_disk(window)
    assert SAID in kept.body


def test_behind_an_unopened_passphrase_the_note_says_why_before_anything_is_written(
    qtbot, tmp_path
):
    from compassion_app.core.library import load_library
    from compassion_app.paths import resource_path
    from compassion_app.store.passphrase import KdfCost, protect
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.sound import no_sound
    from helpers.fakes import FakeTime

    path = tmp_path / "store.json"
    with Store.open(path) as sealing:  # an earlier day: the letters were put behind a passphrase
        sealing.set_letter_cipher(protect(tmp_path, "a quiet harbour", KdfCost(8 * 1024, 1, 1)))
    store = Store.open(path)  # today: opened, the passphrase not yet given
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, now=FakeTime())
    window.clock = window._now
    qtbot.addWidget(window)
    window.show()
    try:
        practise_noticing_the_critic(qtbot, window)
        note = window.practice.critic_note
        assert note.isVisible() and note.status.text() == messages.CRITIC_NOTE_LOCKED
        assert not note.fields.isVisible()
        # No "Would you like to jot down a note?" above words saying one cannot be kept.
        assert not note.invite.isVisible()
    finally:
        store.close()


def test_a_letters_room_opened_earlier_lists_the_new_note_when_shown_again(qtbot, window):
    window.show_letters()
    assert window.letters.archive.titles() == []
    window.show_today()
    practise_noticing_the_critic(qtbot, window)
    note = window.practice.critic_note
    qtbot.keyClicks(note.reply, REPLY)
    qtbot.mouseClick(note.keep_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.practice.back_button, Qt.MouseButton.LeftButton)
    window.show_letters()
    (line,) = window.letters.archive.titles()
    assert messages.CRITIC_NOTE_MARK in line


def test_not_now_after_typing_keeps_nothing(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    note = window.practice.critic_note
    qtbot.keyClicks(note.said, SAID)
    qtbot.mouseClick(note.skip_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.practice, Qt.Key.Key_Escape)  # Esc leaves the end screen too
    assert window.current_screen is window.today
    assert letters_on_disk(window) == []


def test_closing_the_window_keeps_the_words_typed_in_the_note(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    qtbot.keyClicks(window.practice.critic_note.reply, REPLY)
    window.close()
    ((_, kept),) = letters_on_disk(window)
    assert kept.body == f"What my compassionate self says back: {REPLY}"


def test_the_note_and_the_way_back_fit_the_window_as_it_first_opens(qtbot, window):
    practise_noticing_the_critic(qtbot, window)
    practice = window.practice
    assert practice.checkin_after.isVisible()  # with the check-in above it, as by default
    for control in (practice.critic_note.keep_button, practice.back_button):
        seen = control.visibleRegion().boundingRect()
        assert seen.size() == control.size(), f"{control.text()!r} needs a scroll to be seen"
