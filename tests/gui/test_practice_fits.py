"""The practice screen fits the window as it first opens: its controls need no scrolling."""

from helpers.screens import begin


def test_the_practice_controls_are_in_sight_at_the_windows_first_size(qtbot, window):
    begin(qtbot, window, 3)  # with the offer to listen and the note that sound is not available
    window.clock.now += 6
    qtbot.waitUntil(lambda: window.practice.caption.text() != "")  # the guide's first words
    for control in (window.practice.pause_button, window.practice.time_left):
        qtbot.waitUntil(control.isVisible)
        seen = control.visibleRegion().boundingRect()
        assert seen.size() == control.size(), f"{control.text()!r} needs a scroll to be seen"
