"""The gentle second look: where the inner critic may have crept into a letter.

When someone re-reads a letter and has asked for it (it is off by default), phrases that often
carry the critic's voice are softly marked, each with a kind question beside it. This only points;
it never changes the text and never counts or scores anything. The lists are short on purpose:
a mark should feel like a friend's raised eyebrow, not a red pen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from compassion_app import messages

# Phrases by the kind of harshness they often carry. Longer phrases win over their parts
# ("should have" over "should"). An apostrophe matches both ' and ’.
CRITIC_PHRASES: dict[str, tuple[str, ...]] = {
    "demand": (
        "should have", "shouldn't have", "should", "shouldn't", "must", "mustn't",
        "have to", "has to", "ought to", "supposed to",
    ),
    "absolute": (
        "always", "never", "every time", "nothing ever", "everyone else", "no one ever",
    ),
    "label": (
        "stupid", "idiot", "failure", "a failure", "useless", "worthless", "pathetic", "lazy",
        "weak", "loser", "hopeless", "disgusting", "ridiculous", "not good enough", "a mess",
        "broken", "too much", "hate myself", "hate yourself",
    ),
    "blame": (
        "my fault", "your fault", "i deserve it", "you deserve it", "what's wrong with me",
        "what's wrong with you", "can't do anything right",
    ),
}  # fmt: skip

QUESTIONS: dict[str, str] = {
    "demand": messages.LETTER_CRITIC_DEMAND,
    "absolute": messages.LETTER_CRITIC_ABSOLUTE,
    "label": messages.LETTER_CRITIC_LABEL,
    "blame": messages.LETTER_CRITIC_BLAME,
}


@dataclass(frozen=True)
class CriticMark:
    """A span of the letter (start, end: character offsets into the text as given)."""

    start: int
    end: int
    phrase: str  # the words as they appear in the letter
    kind: str  # a key of CRITIC_PHRASES

    @property
    def question(self) -> str:
        return QUESTIONS[self.kind]


def critic_marks(text: str) -> list[CriticMark]:
    """Where the critic may be speaking in `text`, in reading order; the text is not touched."""
    pattern, kinds = _pattern()
    marks = []
    for match in pattern.finditer(text):
        phrase = match.group(0)
        kind = kinds[_plain(phrase)]
        if kind == "blame" and _NEGATED.search(text, 0, match.start()):
            continue  # "it was not your fault" is the compassionate self speaking
        marks.append(CriticMark(match.start(), match.end(), phrase, kind))
    return marks


_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+$", re.IGNORECASE)


def _plain(phrase: str) -> str:
    return " ".join(phrase.casefold().replace("’", "'").split())


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {_plain(phrase): kind for kind, phrases in CRITIC_PHRASES.items() for phrase in phrases}
    longest_first = sorted(kinds, key=len, reverse=True)
    alternatives = "|".join(_phrase_pattern(phrase) for phrase in longest_first)
    # \b on both sides: "must" is marked, "mustard" and "nevertheless" are not.
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), kinds


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(word).replace("'", "['’]") for word in phrase.split()]
    return r"\s+".join(words)
