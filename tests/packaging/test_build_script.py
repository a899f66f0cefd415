"""packaging/build.py's own decisions, without building anything: which numpy it compiles, that
a compiled numpy is reused, and the plain message when the compilers it needs are missing."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def build(monkeypatch, tmp_path):
    """build.py loaded as a module, keeping its wheels in a throwaway folder."""
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "WHEELS", tmp_path / "wheels")
    return module


def test_the_bundle_compiles_the_numpy_that_the_app_asks_for(build):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert build.numpy_requirement() in project["dependencies"]
    assert build.numpy_requirement().startswith("numpy")


def test_a_numpy_compiled_before_is_reused_not_compiled_again(build, monkeypatch):
    monkeypatch.setattr(build, "run", lambda *a, **k: pytest.fail("compiled again"))
    folder = build.numpy_wheel_folder()
    folder.mkdir(parents=True)
    wheel = folder / "numpy-2.0.0-cp311-cp311-linux_x86_64.whl"
    wheel.write_bytes(b"")
    assert build.numpy_wheel(["pip"]) == wheel


def test_missing_compilers_get_the_exact_install_command(build, monkeypatch):
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    monkeypatch.setattr(build, "run", lambda *a, **k: pytest.fail("tried to compile"))
    with pytest.raises(SystemExit) as stopped:
        build.numpy_wheel(["pip"])
    message = str(stopped.value.code)
    assert "C and C++ compilers" in message
    assert "apt-get install --no-install-recommends gcc g++" in message
