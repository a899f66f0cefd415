"""Property tests: no file, however broken, crashes the loader or hangs the practice it makes.

Random text and bundled scripts with one value swapped, one line dropped, doubled or cut short:
each either loads and lays out at every length it offers, or is refused with a ScriptError that
names its line. Nothing else may escape (the earlier loader let AttributeError, OverflowError,
RecursionError and ZeroDivisionError out, and looped for ever on `per_minute = 1e9`).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compassion_app.core.scripts import ScriptError, read_script
from compassion_app.core.timeline import TimelineError, build_timeline

BUNDLED = sorted((Path(__file__).resolve().parents[3] / "assets" / "scripts").glob("*.toml"))
TEXTS = [path.read_text(encoding="utf-8") for path in BUNDLED]
NAMES_A_LINE = re.compile(r"^fuzz\.toml line \d+: \S")
KEY_LINE = re.compile(r"^(\s*[A-Za-z_.]+\s*=\s*)(.*)$")
NUMBER_LINE = re.compile(r"^(\s*[A-Za-z_.]+\s*=\s*)-?[0-9.]+\s*$")

numbers = st.one_of(
    st.integers(min_value=-5, max_value=2000).map(str),
    st.floats(min_value=-1, max_value=1500).map(repr),
    st.sampled_from(["nan", "inf", "1e9", "1e-9", "0", "1e400", "99999999999999999999"]),
)
toml_scalars = st.one_of(
    st.sampled_from(
        ["nan", "inf", "-inf", "1e9", "1e400", "0", "-1", "0.0", "true", "false", '""', "'x'"]
    ),
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda x: {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(x), repr(x))
    ),
    st.text(max_size=20).map(lambda text: '"' + text.replace("\\", "").replace('"', "") + '"'),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(["a", "at", "inhale", "text"]), inner), max_size=2).map(
            lambda pairs: "{" + ", ".join(f"{k} = {v}" for k, v in pairs) + "}"
        ),
    ),
    max_leaves=6,
)
deep = st.integers(min_value=20, max_value=3000).map(lambda n: "[" * n + "]" * n)


@st.composite
def mutated_scripts(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).splitlines()
    # Mostly one small change, so that many mutants still load and their practices are built.
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(
            st.sampled_from(["number"] * 4 + ["value"] * 3 + ["drop", "double", "cut", "add"])
        )
        numeric = [i for i, line in enumerate(lines) if NUMBER_LINE.match(line)]
        if action == "number" and numeric:
            index = draw(st.sampled_from(numeric))
            lines[index] = NUMBER_LINE.sub(lambda m: m.group(1) + draw(numbers), lines[index])
            continue
        match = KEY_LINE.match(lines[index])
        if action == "value" and match:
            lines[index] = match.group(1) + draw(
                st.one_of(numbers, numbers, toml_scalars, toml_values, deep)
            )
        elif action == "drop":
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            key = draw(st.sampled_from(["bells", "breathing", "cue", "minutes", "per_minute"]))
            lines.insert(index, f"{key} = {draw(toml_values)}")
        if not lines:
            break
    return "\n".join(lines) + "\n"


def loads_and_plays_or_names_a_line(raw: bytes) -> None:
    try:
        script = read_script(raw, Path("fuzz.toml"))
    except ScriptError as error:
        assert NAMES_A_LINE.match(str(error)), str(error)
        assert error.line >= 1
        return
    for minutes in script.minutes:
        try:
            timeline = build_timeline(script, minutes)
        except TimelineError:
            continue  # refused plainly; the library turns this into a message with a line
        # Bounded work: a breath is never shorter than a quarter of a second.
        assert len(timeline.of_kind("breath")) <= 4 * minutes * 60 * 4


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_scripts())
def test_a_mutated_bundled_script_loads_and_plays_or_is_refused_with_its_line(text: str) -> None:
    loads_and_plays_or_names_a_line(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes_the_loader(text: str) -> None:
    loads_and_plays_or_names_a_line(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash_the_loader(raw: bytes) -> None:
    loads_and_plays_or_names_a_line(raw)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "kind", "summary", "minutes", "bells", "breathing", "cue"]),
        toml_values,
        max_size=8,
    )
)
def test_random_top_level_values_never_crash_the_loader(values: dict[str, str]) -> None:
    text = "\n".join(f"{key} = {value}" for key, value in values.items()) + "\n"
    loads_and_plays_or_names_a_line(text.encode("utf-8"))
