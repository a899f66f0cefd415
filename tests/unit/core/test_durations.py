"""One rule for practised time: the same seconds read the same on every screen."""

import pytest

from compassion_app.core.durations import practised_of_planned, practised_time, whole_minutes


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(0, 0), (21, 0), (29, 0), (30, 1), (89, 1), (90, 2), (150, 3)]
)
def test_whole_minutes_round_to_the_nearest_with_halves_up(seconds, minutes):
    assert whole_minutes(seconds) == minutes


def test_a_practice_under_half_a_minute_is_less_than_a_minute_in_words_and_in_a_list():
    assert practised_time(21) == "less than a minute"
    assert practised_of_planned(21, 180, completed=False) == "under 1 of 3 min"


def test_the_sentence_and_the_list_agree_on_the_minutes():
    for seconds in range(30, 600, 7):
        minutes = whole_minutes(seconds)
        assert practised_time(seconds).startswith(f"{minutes} minute")
        assert practised_of_planned(seconds, 600, completed=False) == f"{minutes} of 10 min"


def test_a_whole_practice_shows_its_length():
    assert practised_of_planned(600, 600, completed=True) == "10 min"
    assert practised_time(60) == "1 minute"


def test_a_few_moments_of_writing_are_under_a_minute_never_zero():
    # A letter session is kept as whole, planned as long as it lasted: 20 seconds of it is no
    # "0 min" in Today's list, which read as if the writing had not counted.
    assert practised_of_planned(20, 20, completed=True) == "under 1 min"
    assert practised_time(20) == "less than a minute"
