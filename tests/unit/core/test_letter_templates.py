from compassion_app.core.critic_words import critic_marks
from compassion_app.core.letter_templates import TEMPLATES, template


def test_the_four_ways_in_are_offered_each_with_its_steps():
    titles = [each.title for each in TEMPLATES]
    assert titles == [
        "From your compassionate self",
        "From your ideal compassionate other",
        "To your inner critic, with understanding",
        "As you would write to a friend",
    ]
    for each in TEMPLATES:
        assert len(each.prompts) == 5
        assert each.opening.startswith("Dear ")
        assert any("“Dear …”" in prompt for prompt in each.prompts)
        assert any("fault" in prompt for prompt in each.prompts)


def test_templates_are_found_by_id_and_a_blank_letter_has_none():
    assert template("to-the-critic").title.startswith("To your inner critic")
    assert template(None) is None
    assert template("from-a-newer-version") is None


def test_the_prompts_pass_their_own_gentle_second_look():
    for each in TEMPLATES:
        for words in (each.summary, each.opening, *each.prompts):
            assert critic_marks(words) == [], words
