"""Start-up, as a short ordered script (`run_app`):

1. the crash note, so that whatever goes wrong from here on is logged and told kindly;
2. the data folder, private to this user;
3. logging;
4. the exercises, and the practice asked for on the command line, refused before any window or
   store if it does not exist;
5. the single-instance lock (before the store: a second copy must not touch the first one's file);
6. the store;
7. Qt, the window, and the signals that save and quit;
8. the event loop; then the store is closed, and a failure to save is said plainly.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from compassion_app import __version__, messages
from compassion_app.core.library import Library, read_library
from compassion_app.instance_lock import InstanceLock
from compassion_app.log_file import LOG_FORMAT, PrivateLog
from compassion_app.paths import PRIVATE_UMASK, DataPaths, resource_path, user_data_dir
from compassion_app.reasons import plain_reason
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from compassion_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOG_LIMIT_BYTES = 1_000_000
SHOW_REQUESTS_AFTER_MS = 300  # once the window has painted; until then a second launch just exits
EXIT_REFUSED = 2  # the command line asked for something that does not exist
EXIT_CTRL_C = 130  # as a shell reports Ctrl+C


def run_app(data_dir: Path | None, practice_asked: tuple[str, int | None] | None = None) -> int:
    """Open the window on `data_dir` (None: the usual folder), or straight into a practice."""
    crash_note = CrashNote()
    sys.excepthook = crash_note
    paths = DataPaths(data_dir or user_data_dir())
    if not _private_folder(paths):
        return 1
    crash_note.log_file = _start_logging(paths)
    try:
        return _run_in_folder(paths, practice_asked)
    except KeyboardInterrupt:  # Ctrl+C before the window: nothing to save yet
        log.info("Stopped by Ctrl+C while starting")
        return EXIT_CTRL_C
    except Exception as error:  # noqa: BLE001 - whatever it is, the person hears of it kindly
        return _could_not_start(error, crash_note.log_file)


def _private_folder(paths: DataPaths) -> bool:
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)  # every file and folder the app creates is the user's alone
    try:
        paths.create()
    except OSError as error:
        reason = plain_reason(error, error.filename or paths.root)
        print(messages.FOLDER_UNUSABLE.format(folder=paths.root, reason=reason), file=sys.stderr)
        return False
    return True


def _run_in_folder(paths: DataPaths, practice_asked: tuple[str, int | None] | None) -> int:
    # Laid out once the window shows, the person's own exercises with the rest; listed until then
    # from the catalogue, when it still describes every script file.
    library = read_library(
        resource_path("scripts"), own_folder=paths.exercises, catalogue=paths.catalogue
    )
    try:
        practice = _chosen_practice(library, practice_asked)
    except LookupError as error:
        print(error.args[0], file=sys.stderr)
        return EXIT_REFUSED
    lock = InstanceLock(paths.root)
    if not lock.acquire():
        return _defer_to_running_copy(paths)
    try:
        return _run_with_store(paths, library, practice)
    finally:
        lock.release()


def _chosen_practice(
    library: Library, asked: tuple[str, int | None] | None
) -> tuple[str, int] | None:
    """`compassion-app practice ID [--minutes N]`: the exercise and length, or LookupError."""
    if asked is None:
        return None
    from compassion_app.cli import chosen_practice

    library.lay_out_all()  # a refusal lists only the exercises that can be played

    script, minutes = chosen_practice(library, *asked)
    return script.exercise_id, minutes


def _run_with_store(paths: DataPaths, library: Library, practice: tuple[str, int] | None) -> int:
    store, store_notice = _open_store(paths)
    try:
        code = _run_window(paths, library, store, store_notice, practice)
    finally:
        saved = _close_store(store)
    return code if saved else 1


def _run_window(
    paths: DataPaths,
    library: Library,
    store: Store,
    store_notice: str | None,
    practice: tuple[str, int] | None,
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.stop_signals import StopOnSignals

    app = QApplication(sys.argv[:1])
    app.setApplicationName(messages.WINDOW_TITLE)
    app.setApplicationVersion(__version__)
    # Only someone new here is welcomed, and only once; not when a practice was asked for.
    window = MainWindow(store, library, welcome=practice is None)
    if store_notice:
        window.show_notice(store_notice)
    window.show()
    signals = StopOnSignals(lambda number: _save_and_quit(app, window))
    if practice is not None:
        window.start_practice(*practice)
        log.info("Opened straight into %s for %d min", *practice)
    QTimer.singleShot(SHOW_REQUESTS_AFTER_MS, lambda: _listen_for_show_requests(paths, window))
    code = app.exec()
    signals.close()
    return code if signals.received is None else 128 + signals.received


def _save_and_quit(app: QApplication, window: MainWindow) -> None:
    """A stop signal: end and save the practice in progress, with no question, then quit."""
    # `save_and_release` ends a running practice early, saves it and flushes the settings.
    try:
        window.save_and_release()
    finally:
        app.quit()  # even if saving raised (the crash note has logged it): a stop is a stop


def _defer_to_running_copy(paths: DataPaths) -> int:
    from PySide6.QtCore import QCoreApplication

    from compassion_app.ui.single_instance import knock

    _app = QCoreApplication(sys.argv[:1])  # QLocalSocket wants an application object
    answered = knock(paths.root)
    print(messages.ALREADY_OPEN if answered else messages.ALREADY_OPEN_NO_ANSWER)
    return 0


def _listen_for_show_requests(paths: DataPaths, window: MainWindow) -> None:
    """Set up after the window has appeared: start-up does not wait for QtNetwork."""
    from compassion_app.ui.single_instance import ShowRequests

    requests = ShowRequests(paths.root, parent=window)
    requests.show_requested.connect(window.bring_forward)


def _start_logging(paths: DataPaths) -> Path | None:
    """The log file (created 0600), or None when it cannot be written and notes go to stderr."""
    _rotate(paths.log)
    try:
        handler: logging.Handler = PrivateLog(paths.log, encoding="utf-8")
        log_file: Path | None = paths.log
    except OSError as error:
        reason = plain_reason(error, paths.log)
        print(messages.LOG_UNUSABLE.format(log=paths.log, reason=reason), file=sys.stderr)
        handler, log_file = logging.StreamHandler(sys.stderr), None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    log.info("Compassion Companion %s starting; data in %s", __version__, paths.root)
    return log_file


def _rotate(log_file: Path) -> None:
    """Keep the log small: at start-up, a log over LOG_LIMIT_BYTES becomes the single old one.

    (By hand rather than logging.handlers, whose imports cost start-up more than this does.)
    """
    try:
        if log_file.stat().st_size > LOG_LIMIT_BYTES:
            log_file.replace(log_file.with_suffix(".old.log"))
    except OSError:
        pass  # no log yet, or it cannot be moved: logging carries on either way


def _open_store(paths: DataPaths) -> tuple[Store, str | None]:
    """The store, or a store in memory with a plain explanation when the file cannot be used."""
    try:
        store = Store.open(paths.store)
    except StoreError as error:
        log.error("Store could not be opened: %s", error)
        return Store.in_memory(), messages.STORE_UNUSABLE.format(problem=error)
    return store, store.take_notice()


def _close_store(store: Store) -> bool:
    """Close the store; if that fails, say so plainly where the person can still read it.

    The window has gone by now, so the words go to stderr and the log. The store's own message
    says what it kept and where; this never claims more than that.
    """
    close = store.close  # may return a plain message of what it kept, or raise StoreError
    try:
        result: object = close()
    except StoreError as error:
        problem = str(error)
    except OSError as error:  # e.g. a full disk the store did not expect at this moment
        log.exception("Closing the store failed")
        problem = plain_reason(error)
        print(messages.STORE_CLOSE_FAILED.format(problem=problem), file=sys.stderr)
        return False
    except Exception:  # noqa: BLE001 - a bug: still, say so, kindly
        log.exception("Closing the store failed")
        print(messages.STORE_CLOSE_FAILED_UNKNOWN, file=sys.stderr)
        return False
    else:
        problem = result if isinstance(result, str) else ""
    if not problem:
        return True
    log.error("Closing the store: %s", problem)
    print(messages.STORE_CLOSE_FAILED.format(problem=problem), file=sys.stderr)
    return False


def _could_not_start(error: Exception, log_file: Path | None) -> int:
    log.error("Start-up failed:\n%s", "".join(traceback.format_exception(error)))
    if log_file is not None:
        print(messages.STARTUP_FAILED.format(log=log_file), file=sys.stderr)
    else:
        print(messages.STARTUP_FAILED_NO_LOG, file=sys.stderr)
    return 1


class CrashNote:
    """The excepthook: log the whole traceback, and tell the person kindly instead of vanishing.

    Installed first, before the folder, the log or the store exist. With a window up, the note is
    a window of its own (not modal: the app may well carry on); before that, a line on stderr.
    """

    def __init__(self) -> None:
        self.log_file: Path | None = None
        self.shown: list[QMessageBox] = []  # kept, so that an open note is not collected

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if self.log_file is not None:
            note = messages.KIND_CRASH_MESSAGE.format(log=self.log_file)
        else:
            note = messages.KIND_CRASH_MESSAGE_NO_LOG
        if not self._show(note):
            print(note, file=sys.stderr)

    def _show(self, note: str) -> bool:
        if "PySide6.QtWidgets" not in sys.modules:  # no window yet: do not start Qt for this
            return False
        from PySide6.QtWidgets import QApplication, QMessageBox

        if not isinstance(QApplication.instance(), QApplication):
            return False
        if self.shown:
            return True  # one note at a time: a repeating error must not pile windows up
        box = QMessageBox(QMessageBox.Icon.Warning, messages.WINDOW_TITLE, note)
        box.finished.connect(lambda _result: self.shown.remove(box))
        self.shown.append(box)
        box.open()
        return True
