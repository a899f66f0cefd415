"""A letter as passages to read one at a time, slowly, at the reader's own pace.

Passages follow the writer's own paragraphs. A long paragraph is split at sentence ends, so a
single screen never holds more than a few calm lines; nothing is ever cut mid-sentence unless one
sentence alone is longer than a passage.
"""

from __future__ import annotations

import re

LONGEST_PASSAGE = 420  # characters: about four lines at reading size

_PARAGRAPHS = re.compile(r"\n\s*\n")
# After ., ! or ? (and any closing quote or bracket), before the next sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"'”’)\]]*\s+")


def passages(body: str, longest: int = LONGEST_PASSAGE) -> list[str]:
    """The letter's text in reading order; empty paragraphs are skipped, words are kept as typed."""
    result: list[str] = []
    for paragraph in _PARAGRAPHS.split(body):
        paragraph = paragraph.strip()
        if paragraph:
            result.extend(_split_long(paragraph, longest))
    return result


def _split_long(paragraph: str, longest: int) -> list[str]:
    if len(paragraph) <= longest:
        return [paragraph]
    pieces: list[str] = []
    current = ""
    for sentence in _sentences(paragraph):
        if current and len(current) + 1 + len(sentence) > longest:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def _sentences(paragraph: str) -> list[str]:
    ends = [match.end() for match in _SENTENCE_END.finditer(paragraph)]
    starts = [0, *ends]
    stops = [*ends, len(paragraph)]
    return [
        paragraph[a:b].strip() for a, b in zip(starts, stops, strict=True) if paragraph[a:b].strip()
    ]
