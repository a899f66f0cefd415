"""Play, pause, resume and stop without a click: the part of the audio callback that is not I/O.

The GUI thread only writes two booleans (`wants_play`, `wants_stop`); the callback thread reads
them at the start of each block and does everything else. No lock is shared, so the GUI can never
stall the sound and the sound can never stall the GUI.

Each change glides the master gain along a precomputed raised-cosine ramp, one step per sample,
across block boundaries. A pause fades the content out and then holds its place: resume fades in
from exactly the frame where the sound went quiet, so nothing is skipped or repeated. Finishing
early fades the content out the same way, then rings the end bell on its own.
"""

from __future__ import annotations

import numpy as np

from compassion_app.audio.mixer import Mixer
from compassion_app.audio.synth import raised_cosine

FADE_SECONDS = (
    0.025  # long enough that a full-scale bell fades without a click, short enough to feel instant
)


def fade_ramp(sample_rate: int) -> np.ndarray:
    """The master gain's path from silence to full, one value per sample (raised cosine).

    Strictly between 0 and 1, so the first faded sample is already a little quieter and the last
    a little louder; a fade down walks the same values backwards.
    """
    steps = max(1, round(FADE_SECONDS * sample_rate))
    return raised_cosine(np.arange(1, steps + 1) / (steps + 1)).astype(np.float32)


class Transport:
    def __init__(self, mixer: Mixer, start_frame: int = 0, fade_in: bool = False) -> None:
        self.mixer = mixer
        self.position = start_frame  # content frames rendered: the practice clock
        self._ramp = fade_ramp(mixer.sample_rate)
        self._level = 0 if fade_in else len(self._ramp)  # how far up the ramp the master gain is
        self.wants_play = True
        self.wants_stop = False
        self.wants_finish = False
        self._coda: int | None = None  # frames of the closing end bell played, once finishing

    @property
    def steps(self) -> int:
        return len(self._ramp)

    @property
    def silent(self) -> bool:
        """Faded right out: paused (or stopping) and no longer sounding."""
        return self._level == 0

    @property
    def ended(self) -> bool:
        """Everything has been rendered: the practice to its end, or the early end bell."""
        if self._coda is not None:
            return self._coda >= self.mixer.end_bell_frames
        return self.position >= self.mixer.total_frames

    def pause(self) -> None:
        self.wants_play = False

    def resume(self) -> None:
        self.wants_play = True

    def stop(self) -> None:
        self.wants_stop = True

    def finish_early(self) -> None:
        """Fade out and ring the end bell, unless the practice has already reached its own."""
        if self.position < self.mixer.timeline.practice_frames:
            self.wants_finish = True

    def fill(self, out: np.ndarray) -> bool:
        """Fill one block; True when the stream should end after playing it."""
        done = 0
        while done < len(out):
            if self._rising():
                done += self._rise(out[done:])
            elif self._level > 0:
                done += self._fall(out[done:])
            elif self.wants_finish and self._coda is None and not self.wants_stop:
                # Faded out: the end bell now plays through the same gain, at full (its own
                # attack is soft), so even a stop in the middle of it fades rather than cuts.
                self._coda = 0
                self._level = self.steps
            else:
                out[done:] = 0.0
                done = len(out)
        return self.ended or (self.wants_stop and self._level == 0)

    def _rising(self) -> bool:
        if self.wants_stop:
            return False
        if self._coda is not None:
            return True  # the closing bell rings out, pause or not
        return self.wants_play and not self.wants_finish

    def _rise(self, out: np.ndarray) -> int:
        top = self.steps
        length = len(out) if self._level == top else min(len(out), top - self._level)
        self._render(out[:length])
        if self._level < top:
            out[:length] *= self._ramp[self._level : self._level + length, None]
            self._level += length
        return length

    def _fall(self, out: np.ndarray) -> int:
        length = min(len(out), self._level)
        self._render(out[:length])
        out[:length] *= self._ramp[self._level - length : self._level][::-1, None]
        self._level -= length
        return length

    def _render(self, out: np.ndarray) -> None:
        """The closing bell once finishing; else content from the current position, and
        silence past the end of the practice."""
        if self._coda is not None:
            self.mixer.render_end_bell(out, self._coda)
            self._coda += len(out)
            return
        playable = max(0, min(len(out), self.mixer.total_frames - self.position))
        if playable:
            self.mixer.render_into(out[:playable], self.position)
        out[playable:] = 0.0
        self.position += playable
