"""The bundled exercise scripts and their voice clips, checked as shipped.

Every script must load, fit every length it offers with the real recorded clip lengths, leave a
little quiet after each spoken cue, keep its core steps at every length, and have its clips
present and up to date with its text. (Kind words: test_kind_language.py.)
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from compassion_app.core.scripts import ExerciseScript, load_script
from compassion_app.core.timeline import build_timeline
from helpers.loudness import integrated_loudness

ASSETS = Path(__file__).resolve().parents[3] / "assets"
SCRIPT_FILES = sorted((ASSETS / "scripts").glob("*.toml"))
VOICE = ASSETS / "audio" / "voice"

QUIET_AFTER_SPEECH = 3.0  # seconds of quiet after each clip, before the next cue or the end bell
CLIP_RATE = 48_000  # the mixer's rate: clips are played as they are, never resampled


@cache
def script(path: Path) -> ExerciseScript:
    return load_script(path)


def clip_path(exercise_id: str, clip: str) -> Path:
    return VOICE / exercise_id / f"{clip}.ogg"


def clip_seconds(exercise_id: str, clip: str) -> float | None:
    path = clip_path(exercise_id, clip)
    return sf.info(str(path)).duration if path.exists() else None


def cases() -> list[object]:
    return [
        pytest.param(path, minutes, id=f"{path.stem}-{minutes}min")
        for path in SCRIPT_FILES
        for minutes in script(path).minutes
    ]


# The structure of each exercise, from the practice it follows (see each script's source_note):
# every length it offers keeps every one of these steps, with less time for each when short.
CORE_STEPS = {
    "soothing-rhythm-breathing": [
        "settle", "rhythm", "long-out-breath", "own-pace", "held", "kind-phrase", "return",
    ],
    "calm-place": [
        "settle", "breathe", "place", "see", "hear", "touch", "smell", "welcomed", "return",
    ],
    "compassionate-colour": [
        "settle", "breathe", "choose-colour", "surround", "heart", "wisdom", "strength",
        "warmth", "kind-face", "return",
    ],
    "compassionate-other": [
        "settle", "breathe", "imagine-being", "wisdom", "strength", "warmth", "acceptance",
        "receive", "return",
    ],
    "compassionate-self": [
        "settle", "breathe", "become", "wisdom", "strength", "warmth", "body", "struggle",
        "return",
    ],
    "noticing-the-critic": [
        "settle", "breathe", "notice-thoughts", "notice-critic", "name-it", "body",
        "return-to-breath", "return",
    ],
    "self-compassion-break": [
        "settle", "breathe", "bring-to-mind", "mindfulness", "common-humanity", "kindness",
        "return",
    ],
    "soothe-now": ["settle", "rhythm", "long-out-breath", "held", "kind-phrase", "return"],
    "three-systems": ["threat", "drive", "soothing", "critic", "balance", "practices"],
    "letter-lead-in": [
        "settle", "breathe", "compassionate-self", "purpose", "opening", "wisdom", "return",
    ],
}  # fmt: skip
# Words a step's cues say at every length, so a tag can never stand in for the step itself.
STEP_WORDS = {
    "wisdom": r"wis|understand|not our fault|not your fault",
    "strength": r"strong|strength|steady",
    "warmth": r"warm",
    "struggle": r"struggl|difficult",
    "acceptance": r"accept|judge",
    "see": r"see",
    "hear": r"hear",
    "touch": r"skin|feel",
    "smell": r"scent|smell",
    "threat": r"threat",
    "drive": r"drive",
    "soothing": r"soothing",
    "common-humanity": r"human|not alone",
}


def test_the_practices_are_all_there() -> None:
    ids = {script(path).exercise_id for path in SCRIPT_FILES}
    assert ids == set(CORE_STEPS)


@pytest.mark.parametrize(("path", "minutes"), cases())
def test_every_length_keeps_every_core_step(path: Path, minutes: int) -> None:
    exercise = script(path)
    said = [cue for cue in exercise.cues if cue.in_practice_of(minutes)]
    steps = {step for cue in said for step in cue.steps}
    missing = [step for step in CORE_STEPS[exercise.exercise_id] if step not in steps]
    assert missing == [], f"{minutes} min leaves out {missing}"
    for step, words in STEP_WORDS.items():
        texts = " ".join(cue.text.lower() for cue in said if step in cue.steps)
        if step in CORE_STEPS[exercise.exercise_id]:
            assert re.search(words, texts), f"the {step!r} cues never say it ({minutes} min)"


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda path: path.stem)
def test_each_exercise_says_why_it_helps_and_where_it_comes_from(path: Path) -> None:
    exercise = script(path)
    assert len(exercise.why.split()) >= 12
    assert re.search(r"Gilbert|Neff|Compassion", exercise.source_note)
    assert "Our own words." in exercise.source_note


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda path: path.stem)
def test_id_matches_the_file_name(path: Path) -> None:
    assert script(path).exercise_id == path.stem


def test_titles_are_unique() -> None:
    titles = [script(path).title for path in SCRIPT_FILES]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize(("path", "minutes"), cases())
def test_fits_every_length_with_the_real_clips(path: Path, minutes: int) -> None:
    exercise = script(path)
    timeline = build_timeline(exercise, minutes, clip_seconds=clip_seconds)  # raises if not
    rate = timeline.sample_rate
    voices = timeline.of_kind("voice")
    spoken = [cue for cue in exercise.cues if cue.in_practice_of(minutes)]
    always = {cue.voice for cue in spoken if "eases-part-way" not in cue.steps}
    assert always <= {voice.name for voice in voices}, "every cue in this practice is heard"
    assert len(voices) == len(timeline.of_kind("caption")), "and every caption is spoken"
    assert voices[0].frame >= 1 * rate, "the guide lets the start bell be heard first"
    following = [voice.frame for voice in voices[1:]] + [timeline.practice_frames]
    for voice, next_frame in zip(voices, following, strict=True):
        quiet = (next_frame - voice.frame - voice.length) / rate
        assert quiet >= QUIET_AFTER_SPEECH, f"only {quiet:.1f} s of quiet after {voice.name!r}"


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda path: path.stem)
def test_every_cue_has_its_clip(path: Path) -> None:
    exercise = script(path)
    names = [cue.voice for cue in exercise.cues]
    assert None not in names, "every cue is spoken as well as shown"
    assert len(set(names)) == len(names)
    for name in names:
        assert name is not None and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        info = sf.info(str(clip_path(exercise.exercise_id, name)))
        assert (info.format, info.subtype) == ("OGG", "OPUS")  # tools/make_voice.py writes Opus
        assert (info.samplerate, info.channels) == (CLIP_RATE, 1)


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda path: path.stem)
def test_clips_say_what_the_caption_says(path: Path) -> None:
    # tools/make_voice.py records a hash of the text each clip was rendered from: an edited cue
    # whose clip was not rendered again would show one thing and say another.
    rendered = json.loads((VOICE / "manifest.json").read_text(encoding="utf-8"))["clips"]
    exercise = script(path)
    for cue in exercise.cues:
        entry = rendered[f"{exercise.exercise_id}/{cue.voice}"]
        assert entry["text_sha256"] == hashlib.sha256(cue.text.encode("utf-8")).hexdigest(), (
            f"{cue.voice!r} was rendered from other words: run tools/make_voice.py"
        )


def test_no_clip_is_left_over() -> None:
    used = {
        clip_path(script(path).exercise_id, cue.voice or "")
        for path in SCRIPT_FILES
        for cue in script(path).cues
    }
    assert set(VOICE.glob("*/*.ogg")) <= used


CLIPS = sorted(VOICE.glob("*/*.ogg"))
CLIP_LOUDNESS_LUFS = -24.5  # tools/make_voice.py's target


@pytest.mark.parametrize("clip", CLIPS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_clip_level_and_onset(clip: Path) -> None:
    audio, rate = sf.read(clip, dtype="float64")
    peak = float(np.abs(audio).max())
    assert 20 * np.log10(peak) <= -1.0, "never clipping"
    assert abs(integrated_loudness(audio, rate) - CLIP_LOUDNESS_LUFS) <= 1.0, "one loudness"
    onset = np.flatnonzero(np.abs(audio) > peak * 10 ** (-40 / 20))[0] / rate
    assert onset <= 0.050, "speech starts with the clip, so the cue's time is when it is heard"
    edges = max(abs(audio[0]), abs(audio[-1]))
    assert edges < 10 ** (-50 / 20), "faded in and out: no click"


def pauses(audio: np.ndarray, rate: int) -> list[tuple[int, int]]:
    """(first, last) frames of each quiet stretch of 0.4 s or more between two sentences."""
    block = round(0.01 * rate)
    levels = np.abs(audio[: len(audio) // block * block]).reshape(-1, block).max(axis=1)
    quiet = levels < float(np.abs(audio).max()) * 10 ** (-60 / 20)
    found, start = [], None
    for index, is_quiet in enumerate(quiet):
        if is_quiet and start is None:
            start = index
        elif not is_quiet and start is not None:
            if index - start >= 40 and start > 0:
                found.append((start * block, index * block))
            start = None
    return found


SENTENCE_PAUSE = 0.8  # seconds: the quiet tools/make_voice.py leaves between two sentences


def sentence_edges(audio: np.ndarray, rate: int) -> tuple[list[float], list[float]]:
    """dB below the clip's peak of the 10 ms after each pause between sentences, and of the
    5 ms before it: how softly each sentence begins and ends."""
    peak = float(np.abs(audio).max())
    starts, ends = [], []
    for first, last in pauses(audio, rate):
        if (last - first) / rate >= SENTENCE_PAUSE:
            after = np.abs(audio[last : last + round(0.010 * rate)]).max()
            before = np.abs(audio[first - round(0.005 * rate) : first]).max()
            starts.append(20 * np.log10(max(after, 1e-9) / peak))
            ends.append(20 * np.log10(max(before, 1e-9) / peak))
    return starts, ends


def test_every_sentence_inside_a_clip_fades_in_and_out() -> None:
    starts, ends = [], []
    for clip in CLIPS:
        audio, rate = sf.read(clip, dtype="float64")
        more_starts, more_ends = sentence_edges(audio, rate)
        starts += more_starts
        ends += more_ends
        for level in more_ends:
            assert level <= -45.0, f"a sentence in {clip.stem} stops hard"
    assert len(starts) >= 100
    # Each sentence rises out of the pause through a fade: in the first 10 ms the voice is
    # still far below its full level (unfaded, the clips were at a median of -40 dB there).
    assert float(np.median(starts)) <= -45.0


def test_the_guide_speaks_at_an_unhurried_pace() -> None:
    paces = []
    for path in SCRIPT_FILES:
        exercise = script(path)
        for cue in exercise.cues:
            seconds = clip_seconds(exercise.exercise_id, cue.voice or "")
            assert seconds is not None
            paces.append(len(cue.text.split()) / seconds * 60)
    assert 110 <= float(np.median(paces)) <= 140, f"median {np.median(paces):.0f} words a minute"


def test_the_fade_check_itself_finds_a_hard_start() -> None:
    rate = 48_000
    tone = np.sin(2 * np.pi * 200 * np.arange(rate) / rate) * 0.3
    audio = np.concatenate([tone, np.zeros(rate), tone])
    ((first, last),) = pauses(audio, rate)
    assert abs(last - 2 * rate) < round(0.01 * rate)
    starts, ends = sentence_edges(audio, rate)
    assert starts[0] > -45.0 and ends[0] > -45.0  # a tone switched on and off is hard


IMAGERY = [path for path in SCRIPT_FILES if script(path).kind == "imagery"]


@pytest.mark.parametrize("path", IMAGERY, ids=lambda path: path.stem)
def test_imagery_begins_gently(path: Path) -> None:
    exercise = script(path)
    assert min(exercise.minutes) >= 3, "imagery needs a few minutes"
    breathing = exercise.breathing
    assert breathing is not None and breathing.sound
    assert breathing.length is not None and 60 <= breathing.length <= 90
    # Said early in every length: it is fine to stop, and fine if the images are faint.
    early = " ".join(
        cue.text.lower()
        for cue in exercise.cues
        if cue.anchor == "start" and cue.offset <= 120 and cue.min_minutes <= min(exercise.minutes)
    )
    assert "stop" in early
    assert "faint" in early


@pytest.mark.parametrize(("path", "minutes"), cases())
def test_the_pacer_stops_where_the_guide_hands_the_breath_back(path: Path, minutes: int) -> None:
    exercise = script(path)
    if exercise.breathing is None:
        return
    timeline = build_timeline(exercise, minutes, clip_seconds=clip_seconds)
    rate = timeline.sample_rate
    back = [
        voice.frame
        for voice in timeline.of_kind("voice")
        if any(cue.hands_back and cue.voice == voice.name for cue in exercise.cues)
    ]
    assert len(back) == 1, "the guide hands the breath back once, in words"
    breaths = timeline.of_kind("breath")
    paced_until = breaths[-1].frame + breaths[-1].length
    assert paced_until <= back[0], "the pacer never carries on past those words"
    assert back[0] - paced_until <= 12 * rate, "and stops no more than a breath before them"


LONG_QUIET_SECONDS = 150.0  # a wordless stretch longer than this is announced before it begins


@pytest.mark.parametrize(("path", "minutes"), cases())
def test_a_long_quiet_is_announced_kindly(path: Path, minutes: int) -> None:
    exercise = script(path)
    timeline = build_timeline(exercise, minutes, clip_seconds=clip_seconds)
    rate = timeline.sample_rate
    voices = timeline.of_kind("voice")
    quiet_words = {cue.voice for cue in exercise.cues if "quiet" in cue.steps}
    following = [voice.frame for voice in voices[1:]] + [timeline.practice_frames]
    for voice, next_frame in zip(voices, following, strict=True):
        if (next_frame - voice.frame - voice.length) / rate > LONG_QUIET_SECONDS:
            assert voice.name in quiet_words, f"{voice.name!r} is followed by a long silence"
            assert "quiet" in voice.text.lower()
