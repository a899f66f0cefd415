"""`compassion-app stats`: the progress figures, as the progress screen shows them."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from compassion_app import messages
from compassion_app.core.library import Library

if TYPE_CHECKING:
    from compassion_app.core.stats import ProgressSummary


def add_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = commands.add_parser("stats", help="print your progress: minutes, runs, score")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument(
        "--today", type=_day, metavar="YYYY-MM-DD", help="answer as of this day (default: today)"
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.STATS_BAD_DAY.format(text=text)) from None


def run(args: argparse.Namespace, library: Library) -> int:
    from compassion_app.core.progress_settings import STORE_KEY, ProgressSettings
    from compassion_app.core.stats import summarise
    from compassion_app.paths import DataPaths, user_data_dir
    from compassion_app.store.errors import StoreError
    from compassion_app.store.reading import ReadOnlyStore

    path = DataPaths(args.data_dir or user_data_dir()).store
    try:
        # Reading leaves no trace and needs no lock, so it works while the app's window is open
        # (and a folder with no history yet is not created).
        store = ReadOnlyStore.open(path)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    with store:
        choices = ProgressSettings.from_dict(store.get_setting(STORE_KEY, {}))
        today = args.today or date.today()
        summary = summarise(store.practices(), today, store.rest_days(), choices.weekly_goal_days)
        notice = store.take_notice()  # after reading: the years' files are read as they are asked
    if notice:
        print(notice, file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_stats_lines(summary, library, show_streaks=not choices.hide_streaks)))
    return 0


def _stats_lines(summary: ProgressSummary, library: Library, show_streaks: bool) -> list[str]:
    m = messages
    lines = [m.STATS_HEADING.format(day=summary.today.strftime("%A %d %B %Y")), ""]
    if not summary.practices:
        return [*lines, m.STATS_NOTHING_YET]
    figures = [
        (m.STATS_MINUTES_TODAY, str(summary.minutes.today)),
        (m.STATS_MINUTES_WEEK, str(summary.minutes.this_week)),
        (m.STATS_MINUTES_MONTH, str(summary.minutes.this_month)),
        (m.STATS_MINUTES_TOTAL, str(summary.minutes.total)),
        (m.STATS_SCORE, f"{round(summary.score * 100)} %"),
    ]
    if show_streaks:
        figures += _streak_figures(summary)
    lines += [f"{name:<20}{value}" for name, value in figures]
    lines += ["", m.STATS_BY_EXERCISE]
    for exercise, minutes in summary.minutes.by_exercise.items():
        lines.append(f"  {library.title_of(exercise):<30}{minutes}")
    if summary.checkin_average_change:
        lines += ["", m.STATS_CHECKINS.format(count=summary.checkin_count)]
        for measure, change in summary.checkin_average_change.items():
            lines.append(f"  {m.MEASURE_NAMES[measure]:<30}{change:+.1f}")
    if summary.milestones:
        lines += ["", m.STATS_MILESTONES, *(f"  {text}" for text in summary.milestones)]
    return lines


def _streak_figures(summary: ProgressSummary) -> list[tuple[str, str]]:
    m = messages
    run = summary.current
    detail = m.STATS_RUN_DETAIL.format(days=m.days(run.days), practice_days=run.practice_days)
    weeks = m.STATS_WEEKS_DETAIL.format(
        weeks=m.weeks(summary.weeks_goal_met_streak),
        goal=summary.weekly_goal_days,
        kept=summary.kept_days_this_week,
    )
    return [
        (m.STATS_RUN, detail if run.active else m.STATS_RUN_NONE),
        (m.STATS_LONGEST, m.days(summary.longest.days)),
        (m.STATS_WEEKS, weeks),
    ]
