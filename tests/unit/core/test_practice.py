from datetime import datetime, timedelta, timezone
from pathlib import Path

from compassion_app.core.practice import Practice
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import build_timeline

SRB = Path(__file__).parents[3] / "assets" / "scripts" / "soothing-rhythm-breathing.toml"
RATE = 8000  # a low rate keeps these tests quick; the layout is the same at any rate


def test_a_practice_counts_down_and_finishes_at_the_end_bell():
    practice = Practice(build_timeline(load_script(SRB), 1, sample_rate=RATE))
    assert practice.moment(0).remaining_seconds == 60
    assert practice.moment(30 * RATE).fraction == 0.5
    assert not practice.moment(60 * RATE - 1).finished
    assert practice.moment(60 * RATE).finished


def test_the_record_keeps_local_date_offset_and_how_far_the_practice_went():
    started = datetime(2026, 11, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    practice = Practice(build_timeline(load_script(SRB), 3, sample_rate=RATE), started)
    ended_early = practice.record(95 * RATE)
    assert (ended_early.planned_seconds, ended_early.actual_seconds) == (180, 95)
    assert not ended_early.completed
    assert ended_early.local_date.isoformat() == "2026-11-24"
    assert ended_early.utc_offset_minutes == -300
    assert ended_early.started_utc.isoformat() == "2026-11-25T04:30:00+00:00"
    assert practice.record(200 * RATE).completed
