"""The guide's longest words fit on the practice screen as they are, voice on or off: every line
of the caption is in sight at the window's first size, never cut short or scrolled away."""

import pytest
from PySide6.QtCore import Qt

from helpers.screens import begin


def longest_caption(window):
    """(exercise id, minutes, seconds in, text) of the most words any practice shows at once."""
    found = []
    for script in window._library.ordered():
        for cue in script.cues:
            minutes = next(m for m in script.minutes if cue.in_practice_of(m))
            found.append((len(cue.text.split()), script.exercise_id, minutes, cue))
    _, exercise_id, minutes, cue = max(found, key=lambda item: item[0])
    return exercise_id, minutes, cue.seconds_in(minutes * 60), cue.text


@pytest.mark.parametrize("voice", [True, False], ids=["voice-on", "voice-off"])
def test_the_longest_caption_is_shown_whole(qtbot, window, voice):
    if not voice:
        window.show_settings()
        switch = window.settings_screen.controls["guide_voice"]
        switch.setFocus()
        qtbot.keyClick(switch, Qt.Key.Key_Space)
        window.show_today()
    exercise_id, minutes, seconds, text = longest_caption(window)
    today = window.today
    today.exercise.setCurrentIndex(today.exercise.findData(exercise_id))
    begin(qtbot, window, minutes)
    window.clock.now += seconds + 0.5
    caption = window.practice.caption
    qtbot.waitUntil(lambda: caption.text() == text)
    qtbot.waitUntil(caption.isVisible)
    assert caption.height() >= caption.heightForWidth(caption.width()), "a line is cut off"
    assert caption.visibleRegion().boundingRect().size() == caption.size(), "needs a scroll"
