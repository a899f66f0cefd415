"""The guide's voice switched off in Settings: captions only, held long enough to read, and the
choice kept after a restart."""

from PySide6.QtCore import Qt

from compassion_app import messages
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.captions import reading_seconds
from compassion_app.core.library import load_library
from compassion_app.paths import resource_path
from compassion_app.store.db import Store
from compassion_app.ui.main_window import MainWindow
from compassion_app.ui.sound import SILENT_NOTICE
from helpers.fakes import FakeTime
from helpers.screens import begin

EXERCISE = "soothing-rhythm-breathing"


def switch_voice(qtbot, window):
    """Tab to the switch and press Space, as a keyboard user would."""
    window.show_settings()
    switch = window.settings_screen.controls["guide_voice"]
    switch.setFocus()
    qtbot.keyClick(switch, Qt.Key.Key_Space)
    return switch


def test_the_voice_can_be_switched_off_and_the_captions_stay_long_enough_to_read(qtbot, window):
    window.show_settings()
    switch = window.settings_screen.controls["guide_voice"]
    assert switch.text() == messages.SETTING_GUIDE_VOICE
    assert switch.isChecked()  # on unless the person chooses otherwise
    switch_voice(qtbot, window)
    assert not switch.isChecked()

    window.show_today()
    begin(qtbot, window, 1)
    timeline = window.practice.controller.practice.timeline
    assert timeline.of_kind("voice") == ()
    rate = timeline.sample_rate
    clips = VoiceClips(resource_path("audio", "voice"), rate)
    voice_of = {cue.text: cue.voice for cue in window._library.get(EXERCISE).cues}

    def spare(caption):  # seconds its words need beyond the clip that would have said them
        return reading_seconds(caption.text) - clips.seconds(EXERCISE, voice_of[caption.text])

    words = max(timeline.of_kind("caption"), key=spare)
    assert spare(words) > 1.0  # with the voice, these words would be gone before being read
    clip_ends = words.frame / rate + clips.seconds(EXERCISE, voice_of[words.text])
    window.clock.now += clip_ends + spare(words) / 2
    qtbot.waitUntil(lambda: window.practice.caption.text() == words.text)
    assert window.practice.caption.isVisible()


def test_the_choice_is_kept_after_a_restart_and_no_voice_is_decoded(qtbot, window):
    switch_voice(qtbot, window)
    window.close()
    window.store.close()

    decoded = []

    def heard(timeline, volumes):
        """The real mixer on the practice's timeline, as the engine would build it."""
        clips = VoiceClips(resource_path("audio", "voice"), timeline.sample_rate)
        Mixer(timeline, clips, volumes)
        decoded.append(clips.decoded_bytes)
        return SILENT_NOTICE

    with Store.open(window.store_path) as store:
        again = MainWindow(store, load_library(resource_path("scripts")), heard, now=FakeTime())
        qtbot.addWidget(again)
        again.show()
        assert not again.settings_screen.controls["guide_voice"].isChecked()
        begin(qtbot, again, 1)
        assert again.practice.controller.practice.timeline.of_kind("voice") == ()
        qtbot.waitUntil(lambda: bool(decoded))
        assert decoded == [0]  # not one clip of the guide's voice read into memory
        again.practice.controller.end_early()
        again.close()


def test_save_as_audio_follows_the_voice_setting(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    switch_voice(qtbot, window)
    window.show_today()
    out = tmp_path / "walk.wav"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    qtbot.mouseClick(window.today.save_audio_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.audio_export.finished_writing, timeout=60_000):
        pass
    timeline = window.audio_export.worker._timeline
    assert timeline.of_kind("voice") == () and timeline.of_kind("caption")
    assert out.exists()
