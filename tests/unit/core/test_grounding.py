"""The grounding after "End gently" shows each line in turn for its time, then ends."""

from compassion_app import messages
from compassion_app.core.grounding import Grounding


def test_each_line_shows_for_its_time_then_the_grounding_is_over():
    grounding = Grounding(("feet", "see", "breathe"), seconds_each=10)
    assert [grounding.line_at(t) for t in (0, 9.9, 10, 25, 29.9)] == [
        "feet", "feet", "see", "breathe", "breathe",
    ]  # fmt: skip
    assert grounding.line_at(30) is None
    assert grounding.seconds == 30


def test_the_bundled_grounding_lasts_between_half_a_minute_and_a_minute():
    assert 30 <= Grounding(messages.GROUNDING_LINES).seconds <= 60
