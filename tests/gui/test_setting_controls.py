"""Every Settings control is built from its declaration: each shown setting has one, named with
its words, showing what was saved, and every change reaches the setting it belongs to."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compassion_app import messages
from compassion_app.core import setting_fields as declare
from compassion_app.core.desktop_settings import DesktopSettings
from compassion_app.core.library import load_library
from compassion_app.core.progress_settings import ProgressSettings
from compassion_app.core.settings import MY_PACE_DEFAULT, Settings
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import no_sound


def test_every_shown_setting_has_a_control_named_with_its_words(window):
    window.show_settings()
    window.show_progress()
    places = (
        (Settings, window.settings_screen.controls),
        (DesktopSettings, window.desktop_card.controls),
        (ProgressSettings, window.progress_screen.choice_controls.controls),
    )
    for settings_type, controls in places:
        assert list(controls) == declare.shown(settings_type)
        for name, control in controls.items():
            assert control.accessibleName() == declare.declared(settings_type)[name].label
    sliders = window.settings_screen.controls["volumes"].sliders
    assert [slider.accessibleName() for slider in sliders.values()] == [
        "Voice volume",
        "Bells volume",
        "Breath sound volume",
        "Background volume",
    ]


def test_the_own_pace_switch_offers_a_gentle_pace_and_says_what_it_means(qtbot, window):
    window.show_settings()
    pace = window.settings_screen.controls["breathing"]
    assert pace.words.text() == messages.PACE_EACH_PRACTICE
    assert not any(box.isEnabled() for box in pace.boxes)
    pace.chosen.click()
    assert window.settings.breathing == MY_PACE_DEFAULT
    assert pace.words.text() == "About 5.5 breaths a minute."
    pace.boxes[2].setValue(0)  # no out-breath: no pace can be made of it
    assert window.settings.breathing is None
    assert pace.words.text() == messages.PACE_NEEDS_BREATHS
    pace.boxes[2].setValue(7)
    assert window.settings.breathing == (4.5, 0.5, 7.0, 0.5)


def test_tab_walks_the_pace_boxes_right_after_their_switch(qtbot, window):
    window.show_settings()
    window.activateWindow()
    pace = window.settings_screen.controls["breathing"]
    pace.chosen.click()  # the boxes are for a pace of one's own
    pace.chosen.setFocus()
    walked = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked[:4] == pace.boxes
    assert walked[4] is window.settings_screen.controls["show_counts"]


def test_the_controls_show_what_was_saved_when_the_app_opens_again(qtbot, tmp_path):
    saved = Settings(
        checkins=False,
        breathing=(5.0, 0.0, 7.0, 0.0),
        ambient="ocean",
        volumes={"voice": 0.5, "bells": 0.25, "breath": 0.0, "ambient": 1.0},
    )
    with Store.open(tmp_path / "store.json") as store:
        store.set_setting("preferences", saved.to_dict())
        window = MainWindow(store, load_library(resource_path("scripts")), no_sound)
        qtbot.addWidget(window)
        window.show_settings()
        controls = window.settings_screen.controls
        assert not controls["checkins"].isChecked()
        assert controls["start_where_i_am"].isChecked()
        assert controls["breathing"].chosen.isChecked()
        assert [box.value() for box in controls["breathing"].boxes] == [5.0, 0.0, 7.0, 0.0]
        assert controls["ambient"].currentText() == "Ocean waves"
        sliders = controls["volumes"].sliders
        assert [slider.value() for slider in sliders.values()] == [50, 25, 0, 100]
        assert window.settings == saved


def test_a_volume_slider_changes_its_own_layer_only(window):
    window.show_settings()
    window.settings_screen.controls["volumes"].sliders["breath"].setValue(30)
    assert window.settings.volumes == {"voice": 1.0, "bells": 0.8, "breath": 0.3, "ambient": 0.7}


def test_the_reminder_time_can_be_set_only_while_the_reminder_is_on(window):
    window.show_progress()
    controls = window.progress_screen.choice_controls.controls
    assert not controls["reminder_time"].isEnabled()
    controls["reminder"].click()
    assert controls["reminder_time"].isEnabled()


def test_tab_walks_on_from_the_last_volume_through_the_desktop_choices_and_your_data(qtbot, window):
    window.show_settings()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.settings_screen.controls["volumes"].sliders["ambient"].setFocus()
    desktop, data = window.desktop_card.controls, window.data_card
    expected = [
        desktop["theme"],
        desktop["text_size"],
        desktop["keep_in_tray"],
        data.open_button,
        data.export_button,
        data.import_button,
        data.backup_button,
    ]
    walked = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == expected


def test_tab_reaches_the_microphone_check_where_it_reads_under_its_setting(qtbot, window):
    window.show_settings()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen = window.settings_screen
    screen.controls["listen_to_breath"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.microphone_check.button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    names = list(screen.controls)
    declared_next = names[names.index("listen_to_breath") + 1]
    assert QApplication.focusWidget() is screen.controls[declared_next]
