"""The critic note's words: what the critic said, then the kinder answer, only what was written."""

from compassion_app.core.critic_notes import critic_note, note_body


def test_each_written_line_is_its_own_passage_and_empty_lines_are_left_out():
    assert note_body("  not enough ", "") == "What the critic said: not enough"
    assert note_body("", "I am doing my best") == (
        "What my compassionate self says back: I am doing my best"
    )
    assert note_body(" ", "\t") == ""


def test_a_note_edited_keeps_its_id_and_first_day():
    first = critic_note("a", "")
    again = critic_note("a", "b", kept=first)
    assert (again.letter_id, again.created_utc, again.version) == (
        first.letter_id, first.created_utc, 1,
    )  # fmt: skip
    assert again.body.endswith("says back: b")
