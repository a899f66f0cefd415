from compassion_app import messages
from compassion_app.core.critic_words import critic_marks


def marked(text):
    return [(text[mark.start : mark.end], mark.kind) for mark in critic_marks(text)]


def test_the_critics_words_are_found_where_they_stand_with_a_kind_question():
    text = "I should have known. I’m such an IDIOT and I never get it right."
    assert marked(text) == [("should have", "demand"), ("IDIOT", "label"), ("never", "absolute")]
    questions = [mark.question for mark in critic_marks(text)]
    assert questions[0] == messages.LETTER_CRITIC_DEMAND
    assert questions[1] == messages.LETTER_CRITIC_LABEL


def test_whole_words_only_so_kind_words_that_contain_them_are_left_alone():
    assert marked("Mustard, nevertheless, a weakling's shoulder.") == []


def test_phrases_across_line_breaks_and_both_apostrophes():
    text = "It was my\nfault. What's wrong with me? What’s wrong with you?"
    assert [kind for _, kind in marked(text)] == ["blame", "blame", "blame"]


def test_the_text_is_never_changed():
    text = "You must rest. 😊 مرحبا 你好 e\u0301"
    before = str(text)
    critic_marks(text)
    assert text == before
    assert marked(text) == [("must", "demand")]


def test_a_letter_with_no_critic_has_no_marks():
    assert critic_marks("Dear me, you did your best today, and that is enough.") == []


def test_not_your_fault_is_the_compassionate_voice_and_is_not_marked():
    text = "It was not your fault. It wasn’t my fault either. It was my fault."
    assert marked(text) == [("my fault", "blame")]
