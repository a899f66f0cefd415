"""Every word the app says to a person is checked against a list of unkind words kept in the repo.

Our listeners may already be hard on themselves: the guide invites ("you might", "if you like")
and never commands, grades or shames. The list is `unkind_words.txt` beside this file.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from compassion_app import messages
from compassion_app.core.scripts import load_script
from compassion_app.paths import resource_path

LIST = Path(__file__).with_name("unkind_words.txt")
LINES = [
    line.strip().lower()
    for line in LIST.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
DENIED = tuple(line for line in LINES if not line.startswith("+"))
ALLOWED = tuple(line[1:].strip() for line in LINES if line.startswith("+"))
NEGATIONS = {"no", "not", "nothing", "nowhere", "never", "without"}


def unkind_words(text: str) -> list[str]:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    for phrase in ALLOWED:  # each allowed phrase is blanked out before the search
        size = len(phrase.split())
        for j in range(len(words) - size + 1):
            if " ".join(words[j : j + size]) == phrase:
                words[j : j + size] = [""] * size
    found = []
    for phrase in DENIED:
        size = len(phrase.split())
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) != phrase:
                continue
            before = words[max(0, i - 2) : i]
            if not any(word in NEGATIONS or word.endswith("n't") for word in before):
                found.append(phrase)
    return found


def script_texts() -> list[object]:
    params = []
    for path in sorted(resource_path("scripts").glob("*.toml")):
        script = load_script(path)
        texts = [script.title, script.summary, script.why] + [cue.text for cue in script.cues]
        params.append(pytest.param(texts, id=path.stem))
    return params


def path_texts() -> list[object]:
    """The four-week path's teachings, read straight from its file (no library needed)."""
    data = tomllib.loads(resource_path("path", "four-weeks.toml").read_text(encoding="utf-8"))
    return [
        pytest.param([step["teaching"]], id=f"path step {number}")
        for number, step in enumerate(data["step"], start=1)
    ]


def message_texts() -> list[object]:
    params = []
    for name, value in vars(messages).items():
        if name.startswith("_"):
            continue
        strings = [value] if isinstance(value, str) else []
        if isinstance(value, tuple | list):
            strings = [item for item in value if isinstance(item, str)]
        if isinstance(value, dict):
            strings = [item for item in value.values() if isinstance(item, str)]
        if strings:
            params.append(pytest.param(strings, id=name))
    return params


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("You should relax now.", ["should"]),
        ("You must keep your eyes closed.", ["must"]),
        ("You need to breathe properly.", ["need to", "properly"]),
        ("If you failed to stay calm, that is wrong.", ["failed", "wrong"]),
        ("You should not worry.", ["should"]),
        ("You missed three days. Please reinstall.", ["missed", "please reinstall"]),
        ("There is no need to get it right.", []),
        ("You do not have to hold yourself up alone.", []),
        ("There is nothing you need to do here.", []),
        ("You don’t need to feel like this already.", []),
        ("There is no wrong way to do this.", []),
        ("Something went wrong inside the app. It was not anything you did.", []),
        ("You did it wrong.", ["wrong"]),
    ],
)
def test_the_kindness_check_itself(text: str, flagged: list[str]) -> None:
    assert sorted(unkind_words(text)) == sorted(flagged)


def test_the_list_is_there_and_holds_the_words_that_matter() -> None:
    assert {"should", "must", "wrong", "fail", "please reinstall"} <= set(DENIED)


@pytest.mark.parametrize("texts", script_texts())
def test_every_script_speaks_kindly(texts: list[str]) -> None:
    for text in texts:
        assert unkind_words(text) == [], text
        assert "!" not in text, "the guide never raises its voice"


def test_the_guide_to_writing_an_exercise_speaks_kindly() -> None:
    guide = resource_path("help", "writing-exercises.md").read_text(encoding="utf-8")
    for paragraph in guide.split("\n\n"):
        assert unkind_words(paragraph) == [], paragraph


@pytest.mark.parametrize("texts", path_texts())
def test_every_path_teaching_speaks_kindly(texts: list[str]) -> None:
    for text in texts:
        assert unkind_words(text) == [], text
        assert "!" not in text, "the path never raises its voice"


@pytest.mark.parametrize("texts", message_texts())
def test_every_message_speaks_kindly(texts: list[str]) -> None:
    for text in texts:
        assert unkind_words(text) == [], text
