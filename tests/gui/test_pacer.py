"""The pacer: its words always fit and can be read, and the circle follows the breath."""

from PySide6.QtGui import QColor, QFontMetrics

from compassion_app.core.breathing import BreathState
from compassion_app.ui.palette import LIGHT
from compassion_app.ui.widgets.pacer import LONGEST_WORDS, PacerWidget


def luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shown_pacer(qtbot, size=None):
    pacer = PacerWidget()
    qtbot.addWidget(pacer)
    pacer.resize(size or pacer.minimumSizeHint())
    pacer.show()
    qtbot.waitExposed(pacer)
    return pacer


def test_the_words_fit_under_the_circle_even_at_the_smallest_size(qtbot):
    pacer = shown_pacer(qtbot)
    pacer.set_breath(BreathState("out", 0.0, 1.0, 12.0))  # "Breathing out · 12", a full circle
    assert pacer.phase_words == "Breathing out · 12"
    words = pacer.words_area()
    assert pacer.rect().contains(words)
    metrics = QFontMetrics(pacer.words_font)
    assert metrics.horizontalAdvance(LONGEST_WORDS) <= words.width()
    assert metrics.height() <= words.height()
    circle_bottom = pacer._centre().y() + pacer._largest()
    assert circle_bottom <= words.top()  # the circle at its fullest never reaches the words


def test_the_words_are_dark_on_the_page_and_easy_to_read(qtbot):
    pacer = shown_pacer(qtbot)
    pacer.set_breath(BreathState("in", 0.5, 0.5, 5.0))
    qtbot.waitUntil(lambda: pacer.phase_words == "Breathing in · 3")
    image = pacer.grab(pacer.words_area()).toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 1) for y in range(image.height())}
    darkest = min((QColor(c) for c in colours), key=luminance)
    assert contrast(darkest, QColor(LIGHT.background)) >= 7  # the words are there, and readable


def test_the_circle_grows_with_the_in_breath(qtbot):
    pacer = shown_pacer(qtbot, size=pacer_size())
    centre = pacer._centre()

    def rose_width():
        image = pacer.grab().toImage()
        y = round(centre.y())
        page = QColor(LIGHT.background).rgb()
        return sum(1 for x in range(image.width()) if image.pixel(x, y) != page)

    pacer.set_breath(BreathState("in", 0.0, 0.0, 5.0))
    empty = rose_width()
    pacer.set_breath(BreathState("in", 1.0, 1.0, 5.0))
    full = rose_width()
    assert empty > 0
    assert full > 2 * empty


def pacer_size():
    from PySide6.QtCore import QSize

    return QSize(400, 360)


def test_on_a_high_density_screen_the_circle_is_drawn_in_the_screens_own_pixels(qtbot):
    from compassion_app.ui.widgets.pacer import _paint_circle

    circle = _paint_circle(50.0, True, LIGHT, pixel_ratio=2.0)
    assert (circle.width(), circle.height()) == (200, 200)  # not 100 pixels stretched to 200
    assert circle.devicePixelRatio() == 2.0
    picture = circle.toImage()
    centre, warm = picture.pixelColor(100, 100), QColor(LIGHT.glow_centre)
    assert all(abs(a - b) <= 2 for a, b in zip(centre.getRgb(), warm.getRgb(), strict=True))
    assert picture.pixelColor(2, 2) == QColor(LIGHT.background)  # a corner, outside the circle
    assert picture.pixelColor(100, 4) != QColor(LIGHT.background)  # just inside the rim


def test_a_pacer_on_a_high_density_screen_draws_its_circle_for_that_screen(qtbot, monkeypatch):
    pacer = shown_pacer(qtbot)
    monkeypatch.setattr(pacer, "devicePixelRatioF", lambda: 2.0)  # as on such a screen
    pacer.set_breath(BreathState("in", 1.0, 1.0, 4.0))
    pacer.update()
    qtbot.waitUntil(lambda: (True, 2.0) in pacer._circles)  # drawn on the next paint
    drawn = pacer._circles[(True, 2.0)]
    assert drawn.devicePixelRatio() == 2.0
    assert drawn.width() >= 2 * 2 * pacer._largest() - 1  # twice the pixels of its diameter
