"""The mix of a whole practice, rendered on demand for any span of frames.

`Mixer` prepares everything up front - bells, voice clips, noise loops, the gain curves - so that
`render_into` is only slicing and vectorised arithmetic: cheap enough for the audio callback,
deterministic, and bit-identical however the practice is cut into blocks. The offline render and
the live stream therefore play exactly the same samples.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

import numpy as np

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.curves import Envelope, Gain, Slew, combine
from compassion_app.audio.layers import BreathLayer, Loop, OneShots, limit_peaks, prepared
from compassion_app.core.settings import DEFAULT_VOLUMES
from compassion_app.core.timeline import Timeline

log = logging.getLogger(__name__)

BLOCK_CAPACITY = 8192  # longer requests are rendered in pieces of this size
VOLUME_GLIDE_SECONDS = 0.03
AMBIENT_LEVEL = 0.05  # RMS of the bed at full volume (about -26 dBFS): a backdrop, not a sound
DUCK_ATTACK_SECONDS = 0.3  # the breath and the bed make room just before the guide speaks...
DUCK_RELEASE_SECONDS = 0.8  # ...and come back unhurriedly after
BREATH_UNDER_VOICE = 0.35  # share of the breath sound left while the guide speaks
AMBIENT_UNDER_VOICE = 0.6


@dataclass
class Volumes:
    """Slider positions from 0 to 1; the heard gain is the square, roughly even steps to the ear."""

    voice: float = DEFAULT_VOLUMES["voice"]
    bells: float = DEFAULT_VOLUMES["bells"]
    breath: float = DEFAULT_VOLUMES["breath"]
    ambient: float = DEFAULT_VOLUMES["ambient"]

    @classmethod
    def from_any(cls, volumes: Volumes | Mapping[str, float] | None) -> Volumes:
        if volumes is None:
            return cls()
        if isinstance(volumes, Volumes):
            return cls(**asdict(volumes))
        known = {field.name for field in fields(cls)}
        unknown = set(volumes) - known
        if unknown:
            raise ValueError(f"unknown sound layers: {sorted(unknown)}")
        return cls(**{name: float(value) for name, value in volumes.items()})


LAYERS = tuple(field.name for field in fields(Volumes))


def gain_of(volume: float) -> float:
    volume = min(1.0, max(0.0, volume))
    return volume * volume


class Mixer:
    def __init__(
        self,
        timeline: Timeline,
        clips: VoiceClips | None = None,
        volumes: Volumes | Mapping[str, float] | None = None,
        capacity: int = BLOCK_CAPACITY,
    ) -> None:
        self.timeline = timeline
        self.sample_rate = timeline.sample_rate
        self.total_frames = timeline.total_frames
        self.capacity = capacity
        glide = round(VOLUME_GLIDE_SECONDS * self.sample_rate)
        chosen = Volumes.from_any(volumes)
        self._gains = {name: Slew(gain_of(value), glide) for name, value in asdict(chosen).items()}
        self._scratch = _Scratch(capacity)
        self._bells = OneShots(
            [
                (event.frame, prepared("bell", self.sample_rate, event.name))
                for event in timeline.of_kind("bell")
            ]
        )
        self._voices = OneShots(self._voice_shots(clips))
        self._duck = _duck_envelope(self._voices.spans(), self.sample_rate)
        self._breath = BreathLayer(timeline, capacity) if timeline.breath_sound else None
        self._ambient = self._ambient_bed(timeline)
        self._ambient_fade = _ambient_envelope(timeline)
        self._level = np.float32(10 ** (timeline.level_db / 20))

    def set_volume(self, layer: str, value: float) -> None:
        """Safe from any thread: the change glides in over the next few milliseconds."""
        self._gains[layer].set(gain_of(value))

    @property
    def end_bell_frames(self) -> int:
        return len(prepared("bell", self.sample_rate, "end"))

    def render_end_bell(self, out: np.ndarray, offset: int) -> None:
        """The end bell alone, from `offset` frames into it: how a practice ended early closes."""
        for start in range(0, len(out), self.capacity):
            block = out[start : start + self.capacity]
            bell = prepared("bell", self.sample_rate, "end")[
                offset + start : offset + start + len(block)
            ]
            layer = self._scratch.layer[: len(bell)]
            np.multiply(bell, self._gain("bells", len(bell)), out=layer)
            np.multiply(layer, self._level, out=layer)
            block[: len(bell), 0] = layer
            block[: len(bell), 1] = layer
            block[len(bell) :] = 0.0

    def render_all(self) -> np.ndarray:
        """The whole practice, shape (total_frames, 2) float32. Heavy: for offline use and tests."""
        out = np.empty((self.total_frames, 2), dtype=np.float32)
        self.render_into(out, 0)
        return out

    def render_into(self, out: np.ndarray, start_frame: int) -> None:
        """Fill `out` (frames, 2) float32 with frames [start_frame, start_frame + len(out))."""
        for offset in range(0, len(out), self.capacity):
            block = out[offset : offset + self.capacity]
            self._render_block(block, start_frame + offset)

    def _render_block(self, out: np.ndarray, start: int) -> None:
        length = len(out)
        scratch = self._scratch
        # Every volume moves on every block, sounding or not, so a glide never waits for a bell.
        voice, bells, breath, ambient = (self._gain(name, length) for name in LAYERS)
        mono = scratch.mono[:length]
        mono.fill(0.0)
        duck = self._duck.block(start, length, scratch.ramp, scratch.duck, scratch.square)
        layer = scratch.layer[:length]
        if self._voices.render(layer, start):
            self._accumulate(mono, layer, voice)
        if self._bells.render(layer, start):
            self._accumulate(mono, layer, bells)
        if self._breath is not None and self._breath.render(layer, start, scratch):
            breath_duck = _duck_depth(duck, BREATH_UNDER_VOICE, scratch.duck_breath)
            self._accumulate(mono, layer, combine([breath, breath_duck], scratch.gain))
        if self._ambient is None:
            out[:, 0] = mono
            out[:, 1] = mono
        else:
            self._add_ambient(out, mono, start, ambient, duck)
        if self._level != 1.0:
            np.multiply(out, self._level, out=out)
        limit_peaks(out)

    def _gain(self, layer: str, length: int) -> Gain:
        return self._gains[layer].block(
            length, self._scratch.ramp_from_one, self._scratch.slew[layer]
        )

    @staticmethod
    def _accumulate(mono: np.ndarray, layer: np.ndarray, gain: Gain) -> None:
        np.multiply(layer, gain, out=layer)
        np.add(mono, layer, out=mono)

    def _add_ambient(
        self, out: np.ndarray, mono: np.ndarray, start: int, volume: Gain, duck: Gain
    ) -> None:
        assert self._ambient is not None
        scratch = self._scratch
        length = len(mono)
        fade = self._ambient_fade.block(start, length, scratch.ramp, scratch.fade, scratch.square)
        ambient_duck = _duck_depth(duck, AMBIENT_UNDER_VOICE, scratch.duck_ambient)
        gain = combine([volume, fade, ambient_duck, AMBIENT_LEVEL], scratch.gain)
        layer = scratch.layer[:length]
        for channel, loop in enumerate(self._ambient):
            np.multiply(loop.window(start, length), gain, out=layer)
            np.add(mono, layer, out=out[:, channel])

    def _voice_shots(self, clips: VoiceClips | None) -> list[tuple[int, np.ndarray]]:
        shots = []
        for event in self.timeline.of_kind("voice"):
            if clips is None:
                continue
            try:
                sound = clips.load(self.timeline.exercise_id, event.name)
            except (OSError, RuntimeError) as error:  # a missing clip: the caption still shows
                log.warning("Voice clip %r not played: %s", event.name, error)
                continue
            shots.append((event.frame, sound[: event.length]))
        return shots

    def _ambient_bed(self, timeline: Timeline) -> tuple[Loop, Loop] | None:
        if timeline.ambient is None:
            return None
        bed = prepared("ambient", self.sample_rate, timeline.ambient)
        return (Loop(bed[:, 0], self.capacity), Loop(bed[:, 1], self.capacity))


class _Scratch:
    """Buffers allocated once, so the audio callback allocates nothing sizeable."""

    def __init__(self, capacity: int) -> None:
        def buffer() -> np.ndarray:
            return np.zeros(capacity, dtype=np.float32)

        self.mono, self.layer, self.gain = buffer(), buffer(), buffer()
        self.duck, self.duck_breath, self.duck_ambient, self.fade = (
            buffer(),
            buffer(),
            buffer(),
            buffer(),
        )
        self.envelope, self.shape, self.square = buffer(), buffer(), buffer()
        self.slew = {name: buffer() for name in LAYERS}
        self.ramp = np.arange(capacity, dtype=np.float32)
        self.ramp_from_one = np.arange(1, capacity + 1, dtype=np.float32)


def _duck_envelope(spans: list[tuple[int, int]], sample_rate: int) -> Envelope:
    """1 while the guide speaks, 0 otherwise, with soft edges; close phrases share one dip."""
    attack = round(DUCK_ATTACK_SECONDS * sample_rate)
    release = round(DUCK_RELEASE_SECONDS * sample_rate)
    merged: list[list[int]] = []
    for begin, end in spans:
        if merged and begin - attack <= merged[-1][1] + release:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    points: list[tuple[int, float]] = []
    for begin, end in merged:
        points += [(begin - attack, 0.0), (begin, 1.0), (end, 1.0), (end + release, 0.0)]
    return Envelope(points, default=0.0)


def _duck_depth(duck: Gain, remaining: float, out: np.ndarray) -> Gain:
    """Coverage 0..1 of the voice turned into a gain: 1 with no voice, `remaining` under it."""
    if not isinstance(duck, np.ndarray):
        return np.float32(1.0 + duck * np.float32(remaining - 1.0))
    out = out[: len(duck)]
    np.multiply(duck, np.float32(remaining - 1.0), out=out)
    np.add(out, np.float32(1.0), out=out)
    return out


def _ambient_envelope(timeline: Timeline) -> Envelope:
    starts = {event.name: event for event in timeline.of_kind("ambient")}
    if "start" not in starts:
        return Envelope([], default=0.0)
    fade_in = starts["start"]
    points = [(fade_in.frame, 0.0), (fade_in.frame + fade_in.length, 1.0)]
    if "stop" in starts:
        stop = starts["stop"]
        points += [(stop.frame, 1.0), (stop.frame + stop.length, 0.0)]
    return Envelope(points)
