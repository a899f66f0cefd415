"""Plain, slow, obviously right versions of the progress figures, for property tests to compare.

Each one walks the calendar a day at a time (or states the sum outright), which is a different
way of getting there from the code under test: an agreement means something.
"""

from __future__ import annotations

from datetime import date, timedelta

ALLOWED_QUIET_DAYS = 2
M = 0.5 ** (1 / 13)


def runs(practised: set[date], rested: set[date], today: date) -> list[tuple[date, date, int]]:
    """(first practice, last kept day, practice days) for every run, walking day by day."""
    practised = {d for d in practised if d <= today}
    rested = {d for d in rested if d <= today}
    kept = practised | rested
    if not kept:
        return []
    found = []
    run: list | None = None
    quiet = 0
    day = min(kept)
    while day <= today:
        if day in practised:
            if run is None:
                run = [day, day, 0]
            run[1] = day
            run[2] += 1
            quiet = 0
        elif day in rested:
            if run is not None:
                run[1] = day
            quiet = 0
        elif day != today:  # today is not over, so it is not a quiet day yet
            quiet += 1
            if quiet > ALLOWED_QUIET_DAYS and run is not None:
                found.append(tuple(run))
                run = None
        day += timedelta(days=1)
    if run is not None:
        found.append(tuple(run))
    return found


def current_run(practised: set[date], rested: set[date], today: date) -> tuple | None:
    """The run still open at the end of the walk (if the walk did not close it)."""
    all_runs = runs(practised, rested, today)
    if not all_runs:
        return None
    first, last, count = all_runs[-1]
    quiet_since = (today - last).days - 1
    return all_runs[-1] if quiet_since <= ALLOWED_QUIET_DAYS else None


def score(practised: set[date], rested: set[date], today: date) -> float:
    """Loop's score as a sum: each practice day weighs (1-M), halved every 13 counted days since.

    Counted days are the days after it up to today that are not rest days (today only if done).
    """
    practised = {d for d in practised if d <= today}
    if not practised:
        return 0.0
    counted = []
    day = min(practised)
    while day <= today:
        done = day in practised
        if done or (day not in rested and day != today):
            counted.append(day)
        day += timedelta(days=1)
    total = 0.0
    for index, day in enumerate(counted):
        if day in practised:
            total += (1 - M) * M ** (len(counted) - 1 - index)
    return total


def weeks_in_a_row(practised: set[date], rested: set[date], today: date, goal: int) -> int:
    """Weeks reaching the goal, counted back from this ISO week (skipped while it is under way)."""
    practised = {d for d in practised if d <= today}
    if not practised:
        return 0
    kept = practised | {d for d in rested if d <= today}
    first_week = min(practised).isocalendar()[:2]

    def kept_in(week: tuple[int, int]) -> int:
        return sum(1 for d in kept if d.isocalendar()[:2] == week)

    count = 0
    week_day = today
    this_week = True
    while week_day.isocalendar()[:2] >= first_week:
        met = kept_in(week_day.isocalendar()[:2]) >= goal
        if met:
            count += 1
        elif not this_week:
            break
        this_week = False
        week_day -= timedelta(days=7)
    return count
