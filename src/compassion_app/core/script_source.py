"""Where things are in a script file: the line of each table and key, for messages people act on.

`tomllib` gives values but not where they came from, so this reads the text once more, line by
line, the way a person would: table headers (`[breathing]`, `[[cue]]`) and `key = value` lines.
It only has to be right for the way scripts are normally written; for anything it cannot place
(an inline table, an odd layout) it falls back to the nearest table it knows, so every message
still names a line.
"""

from __future__ import annotations

import re

Place = tuple[str | int, ...]  # () the top level, ("breathing",), ("cue", 2) the third cue

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_TRIPLE = re.compile(r'"""|\'\'\'')
_KEY_PART = re.compile(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')  # one-line strings, dropped when counting
MAX_NESTING = 32  # far deeper than any script needs, far shallower than the parser's limit


class SourceMap:
    """Line numbers (counted from 1) of the tables and keys of one script's text."""

    def __init__(self, text: str) -> None:
        self.last_line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        self._tables: dict[Place, int] = {(): 1}
        self._keys: dict[tuple[Place, str], int] = {}
        self._read(text)

    def line_of(self, place: Place, key: str | None = None) -> int:
        """The line of `key` in the table at `place`; else of the table; else of its parent."""
        if key is not None and (place, key) in self._keys:
            return self._keys[(place, key)]
        while place:
            if place in self._tables:
                return self._tables[place]
            parent, last = place[:-1], place[-1]
            if isinstance(last, str) and (parent, last) in self._keys:
                return self._keys[(parent, last)]  # an inline table: `breathing = { ... }`
            place = parent
        return 1

    def _read(self, text: str) -> None:
        table: Place = ()
        counts: dict[str, int] = {}
        in_string = False
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                in_string = _triple_quotes(line) % 2 == 0
                continue
            header = _HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                if header.group(1) == "[[":
                    name = ".".join(names)
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                    table = (*names, index)
                else:
                    table = tuple(names)
                self._tables.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                *parents, last = _split_key(key.group(1))
                place = (*table, *parents)
                self._keys.setdefault((place, last), number)
                for depth in range(len(parents)):  # `breathing.inhale = 4` names `breathing` too
                    self._keys.setdefault(((*table, *parents[:depth]), parents[depth]), number)
            in_string = _triple_quotes(line) % 2 == 1


def _triple_quotes(line: str) -> int:
    """How many triple quotes open or close a multi-line string on `line`."""
    if '"""' not in line and "'''" not in line:
        return 0  # most lines: no need for the pattern
    return len(_TRIPLE.findall(line))


def _split_key(key: str) -> list[str]:
    parts = _KEY_PART.findall(key)
    return [next(part for part in groups if part) if any(groups) else "" for groups in parts]


def decode_error_line(message: str, source: SourceMap) -> int:
    """The line a `tomllib.TOMLDecodeError` points at ("... (at line 3, column 5)")."""
    found = re.search(r"at line (\d+)", message)
    if found:
        return int(found.group(1))
    return source.last_line  # "(at end of document)"


def decode_error_reason(message: str) -> str:
    """The parser's reason without its position, which our message gives as a line."""
    return re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$", "", message)


def too_deep_line(text: str) -> int | None:
    """The first line where brackets nest deeper than MAX_NESTING, or None.

    Counted roughly (brackets in one-line strings and comments are skipped); it exists so that
    a pathological file is refused plainly before the parser recurses into it.
    """
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in _STRINGS.sub("", line).split("#", 1)[0]:
            if char in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    return number
            elif char in "]}":
                depth = max(0, depth - 1)
    return None
