"""The level meter that shows a person reading aloud that they are being heard."""

from compassion_app.ui.widgets.level_meter import LevelMeter, level_to_fill


def test_louder_voices_fill_more_of_the_bar_on_a_decibel_scale():
    assert level_to_fill(0.0) == 0.0
    assert level_to_fill(0.0005) == 0.0  # room noise leaves it empty
    assert 0.4 < level_to_fill(0.03) < level_to_fill(0.1) < level_to_fill(0.5) < 1.0
    assert level_to_fill(2.0) == 1.0


def test_the_bar_follows_the_voice_and_falls_gently_when_it_stops(qtbot):
    meter = LevelMeter()
    qtbot.addWidget(meter)
    meter.show()
    level = [0.2]
    meter.follow(lambda: level[0])
    qtbot.waitUntil(lambda: meter.fill > 0.7)
    level[0] = 0.0
    qtbot.wait(60)
    assert 0.0 < meter.fill < 0.9  # falling, not snapping to nothing
    qtbot.waitUntil(lambda: meter.fill == 0.0, timeout=3000)
    meter.follow(None)
    assert meter.fill == 0.0
