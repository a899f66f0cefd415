import json
from dataclasses import replace
from pathlib import Path

import pytest

from compassion_app.core.scripts import Cue, ExerciseScript, load_script
from compassion_app.core.timeline import SAMPLE_RATE, TimelineError, build_timeline

SRB = Path(__file__).parents[3] / "assets" / "scripts" / "soothing-rhythm-breathing.toml"


@pytest.fixture
def srb() -> ExerciseScript:
    return load_script(SRB)


def test_bells_ring_at_the_very_start_and_at_the_end_of_the_chosen_length(srb):
    timeline = build_timeline(srb, 10)
    bells = {event.name: event.frame for event in timeline.of_kind("bell")}
    assert bells == {"start": 0, "end": 10 * 60 * SAMPLE_RATE}
    assert timeline.total_frames > timeline.practice_frames  # the end bell is left to ring out


def test_closing_words_keep_their_distance_from_the_end_at_every_length(srb):
    closing = srb.cues[-1]
    for minutes in srb.minutes:
        timeline = build_timeline(srb, minutes)
        last = timeline.of_kind("caption")[-1]
        assert last.text == closing.text
        assert timeline.practice_frames - last.frame == closing.offset * SAMPLE_RATE


def test_shorter_practices_leave_out_the_cues_that_need_more_time(srb):
    one = build_timeline(srb, 1).of_kind("caption")
    ten = build_timeline(srb, 10).of_kind("caption")
    assert len(one) < len(ten)
    assert {e.text for e in one} <= {e.text for e in ten}


def test_breathing_phases_tile_the_breathing_time_without_gaps(srb):
    timeline = build_timeline(srb, 5)
    breaths = timeline.of_kind("breath")
    for first, second in zip(breaths, breaths[1:], strict=False):
        assert first.frame + first.length == second.frame
    assert breaths[-1].frame + breaths[-1].length <= timeline.practice_frames


def test_the_pacer_state_comes_from_the_same_phases_the_sound_uses(srb):
    timeline = build_timeline(srb, 3)
    inhale = next(e for e in timeline.of_kind("breath") if e.name == "in")
    middle = timeline.breath_at(inhale.frame + inhale.length // 2)
    assert middle is not None and middle.phase == "in"
    assert middle.fullness == pytest.approx(0.5, abs=0.01)
    assert timeline.breath_at(0) is None  # the welcome comes before the breathing


def test_captions_show_while_their_words_are_spoken():
    script = _script(Cue("start", 5, "Hello there.", voice="hello"))
    timeline = build_timeline(script, 1, clip_seconds=lambda _id, _clip: 2.5)
    voice = timeline.of_kind("voice")[0]
    assert (voice.frame, voice.length) == (5 * SAMPLE_RATE, 2.5 * SAMPLE_RATE)
    assert timeline.caption_at(voice.frame + 10) == "Hello there."
    assert timeline.caption_at(voice.frame + voice.length) is None


def test_overlapping_speech_is_refused_with_a_plain_message():
    script = _script(
        Cue("start", 5, "First words.", voice="a"), Cue("start", 6, "Second words.", voice="b")
    )
    with pytest.raises(TimelineError, match="“First words.” runs into “Second words.”"):
        build_timeline(script, 1, clip_seconds=lambda _id, _clip: 3.0)


def test_a_length_the_script_does_not_offer_is_refused(srb):
    with pytest.raises(TimelineError, match="1, 3, 5, 10, 15 or 20 minutes"):
        build_timeline(srb, 7)


def test_interval_bells_keep_clear_of_the_voice(srb):
    script = replace(srb, interval_bell_minutes=1.0)
    timeline = build_timeline(script, 10)
    intervals = [e.frame for e in timeline.of_kind("bell") if e.name == "interval"]
    assert intervals  # some fit between the words
    for frame in intervals:
        assert timeline.caption_at(frame) is None
    assert len(intervals) < 9  # the minute marks that fall on speech are skipped


def test_the_timeline_is_plain_json(srb):
    data = json.loads(json.dumps(build_timeline(srb, 1).to_dict()))
    assert data["practice_frames"] == 60 * SAMPLE_RATE
    assert data["events"][0] == {
        "frame": 0,
        "seconds": 0.0,
        "kind": "bell",
        "name": "start",
        "length_frames": 0,
    }


def _script(*cues: Cue) -> ExerciseScript:
    return ExerciseScript("test", "Test", "breathing", "A test.", (1,), 1, cues)
