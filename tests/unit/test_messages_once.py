"""Each message is written once: a second assignment would silently replace the first words."""

import ast
from collections import Counter
from pathlib import Path

import compassion_app.messages as messages


def test_no_message_is_defined_twice():
    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []
