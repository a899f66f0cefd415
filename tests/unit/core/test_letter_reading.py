from compassion_app.core.letter_reading import passages


def test_passages_follow_the_writers_paragraphs():
    body = "Dear me,\n\nIt has been a hard week.\nI know.\n\n\n   \nWith warmth,\nme"
    assert passages(body) == ["Dear me,", "It has been a hard week.\nI know.", "With warmth,\nme"]


def test_a_long_paragraph_is_split_at_sentence_ends_and_keeps_every_word():
    sentence = "You have carried a lot, and it makes sense that you are tired."
    body = " ".join([sentence] * 20)
    result = passages(body, longest=200)
    assert len(result) > 1
    assert all(len(piece) <= 200 for piece in result)
    assert all(piece.endswith("tired.") for piece in result)
    assert " ".join(result).split() == body.split()


def test_one_very_long_sentence_stays_whole():
    body = "and " * 200
    assert passages(body, longest=100) == [body.strip()]


def test_an_empty_letter_has_no_passages():
    assert passages("") == [] and passages("\n\n  \n") == []


def test_unicode_sentences_split_too():
    body = "你好。" * 100
    result = passages(body, longest=60)
    assert "".join(result).replace(" ", "") == body
