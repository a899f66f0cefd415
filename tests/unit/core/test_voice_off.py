"""The guide's voice switched off: captions only, each held long enough to read, bells as ever.

With the voice off the timeline is built with no clip lengths, so it holds no voice at all; every
caption stays at least its reading time (core/captions.py says where the pace comes from) and
then until the next caption begins. With the voice on, each caption lasts exactly its clip.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
import soundfile as sf

from compassion_app.core.captions import reading_seconds
from compassion_app.core.scripts import ExerciseScript, load_script
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline

ASSETS = Path(__file__).resolve().parents[3] / "assets"
SCRIPT_FILES = sorted((ASSETS / "scripts").glob("*.toml"))


@cache
def script(path: Path) -> ExerciseScript:
    return load_script(path)


def clip_seconds(exercise_id: str, clip: str) -> float | None:
    path = ASSETS / "audio" / "voice" / exercise_id / f"{clip}.ogg"
    return sf.info(str(path)).duration if path.exists() else None


def unhurried(text: str) -> float:
    """Reading time, written out here on its own so the test does not trust the code's sum:
    2 s to notice the words, then 150 words a minute (below broadcast subtitles' 160-180)."""
    return max(3.0, 2.0 + len(text.split()) / 2.5)


def voice_off(path: Path, minutes: int) -> Timeline:
    return build_timeline(script(path), minutes, SAMPLE_RATE, clip_seconds=None)


CASES = [
    pytest.param(path, minutes, id=f"{path.stem}-{minutes}min")
    for path in SCRIPT_FILES
    for minutes in script(path).minutes
]


@pytest.mark.parametrize(("path", "minutes"), CASES)
def test_with_the_voice_off_there_is_no_voice_and_every_caption_can_be_read(path, minutes):
    timeline = voice_off(path, minutes)  # raises if a caption would not fit
    assert timeline.of_kind("voice") == ()
    captions = timeline.of_kind("caption")
    assert captions
    for caption in captions:
        seconds = caption.length / SAMPLE_RATE
        assert seconds >= unhurried(caption.text) - 1 / SAMPLE_RATE, caption.text
        # On screen from its first frame to the last frame of its reading time.
        last_read = caption.frame + round(unhurried(caption.text) * SAMPLE_RATE) - 1
        assert timeline.caption_at(caption.frame) == caption.text
        assert timeline.caption_at(last_read) == caption.text


@pytest.mark.parametrize(("path", "minutes"), CASES)
def test_with_the_voice_off_a_caption_stays_until_the_next_and_the_bells_still_ring(path, minutes):
    timeline = voice_off(path, minutes)
    captions = timeline.of_kind("caption")
    for caption, following in zip(captions, captions[1:], strict=False):
        assert caption.frame + caption.length == following.frame, "no blank moment between"
    bells = {bell.name: bell.frame for bell in timeline.of_kind("bell")}
    assert bells["start"] == 0
    assert bells["end"] == timeline.practice_frames == minutes * 60 * SAMPLE_RATE
    assert captions[-1].frame + captions[-1].length <= timeline.practice_frames


@pytest.mark.parametrize(("path", "minutes"), CASES[:: max(1, len(CASES) // 8)])
def test_with_the_voice_on_each_caption_lasts_exactly_its_clip_as_before(path, minutes):
    timeline = build_timeline(script(path), minutes, SAMPLE_RATE, clip_seconds)
    spoken = {(voice.frame, voice.text): voice.length for voice in timeline.of_kind("voice")}
    assert spoken
    for caption in timeline.of_kind("caption"):
        if (caption.frame, caption.text) in spoken:
            assert caption.length == spoken[(caption.frame, caption.text)]


def test_the_breathing_pacer_and_the_soft_breath_do_not_depend_on_the_voice():
    path = ASSETS / "scripts" / "soothing-rhythm-breathing.toml"
    on = build_timeline(script(path), 5, SAMPLE_RATE, clip_seconds)
    off = voice_off(path, 5)
    for kind in ("breath", "quiet_breath", "ambient"):
        assert off.of_kind(kind) == on.of_kind(kind)
    assert off.total_frames == on.total_frames  # the end bell rings out just the same


def test_reading_time_is_the_unhurried_pace_for_short_and_long_words():
    for text in ("Breathe in.", " ".join(["word"] * 25)):
        assert reading_seconds(text) == pytest.approx(unhurried(text))


def test_a_practice_with_no_words_at_all_is_just_its_bells():
    quiet = replace(script(SCRIPT_FILES[0]), cues=())
    timeline = build_timeline(quiet, quiet.minutes[0], SAMPLE_RATE, clip_seconds=None)
    assert timeline.of_kind("caption") == () and len(timeline.of_kind("bell")) >= 2
