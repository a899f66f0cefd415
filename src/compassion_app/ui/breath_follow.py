"""Breath-follow in a practice: the listener and the following pacer, on the GUI thread.

Created with the practice but quiet until `start` (the person said yes, now or in settings).
Then every look at the clock (`breath`) hands the microphone's new sound to the detector and asks
`PacerFollow` what the circle should show. While listening, the app's own breath sound rests: the
circle follows the person, and a breath sound keeping to the plan would pull the other way (and it
is the loudest thing the microphone must not mistake for them).

Sound is analysed in memory and dropped; only the rate near the start and near the end are kept,
with the practice record.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from compassion_app import messages as words
from compassion_app.core.breathing import BreathPattern, BreathState
from compassion_app.core.pacer_follow import PacerFollow
from compassion_app.core.timeline import Timeline

log = logging.getLogger(__name__)

CANNOT_HEAR_AGAIN_AFTER_SECONDS = 180.0  # say "I can't hear" at most this often


class Listener(Protocol):
    def poll(self) -> Any: ...
    def close(self) -> None: ...


OpenListener = Callable[..., "Listener | None"]  # (clock=, render=) -> a listener or None


def open_real_listener(clock: Callable[[], int] | None, render: Any, **options: Any) -> Any:
    """The microphone, through sounddevice (options: sample_rate, device), or None."""
    from compassion_app.audio.listener import open_listener

    return open_listener(clock=clock, render=render, **options)


class BreathFollowing(QObject):
    notice = Signal(str)

    def __init__(
        self,
        timeline: Timeline,
        target: BreathPattern,
        start_per_minute: float,
        volumes: Mapping[str, float],
        open_listener: OpenListener = open_real_listener,
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.pacer = PacerFollow(target, start_per_minute)
        self.listener: Listener | None = None
        self._volumes = dict(volumes)
        self._open = open_listener
        self._now = now
        self._said_cannot_hear: float | None = None
        self.started = False
        self.wanted = False  # the person has chosen to let the app listen

    def start(self, player: Any, clock: Callable[[], int]) -> bool:
        """Begin listening; False (and a kind notice) when no microphone can be opened."""
        if self.started:
            return self.listener is not None
        self.started = True
        render = None
        if player is not None:
            if hasattr(player, "set_volume"):
                player.set_volume("breath", 0.0)
            render = self._reference_mixer().render_into
        # At the practice's own rate, so the app's output lines up with it frame for frame.
        self.listener = self._open(
            clock=clock, render=render, sample_rate=self.timeline.sample_rate
        )
        if self.listener is None:
            self.notice.emit(words.BREATH_NO_MICROPHONE)
            return False
        return True

    @property
    def listening(self) -> bool:
        return self.listener is not None

    def breath(self, frame: int, planned: BreathState | None) -> BreathState | None:
        """What the circle shows at `frame`: the following breath, where the plan breathes."""
        if self.listener is None:
            return planned
        estimate = self.listener.poll()
        if planned is None:
            return None  # before or after the breathing part: the listener still learns the room
        state = self.pacer.update(frame / self.timeline.sample_rate, estimate)
        if state.change == "lost":
            self._say_cannot_hear()
        return state.breath

    def rates(self) -> tuple[float | None, float | None]:
        """The rate first heard and the one it settled near (None, None if never heard)."""
        start, end = self.pacer.started_near, self.pacer.settled_near
        return (
            None if start is None else round(start, 1),
            None if end is None else round(end, 1),
        )

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def _say_cannot_hear(self) -> None:
        now = self._now()
        last = self._said_cannot_hear
        if last is None or now - last >= CANNOT_HEAR_AGAIN_AFTER_SECONDS:
            self._said_cannot_hear = now
            self.notice.emit(words.BREATH_CANNOT_HEAR)

    def _reference_mixer(self) -> Any:
        """A second mixer for exactly what the app plays, frame for frame, without the breath."""
        from compassion_app.audio.mixer import Mixer
        from compassion_app.ui.sound import voice_clips

        volumes = self._volumes | {"breath": 0.0}
        return Mixer(self.timeline, voice_clips(self.timeline.sample_rate), volumes)
