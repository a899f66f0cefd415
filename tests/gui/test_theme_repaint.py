"""Switching light and dark while the app runs repaints every screen and every hand-painted
widget in the new colours, and what they paint stays readable: text at 4.5:1, shapes at 3:1."""

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor

from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.ui.palette import DARK, LIGHT, contrast
from compassion_app.ui.widgets.charts import line_colour
from compassion_app.ui.widgets.heatmap import level_colour
from compassion_app.ui.widgets.level_meter import LevelMeter
from helpers.every_screen import visit_every_screen

THEMES = [("light", LIGHT), ("dark", DARK)]
YESTERDAY = date.today() - timedelta(days=1)
REST_DAY = date.today() - timedelta(days=3)


pytestmark = pytest.mark.usefixtures("light_afterwards")


def choose(qtbot, window, theme):
    """The person picks a theme in Settings: no restart."""
    window.desktop.choose(replace(window.desktop.settings, theme=theme))
    qtbot.wait(10)


def name(colour):
    return QColor(colour).name()


def near(one, other, within=6):
    pairs = zip(QColor(one).getRgb()[:3], QColor(other).getRgb()[:3], strict=True)
    return all(abs(a - b) <= within for a, b in pairs)


def most_common(widget):
    image = widget.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    )
    return QColor(counts.most_common(1)[0][0]).name()


def strongest_contrast(widget, area, against):
    """The most contrasting pixel in `area` against `against`: where the ink of a text is."""
    image = widget.grab(area).toImage()
    return max(
        contrast(QColor(image.pixel(x, y)).name(), against)
        for x in range(image.width())
        for y in range(image.height())
    )


def a_year_in(store):
    started = datetime(YESTERDAY.year, YESTERDAY.month, YESTERDAY.day, 8, tzinfo=UTC)
    store.add_practice(
        PracticeRecord(
            "soothing-rhythm-breathing", started, YESTERDAY, 0, 2700, 2700, True, CheckIn(6, 4, 5)
        )
    )
    store.set_rest_day(REST_DAY, True)


@pytest.mark.parametrize("order", [["light", "dark"], ["dark", "light"]])
def test_every_screen_repaints_in_the_theme_chosen_while_it_runs(qtbot, window, order):
    palettes = dict(THEMES)
    for theme in order:
        choose(qtbot, window, theme)
        colours = palettes[theme]
        for screen, widget in visit_every_screen(qtbot, window):
            seen = most_common(widget)
            assert seen in (colours.background, colours.card), (theme, screen, seen)
        window.show_today()


def test_the_safety_dialog_and_welcome_follow_the_theme(qtbot, window):
    from compassion_app.ui.screens.safety import SafetyDialog

    choose(qtbot, window, "dark")
    window.welcome_if_new()
    assert most_common(window.welcome) == DARK.background
    dialog = SafetyDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert most_common(dialog) == DARK.background


def practising(qtbot, window):
    window.start_practice("soothing-rhythm-breathing", 3)
    window.practice.checkin.skip_button.click()
    window.clock.now += 13
    pacer = window.practice.pacer
    qtbot.waitUntil(lambda: pacer.breath is not None and pacer.phase_words != "")
    return pacer


@pytest.mark.parametrize("order", [["light", "dark"], ["dark", "light"]])
def test_the_breathing_circle_is_drawn_again_in_the_new_colours(qtbot, window, order):
    pacer = practising(qtbot, window)
    for theme in order:
        choose(qtbot, window, theme)
        colours = dict(THEMES)[theme]
        image = pacer.grab().toImage()
        centre = pacer._centre().toPoint()
        radius, _ = pacer._shape()
        assert name(image.pixel(2, 2)) == colours.background, theme
        assert near(image.pixel(centre), colours.glow_centre), theme  # the kept picture is new
        rim = QColor(image.pixel(centre + QPoint(round(radius) - 3, 0))).name()
        assert contrast(rim, colours.background) >= 3, (theme, rim)
        words = strongest_contrast(pacer, pacer.words_area(), colours.background)
        assert words >= 4.5, (theme, words)


@pytest.mark.parametrize("theme, colours", THEMES, ids=["light", "dark"])
def test_the_calendar_and_charts_paint_in_the_theme_and_read_well(qtbot, window, theme, colours):
    a_year_in(window.store)
    window.show_progress()
    choose(qtbot, window, "dark" if theme == "light" else "light")  # start in the other one
    choose(qtbot, window, theme)
    screen = window.progress_screen
    heatmap = screen.heatmap
    image = heatmap.grab().toImage()
    practised = image.pixel(heatmap.cell_rect(YESTERDAY).center())
    assert name(practised) == level_colour(45, colours).name()
    assert contrast(name(practised), colours.card) >= 3
    rest = heatmap.cell_rect(REST_DAY).center() + QPoint(1, 1)
    assert near(image.pixel(rest), colours.calm)
    left, top, _ = heatmap._margins()
    weekdays = QRect(0, top, left - 4, heatmap.cell_rect(heatmap.first).height() * 3)
    assert strongest_contrast(heatmap, weekdays, colours.card) >= 4.5

    weekly = screen.weekly
    area = weekly.plot_area()
    step = area.width() / len(weekly.weeks)
    index = next(i for i, (_, minutes) in enumerate(weekly.weeks) if minutes)
    bar = QPoint(round(area.left() + (index + 0.5) * step), round(area.bottom() - 2))
    assert near(weekly.grab().toImage().pixel(bar), colours.accent_line)
    scale = QRect(0, round(area.top()) - 8, round(area.left()), round(area.height()) + 16)
    assert strongest_contrast(weekly, scale, colours.card) >= 4.5

    trend = screen.trend
    line = trend.fontMetrics().height()
    dot = QPoint(round(trend.plot_area().left() + 10), round(2 + line / 2))
    assert near(trend.grab().toImage().pixel(dot), line_colour("critic", colours))


@pytest.mark.parametrize("theme, colours", THEMES, ids=["light", "dark"])
def test_the_level_meter_and_check_in_sliders_paint_in_the_theme(qtbot, window, theme, colours):
    window.show_settings()
    choose(qtbot, window, "dark" if theme == "light" else "light")
    choose(qtbot, window, theme)
    meter = window.settings_screen.findChild(LevelMeter)
    image = meter.grab().toImage()
    assert name(image.pixel(meter.width() // 2, meter.height() // 2)) == colours.track
    meter.fill = 1.0
    image = meter.grab().toImage()
    assert name(image.pixel(meter.width() // 2, meter.height() // 2)) == colours.accent_line

    window.start_practice("soothing-rhythm-breathing", 3)  # the check-in before it
    slider = window.practice.checkin.sliders["critic"]
    image = slider.grab().toImage()
    seen = {QColor(image.pixel(x, image.height() // 2)).name() for x in range(image.width())}
    assert colours.accent_line in seen  # the chosen part of the scale and its handle
    assert colours.button_border in seen  # the rest of the scale


@pytest.mark.parametrize("theme, colours", THEMES, ids=["light", "dark"])
def test_a_slider_with_the_keyboard_shows_the_focus_ring(qtbot, window, theme, colours):
    choose(qtbot, window, theme)
    window.start_practice("soothing-rhythm-breathing", 3)
    slider = window.practice.checkin.sliders["warmth"]

    def colours_seen():
        image = slider.grab().toImage()
        return {
            QColor(image.pixel(x, y)).name()
            for x in range(image.width())
            for y in range(image.height())
        }

    assert colours.focus_ring not in colours_seen()
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    assert colours.focus_ring in colours_seen()  # a ring round the handle


def test_words_marked_for_a_second_look_take_the_new_themes_highlight(qtbot, window):
    window.show_letters()
    window.letters.begin_letter("compassionate-self", timer_minutes=10)
    window.letters.editor.body.insertPlainText("I should have known better.")
    window.letters.editor.finish()  # and re-read it
    reader = window.letters.reader
    reader.second_look.setChecked(True)
    reader.show_next()  # past "Dear me,"
    assert f"background:{LIGHT.mark}" in reader.passage.text()
    choose(qtbot, window, "dark")
    assert f"background:{DARK.mark}" in reader.passage.text()
    assert contrast(DARK.ink, DARK.mark) >= 4.5  # the marked words still read


@pytest.mark.parametrize("theme, colours", THEMES, ids=["light", "dark"])
def test_a_control_that_cannot_be_used_just_now_looks_faded(qtbot, window, theme, colours):
    from PySide6.QtWidgets import QDoubleSpinBox

    choose(qtbot, window, theme)
    window.show_settings()
    boxes = window.settings_screen.findChildren(QDoubleSpinBox)
    resting = [box for box in boxes if box.isVisibleTo(window) and not box.isEnabled()]
    assert resting, "the pace boxes wait until 'Use my own breathing pace' is chosen"
    image = resting[0].grab().toImage()
    seen = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }
    assert colours.ink not in seen  # its number is not drawn as an ordinary word
    assert any(near(pixel, colours.disabled_ink, within=10) for pixel in seen)


@pytest.mark.parametrize(("theme", "colours"), THEMES)
def test_a_scroll_bar_is_drawn_in_the_palette_with_no_black_square(qtbot, window, theme, colours):
    """Today's recent practices scroll inside their card once there are more than three."""
    today = date.today()
    for hour in range(6):
        started = datetime(today.year, today.month, today.day, hour, tzinfo=UTC)
        window.store.add_practice(PracticeRecord("soothe-now", started, today, 0, 60, 60, True))
    window.today.refresh()
    choose(qtbot, window, theme)
    bar = window.today.recent.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    image = bar.grab().toImage()
    seen = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }
    assert "#000000" not in seen
    assert any(near(pixel, colours.soft_ink, within=10) for pixel in seen), "no handle to see"
