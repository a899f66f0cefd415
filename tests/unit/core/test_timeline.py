import json
from dataclasses import replace
from pathlib import Path

import pytest

from compassion_app.core.captions import reading_seconds
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


def test_shorter_practices_say_fewer_words_in_shorter_cues_of_their_own(srb):
    one = {e.text for e in build_timeline(srb, 1).of_kind("caption")}
    ten = {e.text for e in build_timeline(srb, 10).of_kind("caption")}
    assert len(one) < len(ten)
    only_short = {cue.text for cue in srb.cues if cue.max_minutes == 1}
    assert only_short and only_short <= one
    assert not only_short & ten


def test_the_pacer_stops_where_the_guide_hands_the_breath_back(srb):
    for minutes in srb.minutes:
        timeline = build_timeline(srb, minutes)
        hand_back = next(
            e.frame
            for e in timeline.of_kind("caption")
            if any(c.hands_back and c.text == e.text for c in srb.cues)
        )
        breaths = timeline.of_kind("breath")
        assert breaths[-1].frame + breaths[-1].length <= hand_back
        # ...and no earlier than one breath before it.
        assert hand_back - (breaths[-1].frame + breaths[-1].length) < 12 * SAMPLE_RATE
        assert timeline.breath_at(hand_back + SAMPLE_RATE) is None


def test_after_the_pacer_a_practice_with_no_bed_keeps_a_soft_breath_that_is_never_shown(srb):
    timeline = build_timeline(srb, 3)
    paced_end = max(e.frame + e.length for e in timeline.of_kind("breath"))
    quiet = timeline.of_kind("quiet_breath")
    assert quiet and quiet[0].frame == paced_end
    last = quiet[-1].frame + quiet[-1].length  # carries on to the end bell, and a little under it
    assert (
        timeline.practice_frames - 6 * SAMPLE_RATE
        < last
        <= timeline.practice_frames + 6 * SAMPLE_RATE
    )
    assert timeline.breath_at(quiet[1].frame) is None  # the pacer rests
    with_bed = build_timeline(replace(srb, ambient="rain"), 3)
    assert with_bed.of_kind("quiet_breath") == ()


def test_a_practice_too_short_to_slow_all_the_way_says_so(srb):
    one = build_timeline(srb, 1)
    said = [e.text for e in one.of_kind("caption")]
    assert any("slows only a little" in text for text in said)
    three = [e.text for e in build_timeline(srb, 3).of_kind("caption")]
    assert not any("slows only" in text for text in three)  # three minutes is enough time
    # Without a script's own words for it, the timeline says it in a caption of its own.
    cues = tuple(c for c in srb.cues if "eases-part-way" not in c.steps)
    breathing = replace(srb.breathing, ease_seconds=600.0)
    plain = build_timeline(replace(srb, cues=cues, breathing=breathing), 3)
    notes = [e for e in plain.of_kind("caption") if "part of the way" in e.text]
    assert len(notes) == 1
    assert plain.breath_at(notes[0].frame) is not None  # said while the pacer still shows


def test_start_where_i_am_never_speeds_a_slow_personal_pace_up(srb):
    fast_start = replace(srb.breathing, ease_from_per_minute=4.0)  # slower than the target
    timeline = build_timeline(replace(srb, breathing=fast_start), 5)
    inhales = [e.length for e in timeline.of_kind("breath") if e.name == "in"]
    assert max(inhales) - min(inhales) <= 1  # the target from the first breath, frame-exact


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
    # With no recorded voice the words are being read for their reading time (and the caption
    # then stays quietly on screen until the next one): no bell while they are read.
    for frame in intervals:
        for caption in timeline.of_kind("caption"):
            read_until = caption.frame + reading_seconds(caption.text) * SAMPLE_RATE
            assert not caption.frame <= frame <= read_until
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


def test_a_cue_for_short_practices_only_is_left_out_of_longer_ones():
    script = replace(
        _script(Cue("start", 5, "Short words.", max_minutes=1), Cue("start", 20, "Always.")),
        minutes=(1, 3),
    )
    assert [e.text for e in build_timeline(script, 1).of_kind("caption")] == [
        "Short words.",
        "Always.",
    ]
    assert [e.text for e in build_timeline(script, 3).of_kind("caption")] == ["Always."]


def _script(*cues: Cue) -> ExerciseScript:
    return ExerciseScript("test", "Test", "breathing", "A test.", (1,), 1, cues)
