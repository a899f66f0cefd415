"""A practice laid out on the audio sample clock.

`build_timeline` turns a script and a chosen duration into events at sample positions: bells, voice
clips, captions, breathing phases and the ambient bed. Everything the person hears (the mixer) and
sees (the pacer, the captions) reads this one schedule, so sound and picture stay locked together.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from compassion_app import messages
from compassion_app.core.breathing import (
    PHASES,
    BreathCycle,
    BreathPattern,
    BreathState,
    fullness,
    plan_breaths,
)
from compassion_app.core.captions import held_lengths, reading_seconds
from compassion_app.core.scripts import Cue, ExerciseScript

SAMPLE_RATE = 48_000
END_BELL_RING_SECONDS = 16.0  # the end bell rings out (to -60 dB) after the practice time
AMBIENT_FADE_IN_SECONDS = 4.0
INTERVAL_BELL_CLEARANCE_SECONDS = 6.0  # no interval bell this close to the guide's words
CAPTION_MARGIN_SECONDS = 1.5  # air before and after a caption the timeline adds itself
QUIET_BREATH = BreathPattern.from_rate(6.0)  # the soft breath of a practice with no pacer
QUIET_BREATH_OVERRUN_SECONDS = 6.0
# A cue with this step is said only when the breath cannot ease all the way to its target in
# the time there is; without one, the timeline shows a caption of its own saying so.
EASES_PART_WAY_STEP = "eases-part-way"

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
    kind: str  # "bell", "voice", "caption", "breath", "quiet_breath" or "ambient"
    # bell: start/interval/end; voice: clip; breath and quiet_breath: phase; ambient: start/stop
    name: str
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
    level_db: float = 0.0  # the whole practice's gain, so practices sound equally loud

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
            "level_db": self.level_db,
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
    paced = _paced_breaths(script, minutes)
    part_way = _eases_part_way(script, paced)
    voices, captions = _guide_events(script, minutes, frames, clip_seconds, part_way)
    _check_fit(voices + captions, practice, script, minutes)
    bells = [Event(0, "bell", "start"), Event(practice, "bell", "end")]
    bells += _interval_bells(script, practice, voices + captions, frames)
    said = any(EASES_PART_WAY_STEP in c.steps and c.in_practice_of(minutes) for c in script.cues)
    if part_way and not said:
        captions += _easing_note(paced, captions, frames)
    events = bells + voices + _held_for_reading(captions, voices, practice)
    events += _breath_events(paced, "breath", frames)
    quiet = _quiet_breaths(script, minutes, paced)
    events += _breath_events(quiet, "quiet_breath", frames)
    events += _ambient_events(script, practice, frames)
    return Timeline(
        exercise_id=script.exercise_id,
        title=script.title,
        minutes=minutes,
        sample_rate=sample_rate,
        practice_frames=practice,
        total_frames=practice + frames(END_BELL_RING_SECONDS),
        events=tuple(sorted(events, key=lambda event: (event.frame, event.kind))),
        breath_sound=bool(quiet) or bool(script.breathing and script.breathing.sound),
        ambient=script.ambient,
        level_db=script.level_db,
    )


class _Frames:
    """Seconds to whole frames, rounded the same way everywhere."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate

    def __call__(self, seconds: float) -> int:
        return round(seconds * self.sample_rate)


def _guide_events(
    script: ExerciseScript,
    minutes: int,
    frames: _Frames,
    clip_seconds: ClipSeconds | None,
    part_way: bool,
) -> tuple[list[Event], list[Event]]:
    voices: list[Event] = []
    captions: list[Event] = []
    for cue in script.cues:
        if not cue.in_practice_of(minutes):
            continue
        if EASES_PART_WAY_STEP in cue.steps and not part_way:
            continue
        start = frames(cue.seconds_in(minutes * 60))
        spoken = _spoken_seconds(script.exercise_id, cue, clip_seconds)
        if spoken is not None:
            voices.append(Event(start, "voice", cue.voice or "", frames(spoken), cue.text))
        shown = spoken if spoken is not None else reading_seconds(cue.text)
        captions.append(Event(start, "caption", "", frames(shown), cue.text))
    return voices, captions


def _spoken_seconds(exercise_id: str, cue: Cue, clip_seconds: ClipSeconds | None) -> float | None:
    if cue.voice is None or clip_seconds is None:
        return None
    return clip_seconds(exercise_id, cue.voice)


def _held_for_reading(captions: list[Event], voices: list[Event], practice: int) -> list[Event]:
    """Captions nobody speaks stay until the next caption: read at the reader's own pace."""
    spoken = {(voice.frame, voice.text) for voice in voices}
    ordered = sorted(captions, key=lambda event: event.frame)
    held = held_lengths([c.frame for c in ordered], [c.length for c in ordered], practice)
    return [
        caption if (caption.frame, caption.text) in spoken else replace(caption, length=length)
        for caption, length in zip(ordered, held, strict=True)
    ]


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


def _paced_breaths(script: ExerciseScript, minutes: int) -> list[BreathCycle]:
    """The breaths the pacer shows: from the guide's begin until it hands the breath back."""
    guide = script.breathing
    if guide is None:
        return []
    total = minutes * 60.0
    end = total - guide.end_before
    if guide.length is not None:
        end = min(end, guide.begin + guide.length)
    for cue in script.cues:
        # "Let your breath return to its own rhythm": the pacer stops as those words begin.
        if cue.hands_back and cue.in_practice_of(minutes):
            end = min(end, cue.seconds_in(total))
    return plan_breaths(
        guide.pattern, guide.begin, end, guide.ease_from_per_minute, guide.ease_seconds
    )


def _quiet_breaths(
    script: ExerciseScript, minutes: int, paced: list[BreathCycle]
) -> list[BreathCycle]:
    """A very soft breath after the pacer stops, so a practice with no bed is never silent.

    Heard only, never shown: the person breathes at their own pace now. A practice with an
    ambient bed has its bed instead; a script that asks for no breath sound gets none.
    """
    guide = script.breathing
    if script.ambient is not None or (guide is not None and not guide.sound):
        return []
    pattern = paced[-1].pattern if paced else QUIET_BREATH
    begin = paced[-1].start + paced[-1].pattern.seconds if paced else 0.0
    plain = BreathPattern(pattern.inhale, 0.0, pattern.exhale, pattern.hold_in + pattern.hold_out)
    # Whole breaths only, so the last may run a little under the end bell rather than leave a
    # silent gap before it; it is over long before the bell's ring-out ends.
    return plan_breaths(plain, begin, minutes * 60.0 + QUIET_BREATH_OVERRUN_SECONDS)


def _eases_part_way(script: ExerciseScript, paced: list[BreathCycle]) -> bool:
    """True when "start where I am" eases, but the pacer stops before reaching the target."""
    guide = script.breathing
    if guide is None or guide.ease_from_per_minute is None or not paced:
        return False
    target = guide.pattern.per_minute
    return paced[0].pattern.per_minute > target and paced[-1].pattern.per_minute > target * 1.1


def _easing_note(paced: list[BreathCycle], captions: list[Event], frames: _Frames) -> list[Event]:
    """Say so, kindly, in the first quiet moment while the pacer shows."""
    text = messages.BREATH_EASES_PART_WAY
    length = frames(reading_seconds(text))
    margin = frames(CAPTION_MARGIN_SECONDS)
    moment = frames(paced[0].start)
    for caption in sorted(captions, key=lambda event: event.frame):
        if caption.frame + caption.length + margin <= moment:
            continue
        if moment + length + margin <= caption.frame:
            break
        moment = caption.frame + caption.length + margin
    last_breath = frames(paced[-1].start + paced[-1].pattern.seconds)
    if moment + length > last_breath:
        return []  # no quiet moment for it while the pacer shows
    return [Event(moment, "caption", "", length, text)]


def _breath_events(cycles: list[BreathCycle], kind: str, frames: _Frames) -> list[Event]:
    events = []
    for cycle in cycles:
        moment = cycle.start
        for phase, seconds in zip(PHASES, cycle.pattern.parts(), strict=True):
            # Frame-exact phase edges come from rounding the running time, not each length, so
            # rounding never accumulates over a long practice.
            first, last = frames(moment), frames(moment + seconds)
            if last > first:
                events.append(Event(first, kind, phase, last - first))
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
