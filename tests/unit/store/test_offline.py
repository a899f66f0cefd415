"""The store never touches the network: saving, letters, export and import with sockets forbidden.

The child process replaces socket.socket so that any internet socket (IPv4 or IPv6) raises, then
does everything the store does through its real entry points, the command line included.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHILD = r"""
import socket, sys
from pathlib import Path

real_socket = socket.socket
opened = []

class Forbidden(real_socket):
    def __init__(self, family=socket.AF_INET, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6):
            opened.append(family)
            raise OSError("internet sockets are forbidden in this test")
        super().__init__(family, *args, **kwargs)

socket.socket = Forbidden

from datetime import datetime, timezone
from compassion_app.__main__ import main
from compassion_app.core.letters import Letter
from compassion_app.core.records import PracticeRecord
from compassion_app.store.db import Store

data, copy, out = (Path(arg) for arg in sys.argv[1:4])
with Store.open(data / "compassion-companion.json") as store:
    store.add_practice(PracticeRecord.starting_now("calm-place", 600, 600, True))
    store.set_setting("theme", "dusk")
    store.set_rest_day(datetime.now().date(), True)
    now = datetime.now(timezone.utc)
    store.save_letter(Letter("To me", "Dear me", now, now))
    store.search_letters("dear")
assert main(["--data-dir", str(data), "export", str(out)]) == 0
assert main(["--data-dir", str(copy), "import", str(out)]) == 0
with Store.open(copy / "compassion-companion.json") as again:
    assert len(again.practices()) == 1 and len(again.letters()) == 1
print("internet sockets opened:", len(opened))
"""


def test_saving_export_and_import_open_no_internet_socket(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, tmp_path / "data", tmp_path / "copy", tmp_path / "x.json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "internet sockets opened: 0" in done.stdout
