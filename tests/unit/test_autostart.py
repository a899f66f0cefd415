"""'Open Compassion Companion when I log in': an XDG autostart entry, only when asked for."""

import shlex
import sys

import pytest

from compassion_app import autostart

pytestmark = pytest.mark.skipif(not autostart.supported(), reason="XDG desktops only")


def test_turning_it_on_writes_an_entry_that_starts_this_app_and_off_removes_it(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "compassion-companion.desktop"
    assert not autostart.is_on()
    autostart.set_start_at_login(True)
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text
    (exec_line,) = [line for line in text.splitlines() if line.startswith("Exec=")]
    assert shlex.split(exec_line.removeprefix("Exec=")) == [sys.executable, "-m", "compassion_app"]
    assert autostart.is_on()
    autostart.set_start_at_login(False)
    assert not entry.exists()
    assert list((tmp_path / "autostart").iterdir()) == []
    autostart.set_start_at_login(False)  # already off: nothing to do, nothing fails


def test_a_path_with_spaces_is_quoted_as_the_desktop_entry_spec_asks():
    text = autostart.desktop_entry(["/opt/My Apps/python", "-m", "compassion_app"])
    assert 'Exec="/opt/My Apps/python" -m compassion_app' in text


def test_a_folder_that_cannot_be_written_raises_a_plain_os_error(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(OSError):
        autostart.set_start_at_login(True, blocked / "autostart" / "entry.desktop")
