"""Where things live: the user's data folder, the bundled assets, and the runtime folder.

Privacy: the data folder holds what people wrote about their inner lives. It and every folder in
it are 0700 and every file 0600 (on systems with POSIX modes), so other accounts on the same
computer can read nothing, and the single-instance socket lives in the user's own runtime folder
rather than in the shared temporary folder.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

APP_NAME = "Compassion Companion"
APP_SLUG = "compassion-companion"
PRIVATE_UMASK = 0o077  # what the app creates: folders 0700, files 0600
PRIVATE_BITS = 0o700  # only the owner's bits may be set
CATALOGUE_NAME = "exercise-catalogue.json"


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

    @property
    def catalogue(self) -> Path:
        """What Today lists of each exercise, kept to start without reading the scripts
        (core/catalogue.py): not the person's data, so backups and exports leave it out."""
        return self.root / CATALOGUE_NAME

    @property
    def exercises(self) -> Path:
        """The person's own exercise scripts: made when they first open it from the app."""
        return self.root / "exercises"

    def create(self) -> None:
        """Make the folder and its logs folder if needed (0700), and tighten an older app folder.

        Only a folder named as the app's own (the usual place on every system) is walked and
        tightened: `--data-dir` may name any folder, and one the person shares on purpose, or a
        system folder, must keep its modes. What the app writes anywhere is private regardless
        (the app runs with umask 077 and creates its files 0600).
        """
        for folder in (self.root, self.log.parent):
            folder.mkdir(mode=PRIVATE_BITS, parents=True, exist_ok=True)
        if self.root.name in (APP_NAME, APP_SLUG):
            make_private(self.root)


def make_private(root: Path) -> None:
    """Take group and other permissions off `root` and everything in it (owners' bits untouched).

    Older versions left files 0644 and folders to the umask; this tightens them at each start.
    Never follows a symbolic link, and never walks the home folder, the temporary folder or a
    folder owned by someone else.
    """
    if os.name != "posix" or not _ours_to_tighten(root):
        return
    _tighten(root)
    for folder, subfolders, files in os.walk(root):
        for name in [*subfolders, *files]:
            _tighten(Path(folder, name))


def _ours_to_tighten(root: Path) -> bool:
    try:
        owner = root.lstat().st_uid
    except OSError:
        return False
    shared = {Path("/"), Path.home(), Path(os.environ.get("TMPDIR", "/tmp")), Path("/tmp")}
    return owner == os.getuid() and root.resolve() not in {p.resolve() for p in shared}


def _tighten(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode) and mode & 0o077:
            path.chmod(stat.S_IMODE(mode) & PRIVATE_BITS)
    except OSError:
        pass  # gone meanwhile, or not ours: nothing to protect here


def runtime_dir() -> Path | None:
    """A folder only this user can enter, for sockets: $XDG_RUNTIME_DIR, else one of our own.

    The fallback is made in the temporary folder as `compassion-companion-runtime-<uid>`, and used
    only if it really is ours and private (someone else may have made it first). None if neither.
    """
    given = os.environ.get("XDG_RUNTIME_DIR")
    if given and _private_folder(Path(given)):
        return Path(given)
    import tempfile  # here: only the fallback needs it, and start-up does not

    fallback = Path(tempfile.gettempdir()) / f"{APP_SLUG}-runtime-{os.getuid()}"
    try:
        fallback.mkdir(mode=PRIVATE_BITS, exist_ok=True)
    except OSError:
        return None
    return fallback if _private_folder(fallback) else None


def _private_folder(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077
