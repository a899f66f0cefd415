"""Where things live: the user's data folder and the bundled assets."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Compassion Companion"
APP_SLUG = "compassion-companion"


def user_data_dir() -> Path:
    """The platform's usual place for an application's own data."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_SLUG


def assets_dir() -> Path:
    """The bundled assets: inside a frozen bundle, or beside `src/` in a source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parents[2] / "assets"


def resource_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


class DataPaths:
    """The files inside one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def store(self) -> Path:
        return self.root / "compassion-companion.json"

    @property
    def log(self) -> Path:
        return self.root / "logs" / "compassion-app.log"

    def create(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
