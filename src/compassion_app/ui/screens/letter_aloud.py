"""Hear it in your own voice: record the letter read aloud, keep it with the letter, play it back.

The recording is written into the letter's own private folder (the store deletes it with the
letter), atomically, so a crash never leaves half a file. No microphone, or no sound: the button
explains kindly and nothing else changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compassion_app import messages
from compassion_app.reasons import plain_reason
from compassion_app.store.storage import write_atomically
from compassion_app.ui.widgets.button import Button
from compassion_app.ui.widgets.level_meter import LevelMeter

if TYPE_CHECKING:
    from compassion_app.audio.recorder import Player, Recorder
    from compassion_app.store.passphrase import SealedCipher

log = logging.getLogger(__name__)

READING_FILE = "reading.ogg"
PLAYBACK_POLL_MS = 200

RecorderFactory = Callable[[], "Recorder"]


def _real_recorder() -> Recorder:
    from compassion_app.audio.recorder import Recorder

    return Recorder()


RAIN_LOOP_SECONDS = 10.0


def _rain(sample_rate: int):  # type: ignore[no-untyped-def]
    """A soft rain bed (audio.synth), made when first asked for: numpy work, not at start-up."""
    from compassion_app.audio.synth import ambient

    return ambient(sample_rate, "rain", RAIN_LOOP_SECONDS)


class ReadingAloud(QWidget):
    recording_kept = Signal(object)  # the Path of the kept reading

    def __init__(
        self, recorder_factory: RecorderFactory | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._make_recorder = recorder_factory or _real_recorder
        self._folder: Path | None = None
        self._recorder: Recorder | None = None
        self._player: Player | None = None
        # Set while the letters are passphrase-protected: the reading is sealed like a letter.
        self.cipher: SealedCipher | None = None
        self.record_button = Button(messages.LETTER_RECORD, self)
        self.play_button = Button(messages.LETTER_PLAY, self)
        self.with_rain = QCheckBox(messages.LETTER_PLAY_WITH_RAIN, self)
        self.meter = LevelMeter(self)
        self.meter.hide()
        self.status = QLabel("", self)
        self.status.setProperty("role", "soft")
        self.status.setWordWrap(True)
        self._playback_poll = QTimer(self)
        self._playback_poll.setInterval(PLAYBACK_POLL_MS)
        self._playback_poll.timeout.connect(self._check_playback)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        row.addWidget(self.meter)
        row.addWidget(self.play_button)
        row.addWidget(self.with_rain)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.record_button.clicked.connect(self._record_clicked)
        self.play_button.clicked.connect(self._play_clicked)

    @property
    def reading_path(self) -> Path | None:
        return self._folder / READING_FILE if self._folder is not None else None

    def set_folder(self, folder: Path) -> None:
        self.stop()
        self._folder = folder
        self.status.setText("")
        self._show_play()

    def _show_play(self) -> None:
        path = self.reading_path
        kept = path is not None and path.exists()
        self.play_button.setVisible(kept)
        self.with_rain.setVisible(kept)

    # -- recording ----------------------------------------------------------------------------

    def _record_clicked(self) -> None:
        if self._recorder is not None:
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self) -> None:
        from compassion_app.audio.recorder import RecordingUnavailable

        self._stop_playing()
        recorder = self._make_recorder()
        try:
            recorder.start()
        except RecordingUnavailable as error:
            log.info("No recording: %s", error.reason)
            self.status.setText(str(error))
            return
        self._recorder = recorder
        self.record_button.setText(messages.LETTER_RECORD_STOP)
        self.play_button.hide()
        self.with_rain.hide()
        self.meter.show()
        self.meter.follow(lambda: recorder.level)
        self.status.setText(messages.LETTER_LISTENING)

    def stop_recording(self) -> None:
        from compassion_app.audio.recorder import encode_ogg

        recorder, self._recorder = self._recorder, None
        if recorder is None:
            return
        frames = recorder.stop()
        self.meter.follow(None)
        self.meter.hide()
        self.record_button.setText(messages.LETTER_RECORD)
        path = self.reading_path
        if path is None or len(frames) == 0:
            self.status.setText("")
            self._show_play()
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = encode_ogg(frames, recorder.sample_rate)  # in memory: no plain temp file
            write_atomically(path, self.cipher.encrypt(data) if self.cipher else data)
        except OSError as error:
            reason = plain_reason(error)
            self.status.setText(messages.LETTER_RECORDING_NOT_SAVED.format(reason=reason))
        else:
            self.status.setText(messages.LETTER_RECORDING_KEPT)
            self.recording_kept.emit(path)
        self._show_play()

    # -- playing back -------------------------------------------------------------------------

    def _play_clicked(self) -> None:
        if self._player is not None:
            self._stop_playing()
        else:
            self.play()

    def play(self) -> None:
        from compassion_app.audio.recorder import Player, RecordingUnavailable, decode_ogg

        path = self.reading_path
        if path is None:
            return
        try:
            frames, rate = decode_ogg(self._opened(path.read_bytes()))
            player = Player(frames, rate, bed=_rain(rate) if self.with_rain.isChecked() else None)
            player.start()
        except RecordingUnavailable as error:
            log.info("No playback: %s", error.reason)
            self.status.setText(str(error))
            return
        except (OSError, RuntimeError, ValueError) as error:  # soundfile: RuntimeError subclasses
            log.error("Reading unreadable: %s", error)
            self.status.setText(messages.LETTER_NO_PLAYBACK)
            return
        self._player = player
        self.play_button.setText(messages.LETTER_PLAY_STOP)
        self._playback_poll.start()

    def _opened(self, data: bytes) -> bytes:
        """The OGG bytes of a kept reading, unsealed if it is protected (ValueError if locked)."""
        from compassion_app.store.passphrase import MAGIC

        if not data.startswith(MAGIC):
            return data
        if self.cipher is None:
            raise ValueError("the reading is sealed and the letters are locked")
        return self.cipher.decrypt(data)

    def _check_playback(self) -> None:
        if self._player is not None and self._player.finished:
            self._stop_playing()

    def _stop_playing(self) -> None:
        self._playback_poll.stop()
        if self._player is not None:
            self._player.stop()
            self._player = None
        self.play_button.setText(messages.LETTER_PLAY)

    def stop(self) -> None:
        """Put everything away (leaving the letter): a reading in progress is kept."""
        self.stop_recording()
        self._stop_playing()
