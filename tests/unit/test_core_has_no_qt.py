import subprocess
import sys


def test_the_core_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, compassion_app.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('compassion_app.core.' + m.name)\n"
        "import compassion_app.store.db\n"
        "print([name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
