"""The data folder and the runtime folder keep to their owner."""

import os
import stat
from pathlib import Path

import pytest

from compassion_app.paths import DataPaths, make_private, runtime_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_data_folder_is_private(tmp_path):
    paths = DataPaths(tmp_path / "new" / "data")
    paths.create()
    assert (mode(paths.root), mode(paths.log.parent)) == (0o700, 0o700)


def test_an_old_generous_folder_is_tightened_without_touching_the_owners_bits(tmp_path):
    root = tmp_path / "data"
    (root / "letters").mkdir(parents=True)
    root.chmod(0o755)
    (root / "letters").chmod(0o775)
    note, tool = root / "letters" / "one.json", root / "run-me.sh"
    note.write_text("{}")
    tool.write_text("#!/bin/sh\n")
    note.chmod(0o664)
    tool.chmod(0o755)
    make_private(root)
    assert [mode(p) for p in (root, root / "letters", note, tool)] == [0o700, 0o700, 0o600, 0o700]


def test_an_older_app_folder_is_tightened_at_start(tmp_path):
    paths = DataPaths(tmp_path / "compassion-companion")  # the usual folder's own name
    paths.log.parent.mkdir(parents=True)
    paths.root.chmod(0o755)
    paths.log.write_text("an older note\n")
    paths.log.chmod(0o644)
    paths.create()
    assert (mode(paths.root), mode(paths.log)) == (0o700, 0o600)


def test_a_folder_of_the_persons_own_choosing_keeps_its_other_files_as_they_are(tmp_path):
    shared = tmp_path / "shared-notes"  # --data-dir pointed at a folder in use for other things
    shared.mkdir()
    shared.chmod(0o755)
    (shared / "recipe.txt").write_text("bread")
    (shared / "recipe.txt").chmod(0o644)
    paths = DataPaths(shared)
    paths.create()
    assert (mode(shared), mode(shared / "recipe.txt")) == (0o755, 0o644)
    assert mode(paths.log.parent) == 0o700  # what the app makes there is private


def test_a_link_inside_is_not_followed(tmp_path):
    elsewhere = tmp_path / "shared.txt"
    elsewhere.write_text("not ours to change")
    elsewhere.chmod(0o644)
    root = tmp_path / "data"
    root.mkdir()
    (root / "link").symlink_to(elsewhere)
    make_private(root)
    assert mode(elsewhere) == 0o644


def test_the_home_folder_is_never_walked(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    kept = tmp_path / "photo.jpg"
    kept.write_text("")
    kept.chmod(0o644)
    make_private(tmp_path)  # someone ran the app with --data-dir ~
    assert mode(kept) == 0o644


def test_the_socket_folder_is_the_users_runtime_folder(tmp_path, monkeypatch):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert runtime_dir() == runtime


@pytest.mark.parametrize("given", [None, "open to all", "missing"])
def test_without_a_private_runtime_folder_one_of_our_own_is_made(tmp_path, monkeypatch, given):
    if given is None:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    elif given == "missing":
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "nowhere"))
    else:
        shared = tmp_path / "shared"
        shared.mkdir(mode=0o777)
        shared.chmod(0o777)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # let it read TMPDIR again
    folder = runtime_dir()
    assert folder is not None and folder.parent == tmp_path / "tmp"
    assert mode(folder) == 0o700 and folder.stat().st_uid == os.getuid()


def test_a_fallback_folder_someone_opened_up_is_not_used(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    taken = tmp_path / f"compassion-companion-runtime-{os.getuid()}"
    taken.mkdir()
    taken.chmod(0o777)  # made first, by someone who wants to listen in
    assert runtime_dir() is None
