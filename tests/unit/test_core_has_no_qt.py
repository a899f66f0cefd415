import subprocess
import sys

# Imports every core module and the store in a fresh interpreter, then lists any Qt module loaded.
PROBE = """
import importlib, pkgutil, sys
import compassion_app.core as core
for module in pkgutil.iter_modules(core.__path__):
    importlib.import_module("compassion_app.core." + module.name)
import compassion_app.store.db
print(sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))))
"""


def test_the_core_and_the_store_import_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
