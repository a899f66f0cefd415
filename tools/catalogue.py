"""Writes the catalogue shipped beside the bundled scripts, assets/scripts/catalogue.json.

    .venv/bin/python tools/catalogue.py

Run it after changing a bundled script (or the app's version), and commit what it writes: someone
new starts from it without reading a script (core/catalogue.py). A test fails while it is out of
date; the app only starts a little slower meanwhile, reading the scripts instead.
"""

from __future__ import annotations

from compassion_app.core.catalogue import SHIPPED, catalogue_bytes
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path


def shipped_catalogue() -> bytes:
    """What the bundled scripts give, read and laid out as the window does once it shows."""
    return catalogue_bytes(load_library(resource_path("scripts")).catalogue())


if __name__ == "__main__":
    resource_path("scripts", SHIPPED).write_bytes(shipped_catalogue())
