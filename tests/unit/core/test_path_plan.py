"""The bundled four-week path, checked as shipped, and the loader's clear refusals."""

from __future__ import annotations

import re
from functools import cache

import pytest

from compassion_app.core.library import Library, load_library
from compassion_app.core.path_plan import PathError, PathPlan, load_plan, read_plan
from compassion_app.paths import resource_path

PATH_FILE = resource_path("path", "four-weeks.toml")
# The order the path introduces the practices in (issue 12): each family's first step comes
# after the one before it.
FAMILIES_IN_ORDER = (
    ("soothing-rhythm-breathing",),
    ("calm-place",),
    ("compassionate-other",),
    ("compassionate-self",),
    ("noticing-the-critic",),
    ("letter-lead-in",),
)


@cache
def library() -> Library:
    return load_library(resource_path("scripts"))


@cache
def plan() -> PathPlan:
    return load_plan(PATH_FILE, library())


def sentences(text: str) -> int:
    return len(re.findall(r"[.?](?=\s|$)", text))


def test_the_bundled_path_has_four_weeks_of_seven_steps():
    assert len(plan().steps) == 28
    assert plan().weeks == 4
    assert [step.number for step in plan().steps] == list(range(1, 29))
    assert [step.week for step in plan().steps[6:8]] == [1, 2]
    assert plan().steps[-1].week == 4


def test_every_step_names_an_exercise_and_a_length_it_offers():
    for step in plan().steps:
        script = library().get(step.exercise_id)
        assert script is not None, step
        assert step.minutes in script.minutes, step


def test_the_practices_come_in_a_gentle_order():
    first = {}
    for step in plan().steps:
        first.setdefault(step.exercise_id, step.number)
    assert plan().steps[0].exercise_id == "soothing-rhythm-breathing"
    order = [first[family[0]] for family in FAMILIES_IN_ORDER]
    assert order == sorted(order), first


@pytest.mark.parametrize("number", range(1, 29))
def test_each_teaching_is_two_to_four_sentences(number):
    teaching = plan().steps[number - 1].teaching
    assert 2 <= sentences(teaching) <= 4, teaching


def test_no_two_teachings_are_the_same():
    teachings = [step.teaching for step in plan().steps]
    assert len(set(teachings)) == len(teachings)


STEP = 'exercise = "{exercise}"\nminutes = {minutes}\nteaching = "A kind word. Another."\n'


def path_text(*steps: tuple[str, object]) -> str:
    return "\n".join(
        "[[step]]\n" + STEP.format(exercise=exercise, minutes=minutes)
        for exercise, minutes in steps
    )


def test_an_exercise_that_does_not_exist_is_refused_with_its_line():
    text = path_text(("calm-place", 5), ("calm-plaice", 5))
    with pytest.raises(PathError) as refused:
        read_plan(text, "four-weeks.toml", library())
    message = str(refused.value)
    assert message.startswith("four-weeks.toml line 7: step 2: 'exercise' expects the id")
    assert "got 'calm-plaice'" in message


def test_a_length_the_exercise_does_not_offer_is_refused_with_its_line():
    text = path_text(("soothing-rhythm-breathing", 10), ("self-compassion-break", 10))
    with pytest.raises(PathError) as refused:
        read_plan(text, "four-weeks.toml", library())
    assert str(refused.value) == (
        "four-weeks.toml line 8: step 2: 'minutes' expects a length self-compassion-break "
        "offers (3, 5), got 10"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: the path has no steps"),
        ("[[step]]\nexercise = 'calm-place'\nminutes = 5\n", "line 1: step 1: 'teaching'"),
        ("[[step]]\nexercise = 'calm-place'\nminutes = true\nteaching = 'A. B.'\n", "line 3"),
        ("[[step]]\nexercise = 'calm-place'\nminuets = 5\n", "line 3: step 1: 'minuets' is not"),
        ("[[step]]\nexercise = 'calm-place\n", "line 2: this is not valid TOML"),
        ("step = [1]\n", "line 1: step 1: a step is a [[step]] table"),
    ],
)
def test_other_broken_files_are_refused_plainly(text, expected):
    with pytest.raises(PathError) as refused:
        read_plan(text, "mine.toml", library())
    assert str(refused.value).startswith("mine.toml " + expected), str(refused.value)


def test_a_missing_file_is_refused_plainly(tmp_path):
    with pytest.raises(PathError, match="The path file gone.toml could not be opened"):
        load_plan(tmp_path / "gone.toml", library())


# Words that, opening a sentence, would make it an instruction rather than an invitation.
COMMANDING_OPENINGS = {
    "let", "take", "imagine", "notice", "breathe", "try", "remember", "choose", "keep", "give",
    "allow", "write", "read", "feel", "focus", "relax", "close", "sit", "stop", "do", "don't",
}  # fmt: skip


@pytest.mark.parametrize("number", range(1, 29))
def test_each_teaching_invites_rather_than_instructs(number):
    teaching = plan().steps[number - 1].teaching
    for sentence in re.split(r"(?<=[.?])\s+", teaching):
        opening = sentence.split()[0].strip("\"'").lower()
        assert opening not in COMMANDING_OPENINGS, sentence
