"""No message shows a person the raw text of an exception, and none asks them to reinstall.

What went wrong with a file is told by `compassion_app.reasons.plain_reason` (what happened and
what could help); the exception's own words ("[Errno 28] No space left on device") go to the log.
Two checks: the words in messages.py, and every place in the code that fills a message while
handling an exception.
"""

from __future__ import annotations

import ast
import errno
import logging
import re
import string
from pathlib import Path

import pytest

from compassion_app import messages
from compassion_app.reasons import plain_reason

SOURCE = Path(messages.__file__).parent
RAW_PLACEHOLDERS = {"error", "detail", "exception", "exc", "err", "strerror"}
# The helpers that turn an exception into plain words; their result may fill a message.
PLAIN_HELPERS = {"plain_reason", "failure_reason", "write_failure_message"}
# Exceptions whose text is itself written for the person, from messages.py.
PERSON_FACING = {
    "StoreError",
    "StoreWriteError",
    "StoreBusyError",
    "NewerSchemaError",
    "ImportProblem",
    "ScriptError",
    "FieldError",
    "TimelineError",
    "LookupError",
    "UnknownFormat",
    "KeyError",  # its one argument is the name of the missing field, as the file spells it
}
# The one message that quotes a parser: the TOML parser's description of a syntax slip
# ("Expected '=' after a key"), for the person writing their own exercise, with file and line.
QUOTES_A_PARSER = {"SCRIPT_NOT_TOML"}


def message_strings() -> list[tuple[str, str]]:
    found = []
    for name, value in vars(messages).items():
        if name.startswith("_"):
            continue
        values = value if isinstance(value, tuple | list) else [value]
        values = value.values() if isinstance(value, dict) else values
        found += [(name, text) for text in values if isinstance(text, str)]
    return found


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize(("name", "text"), message_strings(), ids=lambda v: str(v)[:40])
def test_no_message_has_a_place_for_an_exceptions_own_words(name, text):
    raw = {field.split(".")[0].split("[")[0] for field in placeholders(text)} & RAW_PLACEHOLDERS
    assert not raw, f"{name} shows {raw}: fill it from plain_reason() as {{reason}} instead"


@pytest.mark.parametrize(("name", "text"), message_strings(), ids=lambda v: str(v)[:40])
def test_no_message_asks_anyone_to_reinstall_or_shows_system_codes(name, text):
    assert not re.search(r"reinstall|errno|traceback|exception", text, re.IGNORECASE), name


def _raw_uses(tree: ast.AST) -> list[str]:
    """Messages filled from an exception's own text, in each function that handles one."""
    scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    return sorted({problem for scope in scopes or [tree] for problem in _raw_in(scope)})


def _raw_in(scope: ast.AST) -> list[str]:
    """The exception's name, and every name assigned from it (`reason = str(error)`), followed
    through the whole function, so a message formatted after the `except` block is seen too.
    Inside a handler of a person-facing exception, its own name holds the person's words."""
    handlers = [h for h in ast.walk(scope) if isinstance(h, ast.ExceptHandler) and h.name]
    tainted = {h.name for h in handlers if not _person_facing(h.type)}
    kind_names = {  # node -> the person-facing exception's name, where it is in scope
        id(node): handler.name
        for handler in handlers
        if _person_facing(handler.type)
        for statement in handler.body
        for node in ast.walk(statement)
    }

    def raw(expression: ast.expr, node: ast.AST) -> bool:
        return _mentions(expression, tainted - {kind_names.get(id(node))})

    if not tainted:
        return []
    for _ in range(3):  # names assigned from names assigned from the exception
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and raw(node.value, node):
                tainted |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    problems = []
    for node in ast.walk(scope):
        message = _formatted_message(node)
        if message is None or message in QUOTES_A_PARSER:
            continue
        assert isinstance(node, ast.Call)
        problems += [
            f"line {node.lineno}: {message} gets {keyword.arg}="
            for keyword in node.keywords
            if raw(keyword.value, node)
        ]
    return problems


def _person_facing(caught: ast.expr | None) -> bool:
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return all(isinstance(n, ast.Name | ast.Attribute) and _name(n) in PERSON_FACING for n in names)


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def _formatted_message(node: ast.AST) -> str | None:
    """`messages.NAME.format(...)` (or `words.NAME.format(...)`): NAME, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    target = node.func.value
    if node.func.attr != "format" or not isinstance(target, ast.Attribute):
        return None
    if isinstance(target.value, ast.Name) and target.value.id in {"messages", "words"}:
        return target.attr
    return None


NUMBERS = {"lineno", "colno", "line", "errno"}  # facts an exception carries that are not words


def _mentions(expression: ast.expr, names: set[str]) -> bool:
    """Whether `expression` reads one of `names` other than through a plain-words helper."""
    if isinstance(expression, ast.Call) and _name(expression.func) in PLAIN_HELPERS:
        return False
    if isinstance(expression, ast.Attribute) and expression.attr in NUMBERS:
        return False
    if isinstance(expression, ast.Call) and _name(expression.func) == "getattr":
        named = expression.args[1] if len(expression.args) > 1 else None
        if isinstance(named, ast.Constant) and named.value in NUMBERS:
            return False
    if isinstance(expression, ast.Name):
        return expression.id in names
    return any(
        _mentions(child, names)
        for child in ast.iter_child_nodes(expression)
        if isinstance(child, ast.expr)
    )


def test_no_message_is_filled_with_an_exceptions_own_text():
    problems = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(SOURCE)} {p}" for p in _raw_uses(tree)]
    assert not problems, "\n".join(problems)


def test_the_scan_itself_finds_a_raw_exception_in_a_message():
    leaky = (
        "def save():\n"
        "    try:\n"
        "        write()\n"
        "    except OSError as error:\n"
        "        reason = error.strerror or str(error)\n"
        "        show(messages.EXPORT_FAILED.format(path=p, reason=reason))\n"
    )
    kind = leaky.replace("error.strerror or str(error)", "plain_reason(error, p)")
    assert _raw_uses(ast.parse(leaky)) == ["line 6: EXPORT_FAILED gets reason="]
    assert _raw_uses(ast.parse(kind)) == []
    # ...and one formatted after the `except` block, from a name the handler set.
    later = (
        "def check(item):\n"
        "    try:\n"
        "        parse(item)\n"
        "    except ValueError as error:\n"
        "        text = str(error)\n"
        "    raise Problem(messages.STORE_IMPORT_BAD_FIELD.format(where=w, problem=text))\n"
    )
    assert _raw_uses(ast.parse(later)) == ["line 6: STORE_IMPORT_BAD_FIELD gets problem="]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, messages.REASON_NO_SPACE),
        (errno.EDQUOT, messages.REASON_NO_SPACE),
        (errno.EACCES, messages.REASON_NOT_ALLOWED),
        (errno.EPERM, messages.REASON_NOT_ALLOWED),
        (errno.EROFS, messages.REASON_READ_ONLY),
        (errno.ENOENT, messages.REASON_MISSING),
        (errno.ENODEV, messages.REASON_NO_DEVICE),
        (errno.EIO, messages.REASON_NO_DEVICE),
        (errno.ENAMETOOLONG, messages.REASON_NAME_TOO_LONG),
        (errno.EISDIR, messages.REASON_IS_FOLDER),
        (errno.ENOTDIR, messages.REASON_NOT_A_FOLDER),
        (errno.EEXIST, messages.REASON_NOT_A_FOLDER),
        (errno.EBADF, messages.REASON_UNEXPECTED),
    ],
)
def test_each_common_cause_gets_its_plain_words_and_the_detail_goes_to_the_log(code, words, caplog):
    error = OSError(code, "system words", "/somewhere/walk.ogg")
    with caplog.at_level(logging.INFO, logger="compassion_app.reasons"):
        said = plain_reason(error, "walk.ogg")
    assert said == words.format(place="walk.ogg")
    assert "system words" not in said and "Errno" not in said
    assert "system words" in caplog.text  # kept for whoever looks into it


def test_an_error_without_a_cause_is_unexpected_and_names_the_file_it_knows():
    assert plain_reason(RuntimeError("boom")) == messages.REASON_UNEXPECTED
    missing = OSError(errno.ENOENT, "No such file", "/data/letters")
    assert plain_reason(missing) == messages.REASON_MISSING.format(place="/data/letters")
