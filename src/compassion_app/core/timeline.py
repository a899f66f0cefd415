"""A practice laid out on the audio sample clock.

`build_timeline` turns a script and a chosen duration into events at sample positions: bells, voice
clips, captions, breathing phases and the ambient bed. Everything the person hears (the mixer) and
sees (the pacer, the captions) reads this one schedule, so sound and picture stay locked together.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from compassion_app.core.breathing import PHASES, BreathState, fullness, plan_breaths
from compassion_app.core.scripts import Cue, ExerciseScript

SAMPLE_RATE = 48_000
END_BELL_RING_SECONDS = 8.0  # the end bell is left to ring out after the practice time
AMBIENT_FADE_IN_SECONDS = 4.0
INTERVAL_BELL_CLEARANCE_SECONDS = 6.0  # no interval bell this close to the guide's words
WORDS_PER_SECOND = 2.4  # reading pace for captions that have no recorded voice
MIN_CAPTION_SECONDS = 3.0

ClipSeconds = Callable[[str, str], float | None]  # (exercise id, clip name) -> seconds, or None


class TimelineError(ValueError):
    """A script whose cues cannot all fit into a practice of the chosen length.

    `line` is the line of the script file the cue that does not fit is on (0 when unknown).
    """

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Event:
    frame: int
    kind: str  # "bell", "voice", "caption", "breath" or "ambient"
    name: str  # bell: start/interval/end; voice: clip; breath: phase; ambient: start/stop
    length: int = 0  # frames: the clip, the caption on screen, the phase, or the fade
    text: str = ""

    def to_dict(self, sample_rate: int) -> dict[str, Any]:
        data: dict[str, Any] = {
            "frame": self.frame,
            "seconds": round(self.frame / sample_rate, 6),
            "kind": self.kind,
            "name": self.name,
            "length_frames": self.length,
        }
        if self.text:
            data["text"] = self.text
        return data


@dataclass(frozen=True)
class Timeline:
    exercise_id: str
    title: str
    minutes: int
    sample_rate: int
    practice_frames: int  # from the start bell to the end bell
    total_frames: int  # with the end bell's ring-out
    events: tuple[Event, ...]
    breath_sound: bool
    ambient: str | None

    def of_kind(self, kind: str) -> tuple[Event, ...]:
        return tuple(event for event in self.events if event.kind == kind)

    def breath_at(self, frame: int) -> BreathState | None:
        """The breathing phase at a frame, or None where the practice is not breathing."""
        event = self._index("breath").latest(frame)
        if event is None or frame >= event.frame + event.length:
            return None
        progress = (frame - event.frame) / event.length
        seconds = event.length / self.sample_rate
        return BreathState(event.name, progress, fullness(event.name, progress), seconds)

    def caption_at(self, frame: int) -> str | None:
        event = self._index("caption").latest(frame)
        if event is None or frame >= event.frame + event.length:
            return None
        return event.text

    def _index(self, kind: str) -> _EventIndex:
        # Frozen dataclasses still have an instance __dict__: keep the indexes there, built once.
        indexes: dict[str, _EventIndex] = self.__dict__.setdefault("_indexes", {})
        if kind not in indexes:
            indexes[kind] = _EventIndex(self.of_kind(kind))
        return indexes[kind]

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "title": self.title,
            "minutes": self.minutes,
            "sample_rate": self.sample_rate,
            "practice_frames": self.practice_frames,
            "total_frames": self.total_frames,
            "breath_sound": self.breath_sound,
            "ambient": self.ambient,
            "events": [event.to_dict(self.sample_rate) for event in self.events],
        }


class _EventIndex:
    """Events of one kind, found by frame in O(log n): the pacer asks fifty times a second."""

    def __init__(self, events: tuple[Event, ...]) -> None:
        self.events = events
        self.frames = [event.frame for event in events]

    def latest(self, frame: int) -> Event | None:
        index = bisect.bisect_right(self.frames, frame) - 1
        return self.events[index] if index >= 0 else None


def build_timeline(
    script: ExerciseScript,
    minutes: int,
    sample_rate: int = SAMPLE_RATE,
    clip_seconds: ClipSeconds | None = None,
) -> Timeline:
    """Lay the script out for a practice of `minutes`, or raise TimelineError."""
    if minutes not in script.minutes:
        raise TimelineError(
            f"{script.title} can be practised for {_listed(script.minutes)} minutes."
        )
    practice = minutes * 60 * sample_rate
    frames = _Frames(sample_rate)
    voices, captions = _guide_events(script, minutes, frames, clip_seconds)
    _check_fit(voices + captions, practice, script, minutes)
    bells = [Event(0, "bell", "start"), Event(practice, "bell", "end")]
    bells += _interval_bells(script, practice, voices + captions, frames)
    events = bells + voices + captions + _breath_events(script, practice, frames)
    events += _ambient_events(script, practice, frames)
    return Timeline(
        exercise_id=script.exercise_id,
        title=script.title,
        minutes=minutes,
        sample_rate=sample_rate,
        practice_frames=practice,
        total_frames=practice + frames(END_BELL_RING_SECONDS),
        events=tuple(sorted(events, key=lambda event: (event.frame, event.kind))),
        breath_sound=bool(script.breathing and script.breathing.sound),
        ambient=script.ambient,
    )


class _Frames:
    """Seconds to whole frames, rounded the same way everywhere."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate

    def __call__(self, seconds: float) -> int:
        return round(seconds * self.sample_rate)


def _guide_events(
    script: ExerciseScript, minutes: int, frames: _Frames, clip_seconds: ClipSeconds | None
) -> tuple[list[Event], list[Event]]:
    voices: list[Event] = []
    captions: list[Event] = []
    for cue in script.cues:
        if not cue.in_practice_of(minutes):
            continue
        start = frames(cue.seconds_in(minutes * 60))
        spoken = _spoken_seconds(script.exercise_id, cue, clip_seconds)
        if spoken is not None:
            voices.append(Event(start, "voice", cue.voice or "", frames(spoken), cue.text))
        shown = spoken if spoken is not None else _reading_seconds(cue.text)
        captions.append(Event(start, "caption", "", frames(shown), cue.text))
    return voices, captions


def _spoken_seconds(exercise_id: str, cue: Cue, clip_seconds: ClipSeconds | None) -> float | None:
    if cue.voice is None or clip_seconds is None:
        return None
    return clip_seconds(exercise_id, cue.voice)


def _reading_seconds(text: str) -> float:
    return max(MIN_CAPTION_SECONDS, len(text.split()) / WORDS_PER_SECOND + 1.0)


def _check_fit(guide: list[Event], practice: int, script: ExerciseScript, minutes: int) -> None:
    """Each kind of guide event must sit inside the practice and never overlap its neighbour."""
    title = script.title
    lines = {cue.text: cue.line for cue in script.cues}
    for kind in ("voice", "caption"):
        ordered = sorted((event for event in guide if event.kind == kind), key=lambda e: e.frame)
        for event in ordered:
            if event.frame < 0 or event.frame + event.length > practice:
                raise TimelineError(
                    f"In {title} ({minutes} min), “{_short(event.text)}” does not fit in the time.",
                    lines.get(event.text, 0),
                )
        for first, second in zip(ordered, ordered[1:], strict=False):
            if first.frame + first.length > second.frame:
                raise TimelineError(
                    f"In {title} ({minutes} min), “{_short(first.text)}” runs into "
                    f"“{_short(second.text)}”.",
                    lines.get(second.text, 0),
                )


def _interval_bells(
    script: ExerciseScript, practice: int, guide: list[Event], frames: _Frames
) -> list[Event]:
    if not script.interval_bell_minutes:
        return []
    step = frames(script.interval_bell_minutes * 60)
    clearance = frames(INTERVAL_BELL_CLEARANCE_SECONDS)
    bells = []
    for frame in range(step, practice - clearance, step):
        near_words = any(
            event.frame - clearance < frame < event.frame + event.length + clearance
            for event in guide
        )
        if not near_words:
            bells.append(Event(frame, "bell", "interval"))
    return bells


def _breath_events(script: ExerciseScript, practice: int, frames: _Frames) -> list[Event]:
    guide = script.breathing
    if guide is None:
        return []
    total = practice / frames.sample_rate
    end = total - guide.end_before
    if guide.length is not None:
        end = min(end, guide.begin + guide.length)
    cycles = plan_breaths(
        guide.pattern, guide.begin, end, guide.ease_from_per_minute, guide.ease_seconds
    )
    events = []
    for cycle in cycles:
        moment = cycle.start
        for phase, seconds in zip(PHASES, cycle.pattern.parts(), strict=True):
            # Frame-exact phase edges come from rounding the running time, not each length, so
            # rounding never accumulates over a long practice.
            first, last = frames(moment), frames(moment + seconds)
            if last > first:
                events.append(Event(first, "breath", phase, last - first))
            moment += seconds
    return events


def _ambient_events(script: ExerciseScript, practice: int, frames: _Frames) -> list[Event]:
    if script.ambient is None:
        return []
    return [
        Event(0, "ambient", "start", frames(AMBIENT_FADE_IN_SECONDS)),
        Event(practice, "ambient", "stop", frames(END_BELL_RING_SECONDS)),
    ]


def _listed(minutes: tuple[int, ...]) -> str:
    words = [str(m) for m in minutes]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
