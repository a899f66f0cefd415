"""Where someone is on the four-week path: from the practices they saved, never the calendar.

The rules, in plain words:
- The place is the first step not yet done. A step is done by saving a practice of its exercise
  (finished or ended early: the app never grades a practice) while on the path, once that step
  has been reached.
- The first step is reached on joining; each later step on the day after the step before it was
  done. So at most one step is done a day: a second practice the same day is simply a practice,
  and the next step waits for tomorrow or any day after.
- Days without practice change nothing: nobody is moved back, and nobody is moved on.
- Leaving keeps the place (practices saved while away do not count); rejoining carries on from
  it. Starting again counts only what is saved from then on.

What is kept in the store (app memory, not a visible setting) is only when each stretch on the
path began and ended; everything else is worked out again from the practices.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from compassion_app.core.path_plan import PathPlan, PathStep
from compassion_app.core.records import PracticeRecord

log = logging.getLogger(__name__)

STORE_KEY = "four_week_path"  # the store setting the path's memory lives under


@dataclass(frozen=True)
class Stretch:
    """One time on the path: from joining (or rejoining) until leaving, if they have left."""

    joined: datetime  # aware
    left: datetime | None = None

    def holds(self, moment: datetime) -> bool:
        return self.joined <= moment and (self.left is None or moment < self.left)


@dataclass(frozen=True)
class PathState:
    stretches: tuple[Stretch, ...] = ()
    # True when what was saved could not all be read and some of it was set aside.
    mended: bool = field(default=False, compare=False)

    @property
    def on_path(self) -> bool:
        return bool(self.stretches) and self.stretches[-1].left is None

    @property
    def ever_joined(self) -> bool:
        return bool(self.stretches)

    def holds(self, moment: datetime) -> bool:
        """Whether a practice begun at `moment` was begun while on the path."""
        return any(stretch.holds(moment) for stretch in self.stretches)

    def join(self, now: datetime) -> PathState:
        """Join, or rejoin where they were (the earlier stretches still count)."""
        if self.on_path:
            return self
        return PathState((*self.stretches, Stretch(_aware(now))))

    def leave(self, now: datetime) -> PathState:
        if not self.on_path:
            return self
        *before, last = self.stretches
        return PathState((*before, Stretch(last.joined, max(last.joined, _aware(now)))))

    def start_again(self, now: datetime) -> PathState:
        """From the first step: only practices saved from `now` on count."""
        return PathState((Stretch(_aware(now)),))

    def to_dict(self) -> dict[str, Any]:
        return {
            "stretches": [
                {"joined": s.joined.isoformat(), "left": s.left.isoformat() if s.left else None}
                for s in self.stretches
            ]
        }

    @classmethod
    def from_dict(cls, data: object) -> PathState:
        """What was saved. Anything unreadable is set aside (and `mended` says so), never fatal."""
        if data is None or data == {}:
            return cls()
        found = data.get("stretches") if isinstance(data, dict) else None
        if not isinstance(found, list):
            log.warning("The path's memory is unreadable; the path is offered afresh")
            return cls(mended=True)
        stretches = [stretch for item in found if (stretch := _stretch(item)) is not None]
        stretches.sort(key=lambda s: s.joined)
        mended = len(stretches) != len(found)
        # Only the last stretch can still be open: an earlier open one ended when the next began.
        for i, stretch in enumerate(stretches[:-1]):
            following = stretches[i + 1].joined
            if stretch.left is None or stretch.left > following:
                stretches[i] = Stretch(stretch.joined, following)
                mended = True
        if mended:
            log.warning("Part of the path's memory was unreadable and was set aside")
        return cls(tuple(stretches), mended)


@dataclass(frozen=True)
class PathPlace:
    """Where someone is on the path today."""

    plan: PathPlan
    state: PathState
    done_on: tuple[date, ...]  # the day each step done so far was done, in order
    today: date

    @property
    def done_count(self) -> int:
        return len(self.done_on)

    @property
    def finished(self) -> bool:
        return self.done_count >= len(self.plan.steps)

    @property
    def step(self) -> PathStep | None:
        """The first step not yet done (None once the whole path is done)."""
        return None if self.finished else self.plan.steps[self.done_count]

    @property
    def done_today(self) -> bool:
        """A step was done today, so the next one (if any) waits for tomorrow."""
        return bool(self.done_on) and self.done_on[-1] >= self.today

    @property
    def step_ready(self) -> bool:
        """There is a step to suggest today: on the path, not finished, none done yet today."""
        return self.state.on_path and not self.finished and not self.done_today


def place_on_path(
    plan: PathPlan, state: PathState, records: Iterable[PracticeRecord], today: date
) -> PathPlace:
    """Walk the saved practices in the order they began, doing at most one step a day."""
    done: list[date] = []
    steps, stretches = plan.steps, state.stretches
    if not stretches:
        return PathPlace(plan, state, (), today)
    # Only what began since joining first can count; the rest is passed over before sorting.
    joined = stretches[0].joined
    since = sorted((r for r in records if r.started_utc >= joined), key=_started)
    stretch = 0  # both are in time order, so one pass over each finds the stretch of a record
    for record in since:
        while stretch < len(stretches) and _ended_before(stretches[stretch], record):
            stretch += 1
        if stretch == len(stretches) or len(done) == len(steps):
            break
        if record.started_utc < stretches[stretch].joined:
            continue  # begun while away from the path
        if done and record.local_date <= done[-1]:
            continue  # this step was reached only on the day after the one before was done
        if record.exercise_id == steps[len(done)].exercise_id:
            done.append(record.local_date)
    return PathPlace(plan, state, tuple(done), today)


def _started(record: PracticeRecord) -> datetime:
    return record.started_utc


def _ended_before(stretch: Stretch, record: PracticeRecord) -> bool:
    return stretch.left is not None and record.started_utc >= stretch.left


def now_utc() -> datetime:
    return datetime.now(UTC)


def _stretch(item: object) -> Stretch | None:
    if not isinstance(item, dict):
        return None
    joined, left = _moment(item.get("joined")), _moment(item.get("left"))
    if joined is None or (item.get("left") is not None and left is None):
        return None
    if left is not None and left < joined:
        return None
    return Stretch(joined, left)


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()
