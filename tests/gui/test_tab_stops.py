"""What Tab reaches on every screen and in every dialog: each control a person can use, each one
with a name a screen reader says, and never a stop where nothing can be seen or said.

The screens are visited as in a day with the app; on each, Tab goes all the way round.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from compassion_app import messages
from compassion_app.core.critic_notes import NOTICING_EXERCISE_ID
from compassion_app.ui.screens.safety import SafetyDialog
from helpers.keyboard import (
    ask_to_end,
    choose,
    dialog_in_front,
    end_now,
    focused,
    name_of,
    own_words,
    press,
    skip_check_in,
    tab_cycle,
    tab_named,
    tab_to,
    window_ready,
)


def painted_by_us(widget):
    """A widget of ours that paints itself (a picture with no words of its own)."""
    return any(
        kind.__module__.startswith("compassion_app") and "paintEvent" in vars(kind)
        for kind in type(widget).__mro__
    )


def usable(widget, within):
    """Shown, enabled and meant for Tab: what a keyboard user must be able to reach."""
    reachable = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
    return (
        reachable
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None  # a spin box's text: the box itself is the stop
        and within.isAncestorOf(widget)
    )


def focus_shows(qtbot, stop):
    """The stop looks different with the keyboard focus than without it. The focus leaves by
    Tab, as a person moves on (a lone stop, which Tab never leaves, is let go of by hand)."""
    tab_to(qtbot, stop)
    focused_look = stop.grab().toImage()
    for _ in range(3):  # a date's day, month and year are one stop
        press(qtbot, Qt.Key.Key_Tab)
        if not stop.hasFocus():
            break
    lone = stop.hasFocus()
    if lone:
        stop.clearFocus()
    unfocused_look = stop.grab().toImage()
    if lone:
        stop.setFocus()
    return focused_look != unfocused_look


def check_tab_round(qtbot, top, place):
    """Tab all the way round `top` (a window or a dialog) from where the focus is (a screen that
    takes keys of its own, as the practice does, may hold it first: it needs a name too)."""
    start = focused()
    assert own_words(start), f"{place}: the focus is on something with no name, {name_of(start)}"
    press(qtbot, Qt.Key.Key_Tab)
    stops = tab_cycle(qtbot)
    for stop in stops:
        assert stop.isVisible(), f"{place}: Tab stops on something hidden, {name_of(stop)}"
        assert own_words(stop), f"{place}: a Tab stop with no name, {type(stop).__name__}"
    left_out = [w for w in top.findChildren(QWidget) if usable(w, top) and w not in stops]
    assert not left_out, f"{place}: Tab never reaches {[name_of(w) for w in left_out]}"
    unseen = [name_of(w) for w in stops if not focus_shows(qtbot, w)]
    assert not unseen, f"{place}: the focus cannot be seen on {unseen}"
    pictures = [w for w in top.findChildren(QWidget) if w.isVisible() and painted_by_us(w)]
    unnamed = [type(w).__name__ for w in pictures if not w.accessibleName().strip()]
    assert not unnamed, f"{place}: pictures with no name {unnamed}"
    return stops


def test_every_screen_of_the_day_by_tab(qtbot, window):
    window_ready(qtbot, window)
    check_tab_round(qtbot, window, "Today")
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    choose(qtbot, card.join_button)
    qtbot.waitUntil(card.begin_step_button.isVisible)
    check_tab_round(qtbot, window, "Today, on the four-week path")

    choose(qtbot, tab_named(window, messages.PROGRESS_TAB))
    check_tab_round(qtbot, window, "Progress")
    choose(qtbot, tab_named(window, messages.TAB_SETTINGS))
    check_tab_round(qtbot, window, "Settings")

    choose(qtbot, tab_named(window, messages.LETTERS_TAB))
    check_tab_round(qtbot, window, "Letters, none yet")
    letters = window.letters
    choose(qtbot, letters.archive.begin_button)
    check_tab_round(qtbot, window, "Letters, how to begin")
    choose(qtbot, letters.chooser.buttons["to-the-critic"])
    qtbot.keyClicks(focused(), "Dear critic, you have tried to keep me safe.")
    check_tab_round(qtbot, window, "Letter editor")
    choose(qtbot, letters.editor.finish_button)
    assert letters.currentWidget() is letters.reader
    check_tab_round(qtbot, window, "Letter reader")
    choose(qtbot, letters.reader.back_button)
    check_tab_round(qtbot, window, "Letters, with one")
    choose(qtbot, letters.archive.protect_button)
    assert letters.currentWidget() is letters.lock
    check_tab_round(qtbot, window, "Protect with a passphrase")
    choose(qtbot, letters.lock.cancel)
    assert letters.currentWidget() is letters.archive


def test_a_practice_from_check_in_to_end_by_tab(qtbot, window):
    window_ready(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    practice = window.practice
    qtbot.waitUntil(practice.checkin.isVisible)
    check_tab_round(qtbot, window, "Before you begin")
    skip_check_in(qtbot, window)
    window.clock.now += 13
    qtbot.waitUntil(lambda: practice.pacer.breath is not None)
    check_tab_round(qtbot, window, "Practice")
    box = ask_to_end(qtbot, window)
    check_tab_round(qtbot, box, "The question before ending")
    end_now(qtbot, window, box)
    check_tab_round(qtbot, window, "After the practice")
    choose(qtbot, practice.checkin_after.skip_button)
    qtbot.waitUntil(lambda: focused() is practice.back_button)
    check_tab_round(qtbot, window, "End screen")


def open_safety(qtbot):
    press(qtbot, Qt.Key.Key_F1)
    return dialog_in_front(qtbot, SafetyDialog)


def test_support_and_safety_by_tab_on_today_and_in_a_practice(qtbot, window):
    window_ready(qtbot, window)
    dialog = open_safety(qtbot)
    check_tab_round(qtbot, dialog, "Support and safety")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window_ready(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    skip_check_in(qtbot, window)
    dialog = open_safety(qtbot)
    stops = check_tab_round(qtbot, dialog, "Support and safety, in a practice")
    assert dialog.end_gently_button in stops
    press(qtbot, Qt.Key.Key_Escape)


def test_the_welcome_the_breath_before_a_letter_and_the_exercise_guide_by_tab(qtbot, window):
    window.welcome_if_new()  # as the app does on a first start
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is window.welcome.try_button)
    check_tab_round(qtbot, window, "Welcome")
    choose(qtbot, window.welcome.skip_button)
    qtbot.waitUntil(lambda: window.current_screen is window.today)

    choose(qtbot, tab_named(window, messages.LETTERS_TAB))
    letters = window.letters
    choose(qtbot, letters.archive.begin_button)
    choose(qtbot, letters.chooser.breathe_first)
    choose(qtbot, letters.chooser.buttons[None])  # a blank page, after a minute of breath
    qtbot.waitUntil(lambda: letters.currentWidget() is letters.lead)
    check_tab_round(qtbot, window, "A minute of breath before the letter")
    choose(qtbot, letters.lead.skip_button)
    qtbot.waitUntil(lambda: letters.currentWidget() is letters.editor)

    choose(qtbot, tab_named(window, messages.TAB_SETTINGS))
    choose(qtbot, window.own_card.help_button)
    check_tab_round(qtbot, dialog_in_front(qtbot), "How to write an exercise")
    press(qtbot, Qt.Key.Key_Escape)


def test_the_grounding_after_end_gently_and_the_note_to_the_critic_by_tab(qtbot, window):
    window_ready(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    skip_check_in(qtbot, window)
    choose(qtbot, open_safety(qtbot).end_gently_button)
    practice = window.practice
    qtbot.waitUntil(practice.grounding.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is practice.grounding.go_on_button)
    check_tab_round(qtbot, window, "Grounding")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(practice.checkin_after.isVisible)
    choose(qtbot, practice.checkin_after.skip_button)
    qtbot.waitUntil(lambda: focused() is practice.back_button)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen is window.today)

    today = window.today
    tab_to(qtbot, today.exercise)
    while today.exercise.currentData() != NOTICING_EXERCISE_ID:
        press(qtbot, Qt.Key.Key_Down)
    choose(qtbot, today.begin_button, Qt.Key.Key_Return)
    skip_check_in(qtbot, window)
    timeline = practice.controller.practice.timeline
    seconds = timeline.practice_frames // timeline.sample_rate
    window.clock.now += seconds + 1
    qtbot.waitUntil(practice.critic_note.isVisible)
    check_tab_round(qtbot, window, "A note to the critic")


def test_a_first_start_by_tab_the_welcome_then_today_built_behind_it(qtbot, tmp_path):
    # As app.py starts someone new: the welcome first, Today built behind it after the paint.
    from compassion_app.core.library import read_library
    from compassion_app.paths import resource_path
    from compassion_app.store.db import Store
    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.screens.today import TodayScreen
    from compassion_app.ui.sound import no_sound

    with Store.open(tmp_path / "store.json") as store:
        window = MainWindow(store, read_library(resource_path("scripts")), no_sound, welcome=True)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.findChild(TodayScreen) is not None)
        qtbot.waitUntil(lambda: focused() is window.welcome.try_button)
        check_tab_round(qtbot, window, "Welcome, Today behind it")
        choose(qtbot, window.welcome.skip_button)
        qtbot.waitUntil(lambda: window.current_screen is window.today)
        assert focused() is window.today.begin_button
        check_tab_round(qtbot, window, "Today, after the welcome")
