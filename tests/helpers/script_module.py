"""A script that is not part of a package (packaging/build.py, packaging/bundle_rules.py), loaded
from its file as a module, as its own tests need it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def script_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
