"""Today fits the window as it first opens: the safety link is in sight without scrolling, and so
is the four-week path's card, whole, in each of its states."""

import pytest

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from helpers.fakes import FakeTime
from helpers.path_history import PLAN, walked

LONGEST = max(PLAN.steps, key=lambda step: len(step.teaching))


def whole(widget):
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_today_shows_whole_at_the_windows_first_size(qtbot, window):
    qtbot.waitUntil(lambda: window.today.streak.text() != "")
    link = window.today.safety_link
    qtbot.waitUntil(link.isVisible)
    seen = link.visibleRegion().boundingRect()
    assert seen.size() == link.size(), "the safety link is cut off or needs a scroll to be seen"


@pytest.mark.parametrize(
    "state",
    ["invitation", "the longest teaching", "done for today", "away", "all done"],
)
def test_the_path_card_is_whole_at_the_windows_first_size(qtbot, tmp_path, state):
    store = Store.open(tmp_path / "store.json")
    if state == "the longest teaching":
        walked(store, LONGEST.number - 1)
    elif state == "done for today":
        walked(store, 3, last_today=True)
    elif state == "away":
        walked(store, 5, on_path=False)
        # (left after the practices were saved: they count)
    elif state == "all done":
        walked(store, len(PLAN.steps))
    window = MainWindow(store, load_library(resource_path("scripts")), no_sound, FakeTime())
    qtbot.addWidget(window)
    window.show()
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    qtbot.wait(30)  # the layout settles
    if state == "the longest teaching":
        assert card.text.text() == LONGEST.teaching
    shown = [
        w for w in (card.title, card.step_line, card.text, *card.focus_order()) if w.isVisible()
    ]
    assert len(shown) >= 3, "the card shows where they are, some words and a choice"
    assert all(whole(w) for w in shown), [w.text() for w in shown if not whole(w)]
    assert whole(window.today.safety_link), "the safety link needs a scroll to be seen"
    store.close()
