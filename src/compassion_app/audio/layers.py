"""The mixer's building blocks: sounds placed at frames, seamless loops, the breath sound."""

from __future__ import annotations

import bisect
import functools
from typing import Protocol

import numpy as np

from compassion_app.audio import synth
from compassion_app.core.timeline import Timeline

BREATH_LOOP_SECONDS = 9.0
# Loudness at the middle of a breath (the noise has RMS 1): -29 dBFS in, -32 dBFS out at full
# volume, about -35 dBFS at the default - a presence, well under the voice (speech about -22 dBFS
# RMS) and the bells (start bell about -23 dBFS RMS over its first second at the default).
BREATH_LEVELS = {"in": 0.035, "out": 0.025}
BREATH_TONES = {"in": (5, 1400.0), "out": (6, 800.0)}  # (seed, centre Hz): the out-breath darker
# After the pacer stops, a practice with no bed keeps a breath this much softer (about -12 dB):
# enough that the room never falls into digital silence, too soft to ask anything of anyone.
QUIET_BREATH_SHARE = 0.25
AMBIENT_LOOP_SECONDS = {"brown": 20.0, "rain": 30.0, "ocean": 30.0}  # ocean: three 10 s swells
LIMIT_KNEE = 0.9  # samples above this are bent smoothly towards 1.0 instead of clipping


@functools.lru_cache(maxsize=8)
def prepared(kind: str, sample_rate: int, name: str) -> np.ndarray:
    """A synthesised sound, made once per process (the beds take a few tenths of a second) and
    shared, read-only, by every mixer: a bell, a breath loop ("in"/"out") or an ambient bed."""
    if kind == "bell":
        sound = synth.bell(sample_rate, name)
    elif kind == "breath":
        seed, centre = BREATH_TONES[name]
        sound = synth.breath_noise(sample_rate, BREATH_LOOP_SECONDS, seed, centre)
    else:
        sound = synth.ambient(sample_rate, name, AMBIENT_LOOP_SECONDS[name])
    sound.flags.writeable = False
    return sound


class OneShots:
    """Sounds that each play once from a given frame: bells and voice clips."""

    def __init__(self, shots: list[tuple[int, np.ndarray]]) -> None:
        shots = sorted(shots, key=lambda shot: shot[0])
        self.starts = [frame for frame, _ in shots]
        self.sounds = [sound for _, sound in shots]
        self.longest = max((len(sound) for sound in self.sounds), default=0)

    def spans(self) -> list[tuple[int, int]]:
        return [
            (start, start + len(sound))
            for start, sound in zip(self.starts, self.sounds, strict=True)
        ]

    def render(self, out: np.ndarray, start: int) -> bool:
        """Write the sounds heard in frames [start, start+len(out)) into `out`; False if none."""
        end = start + len(out)
        # Only sounds that began less than `longest` frames ago can still be playing.
        first = bisect.bisect_right(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        playing = False
        for index in range(first, last):
            begin, sound = self.starts[index], self.sounds[index]
            lo, hi = max(start, begin), min(end, begin + len(sound))
            if hi <= lo:
                continue
            if not playing:
                out.fill(0.0)
                playing = True
            np.add(
                out[lo - start : hi - start],
                sound[lo - begin : hi - begin],
                out=out[lo - start : hi - start],
            )
        return playing


class Loop:
    """A seamless loop, stored with its start repeated after its end so any block is one slice."""

    def __init__(self, sound: np.ndarray, capacity: int) -> None:
        self.period = len(sound)
        copies = 1 + -(-capacity // self.period)  # a loop shorter than a block still works
        self.samples = np.ascontiguousarray(
            np.tile(sound, copies)[: self.period + capacity], dtype=np.float32
        )

    def window(self, start: int, length: int) -> np.ndarray:
        offset = start % self.period
        return self.samples[offset : offset + length]


class BreathLayer:
    """Soft air that swells with each in- and out-breath and rests in the holds.

    Loudness follows the speed of the breath: the timeline's fullness is a raised cosine, whose
    slope is sin(pi * progress); 4p(1-p) matches it within 5 % and needs only multiply and add, so
    it is exact and cheap. It is zero at each phase edge, so phase changes never click.
    """

    def __init__(self, timeline: Timeline, capacity: int) -> None:
        rate = timeline.sample_rate
        self.loops = {
            phase: Loop(prepared("breath", rate, phase), capacity) for phase in BREATH_TONES
        }
        phases = [
            (event, BREATH_LEVELS[event.name] * share)
            for kind, share in (("breath", 1.0), ("quiet_breath", QUIET_BREATH_SHARE))
            for event in timeline.of_kind(kind)
            if event.name in BREATH_LEVELS
        ]
        phases.sort(key=lambda phase: phase[0].frame)
        self.starts = [event.frame for event, _ in phases]
        self.phases = phases

    def render(self, out: np.ndarray, start: int, scratch: BreathScratch) -> bool:
        end = start + len(out)
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = bisect.bisect_left(self.starts, end)
        sounding = False
        for event, level in self.phases[first:last]:
            lo, hi = max(start, event.frame), min(end, event.frame + event.length)
            if hi <= lo:
                continue
            if not sounding:
                out.fill(0.0)
                sounding = True
            self._phase(
                event.name,
                level,
                lo - event.frame,
                1.0 / event.length,
                lo,
                out[lo - start : hi - start],
                scratch,
            )
        return sounding

    def _phase(
        self,
        phase: str,
        level: float,
        into: int,
        per_frame: float,
        frame: int,
        out: np.ndarray,
        scratch: BreathScratch,
    ) -> None:
        length = len(out)
        progress = scratch.envelope[:length]
        np.add(scratch.ramp[:length], into, out=progress)
        np.multiply(progress, per_frame, out=progress)
        swell = scratch.shape[:length]
        np.subtract(np.float32(1.0), progress, out=swell)
        np.multiply(swell, progress, out=swell)
        np.multiply(swell, self.loops[phase].window(frame, length), out=swell)
        np.multiply(swell, 4.0 * level, out=out)


class BreathScratch(Protocol):
    """The part of the mixer's preallocated scratch that the breath layer writes into."""

    envelope: np.ndarray
    shape: np.ndarray
    ramp: np.ndarray


def limit_peaks(out: np.ndarray) -> None:
    """Bend samples above the knee smoothly towards 1.0; a sample-by-sample curve, no memory.

    With the designed levels this never engages; it is the safety net for loud recordings under
    a bell. The curve K + (1-K)u/(1+u) has slope 1 at the knee, so no sudden change in tone.
    """
    if out.max() <= LIMIT_KNEE and out.min() >= -LIMIT_KNEE:
        return
    loud = np.abs(out) > LIMIT_KNEE
    values = out[loud]
    over = (np.abs(values) - LIMIT_KNEE) / (1.0 - LIMIT_KNEE)
    bent = LIMIT_KNEE + (1.0 - LIMIT_KNEE) * over / (1.0 + over)
    out[loud] = np.copysign(bent, values).astype(np.float32)
