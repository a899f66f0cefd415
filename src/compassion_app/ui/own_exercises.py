"""The folder of exercises people write themselves, watched: what they save there shows at once.

QFileSystemWatcher says that something in the folder, or one of its files, changed. A short pause
lets an editor finish saving (many write a new file and rename it over the old one; the watcher
then forgets the old file, so every file is watched afresh after each change). The library is read
again only when a name, a size or a time really changed, and in place, so Today, Progress and the
tray see the same exercises. A practice under way has its own timeline already and is untouched.
While the folder does not exist, the data folder is watched for it to arrive. Some folders (a
network share, say) never report changes: the folder is also looked at whenever the window comes
back to the front, as it does when the person returns from their editor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer, Signal

from compassion_app.core.library import SCRIPT_PATTERN, Library, folder_state
from compassion_app.paths import PRIVATE_BITS

RELOAD_DELAY_MS = 500  # after the last change seen: long enough for an editor to finish saving


class OwnExercises(QObject):
    changed = Signal()  # the library's own exercises (or their problems) were read again

    def __init__(self, library: Library, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(RELOAD_DELAY_MS)
        self._pause.timeout.connect(self.look_again)
        self._watcher.directoryChanged.connect(self._pause.start)
        self._watcher.fileChanged.connect(self._pause.start)
        self._watch()
        if parent is not None:
            parent.installEventFilter(self)  # the window coming to the front: see eventFilter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowActivate:
            self.look_again()  # a glob and a stat a file: nothing is read unless it changed
        return False

    def look_again(self) -> None:
        """Watch what is there now, and read the folder again if anything in it changed."""
        self._watch()
        if folder_state(self.folder) != self.library.own_seen:
            self.library.read_own(self.folder)
            self.changed.emit()

    def make_folder(self) -> bool:
        """Make the folder if it is not there yet (private, like the rest of the data folder)."""
        try:
            self.folder.mkdir(mode=PRIVATE_BITS, parents=True, exist_ok=True)
        except OSError:
            return False
        self._watch()
        return True

    def watched(self) -> set[str]:
        return set(self._watcher.directories()) | set(self._watcher.files())

    def _watch(self) -> None:
        wanted = self._wanted()
        old = self.watched() - wanted
        new = wanted - self.watched()
        if old:
            self._watcher.removePaths(sorted(old))
        if new:
            self._watcher.addPaths(sorted(new))

    def _wanted(self) -> set[str]:
        if self.folder.is_dir():
            return {str(self.folder)} | {str(path) for path in self.folder.glob(SCRIPT_PATTERN)}
        parent = self.folder.parent
        return {str(parent)} if parent.is_dir() else set()
