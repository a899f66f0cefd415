"""Start-up, as a short ordered script: arguments → paths → logging → store → Qt app → window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from compassion_app import __version__
from compassion_app.core.library import load_library
from compassion_app.instance_lock import InstanceLock
from compassion_app.paths import DataPaths, resource_path, user_data_dir
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError

if TYPE_CHECKING:
    from compassion_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOG_LIMIT_BYTES = 1_000_000
SHOW_REQUESTS_AFTER_MS = 300  # once the window has painted; until then a second launch just exits

KIND_CRASH_MESSAGE = (
    "Something went wrong inside Compassion Companion. It was not anything you did. "
    "Your practices and letters are kept safely. A note about the problem was written to:\n{log}"
)


def run_app(args: argparse.Namespace) -> int:
    paths = DataPaths(args.data_dir or user_data_dir())
    try:
        paths.create()
    except OSError as error:
        print(f"Compassion Companion cannot use the folder {paths.root}: {error}", file=sys.stderr)
        return 1
    _start_logging(paths)
    # Before the store: a second copy must not touch the first one's file.
    lock = InstanceLock(paths.root)
    if not lock.acquire():
        return _defer_to_running_copy(paths)
    store, store_notice = _open_store(paths)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from compassion_app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Compassion Companion")
    app.setApplicationVersion(__version__)
    sys.excepthook = _kind_excepthook(paths)
    window = MainWindow(store, load_library(resource_path("scripts")))
    if store_notice:
        window.show_notice(store_notice)
    window.show()
    QTimer.singleShot(SHOW_REQUESTS_AFTER_MS, lambda: _listen_for_show_requests(paths, window))
    try:
        return app.exec()
    finally:
        store.close()
        lock.release()


def _defer_to_running_copy(paths: DataPaths) -> int:
    from PySide6.QtCore import QCoreApplication

    from compassion_app.ui.single_instance import knock

    _app = QCoreApplication(sys.argv[:1])  # QLocalSocket wants an application object
    knock(paths.root)
    print("Compassion Companion is already open; its window has been brought forward.")
    return 0


def _listen_for_show_requests(paths: DataPaths, window: MainWindow) -> None:
    """Set up after the window has appeared: start-up does not wait for QtNetwork."""
    from compassion_app.ui.single_instance import ShowRequests

    requests = ShowRequests(paths.root, parent=window)
    requests.show_requested.connect(window.bring_forward)


def _start_logging(paths: DataPaths) -> None:
    _rotate(paths.log)
    handler = logging.FileHandler(paths.log, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    log.info("Compassion Companion %s starting; data in %s", __version__, paths.root)


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
        return (
            Store.in_memory(),
            f"{error} Practices today will be kept only until you close the app.",
        )
    return store, store.notice


def _kind_excepthook(paths: DataPaths):  # type: ignore[no-untyped-def]
    """Log the whole traceback, and tell the person kindly, instead of vanishing."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "Compassion Companion", KIND_CRASH_MESSAGE.format(log=paths.log))

    return hook
