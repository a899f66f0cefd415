"""Hiding streak numbers hides every one of them, on every screen, and showing brings them back."""

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from compassion_app import messages
from compassion_app.core.library import load_library
from compassion_app.core.progress_settings import STORE_KEY
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from compassion_app.ui.widgets.progress_choices import ProgressChoices

# Seven days in a row up to today, after ten in a row a month ago: runs of 7 and 10 days.
STREAK_WORDS = ("in a row", "with practice", "practice run")  # the figures' own titles and words


def visible_words(screen: QWidget) -> list[str]:
    """Every text a person could see or hear on `screen`, one entry per widget's text."""
    parts = []
    for widget in screen.findChildren(QWidget):
        if isinstance(widget.parent(), ProgressChoices):
            continue  # the choice itself names what it hides
        if widget.isVisibleTo(screen):
            parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
            if isinstance(widget, QLabel):
                parts.append(widget.text())
    return parts


@pytest.fixture
def window(qtbot, tmp_path):
    today = date.today()
    with Store.open(tmp_path / "data" / "compassion-companion.json") as store:
        days = [today - timedelta(days=n) for n in [*range(7), *range(30, 40)]]
        for day in days:
            started = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            store.add_practice(PracticeRecord("calm-place", started, day, 0, 600, 600, True))
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        window.store = store
        qtbot.addWidget(window)
        window.show()
        window.today.refresh()
        yield window


def test_hiding_streaks_hides_every_streak_number_on_every_screen(qtbot, window):
    window.show_progress()
    progress = window.progress_screen
    assert window.today.streak.text() == "7 days"
    assert progress.figures["current_run"].text() == "7 days"
    assert progress.figures["longest_run"].text() == "10 days"
    assert "7 days" in visible_words(window.today)
    assert "10 days" in visible_words(progress)

    streak_figures = [progress.figures[name].text() for name in messages.STREAK_FIGURES]
    streak_figures.append(window.today.streak.text())

    progress.choice_controls.controls["hide_streaks"].click()

    for screen in (window.today, progress):
        words = visible_words(screen)
        for figure in streak_figures:
            assert figure not in words, (screen, figure)
        for streak in STREAK_WORDS:
            assert not any(streak in text.lower() for text in words), (screen, streak)
    assert progress.figures["minutes_today"].isVisibleTo(progress)  # the minutes stay
    saved = window.store.get_setting(STORE_KEY, {})
    assert saved["hide_streaks"] is True

    progress.choice_controls.controls["hide_streaks"].click()
    assert "7 days" in visible_words(window.today)
    assert "10 days" in visible_words(progress)


def test_the_choice_is_remembered_when_the_app_opens_again(qtbot, window):
    window.show_progress()
    window.progress_screen.choice_controls.controls["hide_streaks"].click()
    again = MainWindow(window.store, load_library(resource_path("scripts")), no_sound)
    qtbot.addWidget(again)
    again.show()
    again.today.refresh()
    assert "7 days" not in visible_words(again.today)
