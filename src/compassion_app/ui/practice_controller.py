"""Runs one practice: reads the clock fifty times a second and tells the screen what to show.

The clock is the audio stream's own position while sound plays, so the picture follows the sound.
Sound is started through `start_sound`, which returns a player or, when sound cannot be had, a kind
sentence to show; the practice then runs silently on the monotonic clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from compassion_app.core.breathing import BreathState
from compassion_app.core.clock import PracticeClock, SleepDetector
from compassion_app.core.practice import Practice
from compassion_app.core.records import CheckIn
from compassion_app.core.timeline import Timeline
from compassion_app.messages import SLEPT, SOUND_LOST

log = logging.getLogger(__name__)

FRAME_INTERVAL_MS = 20  # 50 pictures a second at most; the pacer repaints only when it moves
# Words (captions, time left, the pacer's count) and the checks for a rest or lost sound need
# far less than every frame: every fifth frame, ten times a second, keeps each frame to the breath.
WORDS_EVERY_FRAMES = 5


class Player(Protocol):
    """The part of the audio engine a practice needs."""

    @property
    def position(self) -> int: ...
    @property
    def failure(self) -> str | None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def finish_early(self, frame: int) -> None: ...
    def close(self) -> None: ...


StartSound = Callable[[Timeline, Mapping[str, float]], "Player | str"]  # timeline, volumes


class PracticeController(QObject):
    breath_changed = Signal(object)  # core.breathing.BreathState or None, as the frame moves on
    moment_changed = Signal(object)  # core.practice.Moment, ten times a second
    paused_changed = Signal(bool)
    notice = Signal(str)
    finished = Signal(object)  # core.records.PracticeRecord

    def __init__(
        self,
        timeline: Timeline,
        start_sound: StartSound,
        volumes: Mapping[str, float],
        now: Callable[[], float] = time.monotonic,
        sleep_detector: SleepDetector | None = None,
        parent: QObject | None = None,
        wall: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.practice = Practice(timeline)
        self.clock = PracticeClock(timeline.sample_rate, now)
        self._start_sound = start_sound
        self._volumes = volumes
        self.checkin_before: CheckIn | None = None
        self._player: Player | None = None
        self._sleep = sleep_detector or SleepDetector()
        self._wall = wall
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self.started = False  # the practice itself, after any check-in
        self._ticks = 0
        self._shown_frame = -1
        self.done = False
        # Breath-follow (ui.breath_follow.BreathFollowing), when the practice offers it.
        self.breath_follow: Any = None

    @property
    def player(self) -> Player | None:
        return self._player

    @property
    def paused(self) -> bool:
        return self.clock.paused

    @property
    def running(self) -> bool:
        """Begun and not yet over (paused counts as running)."""
        return self.started and not self.done

    def start(self) -> None:
        """The practice itself begins: its clock, its record's start time and its sound."""
        if self.started:
            return
        self.started = True
        self.practice.begin(self._wall())
        # However long the person lingered on the check-in, that was not the computer sleeping.
        self._sleep.slept()
        sound = self._start_sound(self.practice.timeline, self._volumes)
        if isinstance(sound, str):
            self.notice.emit(sound)
        else:
            self._player = sound
            self.clock.follow_audio(lambda: sound.position)
        self.clock.start()
        log.info("The practice began (%s)", "with sound" if self._player else "silent")
        if self.breath_follow is not None and self.breath_follow.wanted:
            self.listen_to_breath()
        self._timer.start()
        self._tick(everything=True)

    def listen_to_breath(self) -> None:
        """Let the pacer follow the person's breath (they said yes, now or in settings)."""
        if self.breath_follow is not None and not self.done:
            self.breath_follow.start(self._player, self.clock.position)

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def pause(self) -> None:
        if self.done or self.paused:
            return
        if self._player:
            self._player.pause()
        self.clock.pause()
        self.paused_changed.emit(True)

    def resume(self) -> None:
        if self.done or not self.paused:
            return
        if self._player:
            self._player.resume()
        self.clock.resume()
        self._sleep.slept()  # the pause itself is not a sleep
        self.paused_changed.emit(False)

    def end_early(self) -> None:
        """Stop here; the end bell still sounds, and the practice is recorded as far as it went.

        A practice that never started (the person left at the check-in) leaves no record.
        """
        if self.running:
            frame = self.clock.position()
            if self._player:
                self._player.finish_early(frame)
            self._finish(frame)

    def close(self) -> None:
        self._timer.stop()
        if self._player:
            self._player.close()
        if self.breath_follow is not None:
            self.breath_follow.close()

    def _tick(self, everything: bool = False) -> None:
        """Each frame: the breath, and only if the clock moved. Every few frames: the rest."""
        self._ticks += 1
        frame = self.clock.position()
        end = self.practice.timeline.practice_frames
        if everything or self._ticks % WORDS_EVERY_FRAMES == 0 or frame >= end:
            # Before an end is taken as reached: it may be a rest that carried the clock there.
            self._notice_rest_and_sound()
            frame = self.clock.position()
            everything = True
        if frame != self._shown_frame:
            self._shown_frame = frame
            self.breath_changed.emit(self._breath_at(frame))
        if everything:
            moment = self.practice.moment(frame)
            self.moment_changed.emit(moment)
            if moment.finished:
                self._finish(moment.frame)

    def _breath_at(self, frame: int) -> BreathState | None:
        """The breath the circle shows: the plan's, or while listening, the person's own."""
        planned = self.practice.timeline.breath_at(frame)
        follow = self.breath_follow  # it gives back the plan's breath while not listening
        return planned if follow is None else follow.breath(frame, planned)

    def _notice_rest_and_sound(self) -> None:
        if self._sleep.slept() and not self.paused:
            self.pause()
            self.notice.emit(SLEPT)
        if self._player and self._player.failure and self.clock.follows_audio:
            log.warning("Sound stopped mid-practice: %s", self._player.failure)
            self.clock.leave_audio()
            self.notice.emit(SOUND_LOST)

    def _finish(self, frame: int) -> None:
        self.done = True
        self._timer.stop()
        self.clock.pause()
        record = replace(self.practice.record(frame), checkin_before=self.checkin_before)
        if self.breath_follow is not None:
            self.breath_follow.close()  # the microphone is let go at once
            start, end = self.breath_follow.rates()
            record = replace(record, breath_rate_start=start, breath_rate_end=end)
        self.finished.emit(record)
