"""The bundled exercise scripts and their voice clips, checked as shipped.

Every script must load, fit every length it offers with the real recorded clip lengths, leave a
little quiet after each spoken cue, have its clips present and up to date with its text, and speak
to the listener kindly.
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


def test_the_practices_are_all_there() -> None:
    ids = {script(path).exercise_id for path in SCRIPT_FILES}
    assert ids >= {
        "soothing-rhythm-breathing",
        "calm-place",
        "compassionate-colour",
        "compassionate-other",
        "compassionate-self",
    }


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
    spoken_cues = [cue for cue in exercise.cues if cue.min_minutes <= minutes]
    assert len(voices) == len(spoken_cues), "every cue in this practice is heard"
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
        assert (info.format, info.subtype) == ("OGG", "VORBIS")
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


@pytest.mark.parametrize("clip", sorted(VOICE.glob("*/*.ogg")), ids=lambda p: p.stem)
def test_clip_level_and_onset(clip: Path) -> None:
    audio, rate = sf.read(clip, dtype="float64")
    peak = float(np.abs(audio).max())
    assert -7.0 <= 20 * np.log10(peak) <= -1.0, "even loudness, and never clipping"
    onset = np.flatnonzero(np.abs(audio) > peak * 10 ** (-50 / 20))[0] / rate
    assert onset <= 0.010, "speech starts with the clip, so the cue's time is when it is heard"
    edges = max(abs(audio[0]), abs(audio[-1]))
    assert edges < 10 ** (-50 / 20), "faded in and out: no click"


# Words that order the listener about or put them in the wrong. Our listeners may already be
# hard on themselves; the guide invites ("you might", "if you like") and never grades. The same
# words are welcome as permissions ("there is no need to get it right", "you do not have to hold
# yourself up alone"), so a phrase right after a negation is allowed.
DENIED = (
    "should",
    "must",
    "have to",
    "has to",
    "need to",
    "ought",
    "supposed to",
    "fail",
    "failed",
    "failure",
    "wrong",
    "properly",
    "correctly",
    "try harder",
    "lazy",
    "weak",
    "stupid",
    "pathetic",
)
NEGATIONS = {"no", "not", "nothing", "nowhere", "never"}


def unkind_words(text: str) -> list[str]:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    found = []
    for phrase in DENIED:
        size = len(phrase.split())
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) != phrase:
                continue
            before = words[max(0, i - 2) : i]
            if not any(word in NEGATIONS or word.endswith("n't") for word in before):
                found.append(phrase)
    return found


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("You should relax now.", ["should"]),
        ("You must keep your eyes closed.", ["must"]),
        ("You need to breathe properly.", ["need to", "properly"]),
        ("If you failed to stay calm, that is wrong.", ["failed", "wrong"]),
        ("You should not worry.", ["should"]),
        ("There is no need to get it right.", []),
        ("You do not have to hold yourself up alone.", []),
        ("There is nothing you need to do here.", []),
        ("You don’t need to feel like this already.", []),
        ("There is no wrong way to do this.", []),
    ],
)
def test_the_kindness_check_itself(text: str, flagged: list[str]) -> None:
    assert sorted(unkind_words(text)) == sorted(flagged)


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda path: path.stem)
def test_the_guide_speaks_kindly(path: Path) -> None:
    exercise = script(path)
    for text in [exercise.summary] + [cue.text for cue in exercise.cues]:
        assert unkind_words(text) == [], text
        assert "!" not in text, "the guide never raises its voice"


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
