"""Damage the store finds after start-up (in a year read later) is told in the window."""

from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound
from unit.store.samples import on_day, year_file


def test_a_year_mended_as_today_reads_it_is_told_in_the_window(qtbot, tmp_path):
    path = tmp_path / "store.json"
    with Store.open(path) as store:
        store.add_practice(on_day(1))
        store.add_practice(on_day(2))
    year = year_file(path)
    year.unlink()  # written anew, as a torn write would
    year.write_bytes(b'{"practices": {"1": {"exerc')

    with Store.open(path) as store:
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: any("was restored" in text for text in window.notices.texts()))
        (told,) = [text for text in window.notices.texts() if "was restored" in text]
        assert "your practices from 2024" in told
