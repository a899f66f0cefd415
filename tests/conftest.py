"""Shared test set-up: Qt must never need a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
