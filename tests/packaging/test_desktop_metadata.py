"""The files a Linux desktop reads to show the app: the menu entry, the software-centre metadata
and the icon. Software centres and menus silently drop an entry that does not validate, so the
official validators run here; each test skips, saying why, where its tool is not installed (CI
installs them: dev.py's test packages)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from compassion_app import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "compassion-app.desktop"
METAINFO = PACKAGING / "io.github.compassion_companion.CompassionCompanion.metainfo.xml"


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: apt-get install {package})")
    return found


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_passes_desktop_file_validate():
    validate = tool("desktop-file-validate", "desktop-file-utils")
    checked = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, timeout=30)
    # It exits 0 even for hints; any line it prints is a warning or an error to fix.
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


def test_the_metainfo_passes_appstreamcli_validate():
    appstreamcli = tool("appstreamcli", "appstream")
    checked = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_menu_entry_starts_the_installed_command_with_the_shipped_icon():
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert entry["Exec"].split()[0] in scripts["gui-scripts"]
    assert (PACKAGING / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["Terminal"] == "false"


def test_the_metainfo_names_the_menu_entry_and_this_release():
    component = ElementTree.parse(METAINFO).getroot()
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert component.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    newest = component.find("releases/release")
    assert newest is not None, "the metainfo lists no release"
    assert newest.get("version") == __version__, "a new version needs its <release> entry"
