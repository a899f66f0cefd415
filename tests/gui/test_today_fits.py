"""Today fits the window as it first opens: the safety link is in sight without scrolling."""


def test_today_shows_whole_at_the_windows_first_size(qtbot, window):
    qtbot.waitUntil(lambda: window.today.streak.text() != "")
    link = window.today.safety_link
    qtbot.waitUntil(link.isVisible)
    seen = link.visibleRegion().boundingRect()
    assert seen.size() == link.size(), "the safety link is cut off or needs a scroll to be seen"
