"""Start-up, as a short ordered script: arguments → paths → logging → Qt app → store → window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import traceback
from types import TracebackType

from compassion_app import __version__
from compassion_app.core.library import load_library
from compassion_app.paths import DataPaths, resource_path, user_data_dir
from compassion_app.store.db import Store
from compassion_app.store.errors import StoreError

log = logging.getLogger(__name__)

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

    from PySide6.QtWidgets import QApplication

    from compassion_app.ui.main_window import MainWindow
    from compassion_app.ui.single_instance import SingleInstance

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Compassion Companion")
    app.setApplicationVersion(__version__)
    sys.excepthook = _kind_excepthook(paths)
    # Checked before the store is opened: a second copy must not touch the first one's file.
    instance = SingleInstance(paths.root)
    if not instance.claim():
        print("Compassion Companion is already open; its window has been brought forward.")
        return 0
    store, store_notice = _open_store(paths)
    window = MainWindow(store, load_library(resource_path("scripts")))
    instance.show_requested.connect(window.bring_forward)
    if store_notice:
        window.show_notice(store_notice)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def _start_logging(paths: DataPaths) -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.log, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    log.info("Compassion Companion %s starting; data in %s", __version__, paths.root)


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
