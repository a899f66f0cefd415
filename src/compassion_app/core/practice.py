"""One practice in progress: what to show at a given frame, and the record it leaves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from compassion_app.core.breathing import BreathState
from compassion_app.core.records import PracticeRecord, as_local
from compassion_app.core.timeline import Timeline


@dataclass(frozen=True)
class Moment:
    frame: int
    elapsed_seconds: float
    remaining_seconds: float
    fraction: float  # 0..1 of the practice time
    breath: BreathState | None
    caption: str | None
    finished: bool


class Practice:
    def __init__(self, timeline: Timeline, started: datetime | None = None) -> None:
        self.timeline = timeline
        self.started = as_local(started or datetime.now())

    def begin(self, started: datetime | None = None) -> None:
        """The practice itself starts now (after any check-in): its record is stamped from here."""
        self.started = as_local(started or datetime.now())

    @property
    def planned_seconds(self) -> int:
        return self.timeline.practice_frames // self.timeline.sample_rate

    def moment(self, frame: int) -> Moment:
        timeline = self.timeline
        frame = max(0, min(frame, timeline.practice_frames))
        elapsed = frame / timeline.sample_rate
        return Moment(
            frame=frame,
            elapsed_seconds=elapsed,
            remaining_seconds=self.planned_seconds - elapsed,
            fraction=frame / timeline.practice_frames,
            breath=timeline.breath_at(frame),
            caption=timeline.caption_at(frame),
            finished=frame >= timeline.practice_frames,
        )

    def record(self, frame: int) -> PracticeRecord:
        """The record of this practice, ended at `frame` (complete once the end bell is reached)."""
        reached = min(frame, self.timeline.practice_frames)
        return PracticeRecord.starting_now(
            exercise_id=self.timeline.exercise_id,
            planned_seconds=self.planned_seconds,
            actual_seconds=round(reached / self.timeline.sample_rate),
            completed=reached >= self.timeline.practice_frames,
            started=self.started,
        )
