"""Save as audio: the chosen practice and length, rendered to OGG, FLAC or WAV in a worker thread.

The window stays responsive while the file is written; a bar shows how far it has come. The file
is written under a temporary name and only takes its real name once whole, so a failure (a full
disk, a folder that went away) never leaves a half file behind that looks finished.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from compassion_app import messages as words
from compassion_app.core.scripts import ExerciseScript
from compassion_app.core.settings import Settings
from compassion_app.core.timeline import Timeline
from compassion_app.reasons import plain_reason, system_words

DEFAULT_SUFFIX = ".ogg"
KNOWN_SUFFIXES = (".ogg", ".flac", ".wav")


def audio_file_name(chosen: str) -> Path:
    """The file to write: what the person chose, with .ogg added if they named no audio kind."""
    path = Path(chosen)
    return (
        path
        if path.suffix.lower() in KNOWN_SUFFIXES
        else path.with_name(path.name + DEFAULT_SUFFIX)
    )


def offer_to_save(
    parent: QWidget, script: ExerciseScript, minutes: int, settings: Settings
) -> AudioExportDialog | None:
    """Ask where to save, then start writing: the dialog, or None if they changed their mind."""
    from PySide6.QtWidgets import QFileDialog

    from compassion_app.core.timeline import SAMPLE_RATE, build_timeline
    from compassion_app.ui.sound import voice_clip_seconds

    suggested = f"{script.exercise_id}-{minutes}min{DEFAULT_SUFFIX}"
    chosen, _kind = QFileDialog.getSaveFileName(
        parent, words.SAVE_AUDIO_TITLE, suggested, words.SAVE_AUDIO_FILTER
    )
    if not chosen:
        return None
    timeline = build_timeline(
        settings.apply_to(script),
        minutes,
        SAMPLE_RATE,
        voice_clip_seconds(SAMPLE_RATE, settings.guide_voice),
    )
    dialog = AudioExportDialog(timeline, settings.volumes, audio_file_name(chosen), parent)
    dialog.start()
    return dialog


class RenderWorker(QThread):
    progressed = Signal(float)  # the share written, 0 to 1
    failed = Signal(str, str)  # why, in plain words; what the system said, for "Details"

    def __init__(
        self, timeline: Timeline, volumes: Mapping[str, float], path: Path, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._timeline = timeline
        self._volumes = dict(volumes)
        self.path = path

    def run(self) -> None:
        from compassion_app.audio.render import render_to_file
        from compassion_app.ui.sound import voice_clips

        partial = self.path.with_name(f".{self.path.stem}.partial{self.path.suffix}")
        try:
            clips = voice_clips(self._timeline.sample_rate)
            render_to_file(
                self._timeline, clips, partial, self._volumes, progress=self.progressed.emit
            )
            partial.replace(self.path)
        except (OSError, ValueError, RuntimeError) as error:
            with contextlib.suppress(OSError):
                partial.unlink()
            self.failed.emit(plain_reason(error, self.path), system_words(error))


class AudioExportDialog(QDialog):
    """The bar while it is written; then the dialog closes and the window says where it is."""

    finished_writing = Signal(str, str)  # the sentence to show (saved, or why not); details

    def __init__(
        self, timeline: Timeline, volumes: Mapping[str, float], path: Path, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.SAVE_AUDIO_TITLE)
        self._title = timeline.title
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                words.SAVE_AUDIO_WRITING.format(
                    title=timeline.title, minutes=timeline.minutes, name=path.name
                )
            )
        )
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(words.SAVE_AUDIO_TITLE)
        layout.addWidget(self.bar)
        self._problem: str | None = None
        self._details = ""
        self.worker = RenderWorker(timeline, volumes, path, self)
        self.worker.progressed.connect(lambda share: self.bar.setValue(round(share * 100)))
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._done)

    def start(self) -> None:
        self.open()
        self.worker.start()

    def _failed(self, problem: str, details: str) -> None:
        self._problem, self._details = problem, details

    def _done(self) -> None:
        if self._problem is None:
            said = words.SAVE_AUDIO_DONE.format(title=self._title, path=self.worker.path)
        else:
            said = words.SAVE_AUDIO_FAILED.format(title=self._title, reason=self._problem)
        self.finished_writing.emit(said, self._details)
        self.accept()
