"""The floor: the least a PySide6 app does to show a main window; our start-up is measured by it.

Built like the app's own start (QApplication, a QMainWindow with a central widget, show, exec), with
nothing else, so the difference between the two is what our code costs.
"""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(900, 680)  # the app's size: painting cost grows with the area
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
