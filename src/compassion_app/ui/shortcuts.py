"""The window's keyboard shortcuts: Ctrl+Q everywhere, and each platform's usual keys.

Each action gets one QShortcut holding every key that means it here (Ctrl+Q and the platform's
Quit are the same key on Linux: two shortcuts on one key would cancel each other out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from compassion_app.ui.main_window import MainWindow

Keys = tuple[QKeySequence | QKeySequence.StandardKey, ...]


def install_shortcuts(window: MainWindow) -> dict[str, QShortcut]:
    """Quit (Ctrl+Q, and the platform's own), Close, Preferences and Help, on the window."""
    standard = QKeySequence.StandardKey
    wanted: dict[str, tuple[Keys, Callable[[], object]]] = {
        "quit": ((QKeySequence("Ctrl+Q"), standard.Quit), window.quit_app),
        "close": ((standard.Close,), window.close),
        "settings": ((standard.Preferences,), _unless_practising(window, window.show_settings)),
        "help": ((standard.HelpContents,), window.show_safety),
    }
    found = {}
    for name, (keys, then) in wanted.items():
        sequences = _distinct(keys)
        if not sequences:
            continue  # this platform has no usual key for it
        shortcut = QShortcut(window)
        shortcut.setKeys(sequences)
        shortcut.activated.connect(then)
        found[name] = shortcut
    return found


def _distinct(keys: Keys) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in keys:
        bound = [key] if isinstance(key, QKeySequence) else QKeySequence.keyBindings(key)
        for sequence in bound:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def _unless_practising(window: MainWindow, then: Callable[[], object]) -> Callable[[], None]:
    """A practice under way is never pulled away from by a stray key."""

    def guarded() -> None:
        if not window.practising:
            then()

    return guarded
