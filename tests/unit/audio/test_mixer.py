"""The mix: the same samples however it is cut into blocks, every sound exactly where the timeline
puts it, a breath that swells and rests, and no clipping."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from compassion_app.audio import synth
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.layers import LIMIT_KNEE, limit_peaks
from compassion_app.audio.mixer import BREATH_UNDER_VOICE, Mixer
from compassion_app.core.scripts import ExerciseScript
from compassion_app.core.timeline import Timeline, build_timeline
from helpers.audio_analysis import find_onsets, max_step, mid, rms

ONLY_BREATH = {"voice": 0.0, "bells": 0.0, "breath": 1.0, "ambient": 0.0}
ONLY_BELLS = {"voice": 0.0, "bells": 1.0, "breath": 0.0, "ambient": 0.0}


def render_in_blocks(mixer: Mixer, start: int, end: int, block: int) -> np.ndarray:
    out = np.empty((end - start, 2), dtype=np.float32)
    for offset in range(0, end - start, block):
        mixer.render_into(out[offset : offset + block], start + offset)
    return out


@pytest.fixture(scope="module")
def one_minute_mix(one_minute: Timeline, voice_clips: VoiceClips) -> np.ndarray:
    return Mixer(one_minute, voice_clips).render_all()


@pytest.mark.parametrize("block", [1024, 441, 4097])
def test_any_block_size_gives_the_same_samples(
    one_minute: Timeline, voice_clips: VoiceClips, one_minute_mix: np.ndarray, block: int
) -> None:
    mixer = Mixer(one_minute, voice_clips)
    assert np.array_equal(
        render_in_blocks(mixer, 0, one_minute.total_frames, block), one_minute_mix
    )


def test_one_frame_at_a_time_gives_the_same_samples(
    one_minute: Timeline, voice_clips: VoiceClips, one_minute_mix: np.ndarray
) -> None:
    voice = one_minute.of_kind("voice")[1]
    breath = one_minute.of_kind("breath")[0]
    # The start bell, the ambient fade-in, a breath beginning, and the duck before the voice.
    for start in (0, breath.frame - 300, voice.frame - 14_700, voice.frame - 300):
        mixer = Mixer(one_minute, voice_clips)
        assert np.array_equal(
            render_in_blocks(mixer, start, start + 600, 1), one_minute_mix[start : start + 600]
        )


@pytest.mark.parametrize("minutes", [3, pytest.param(10, marks=pytest.mark.slow)])
def test_every_bell_and_voice_is_heard_exactly_where_the_timeline_puts_it(
    every_layer_script: ExerciseScript, voice_clips: VoiceClips, minutes: int
) -> None:
    # Every 45 s: at three minutes one of the marks falls clear of the guide's words.
    script = replace(every_layer_script, interval_bell_minutes=0.75)
    timeline = build_timeline(script, minutes, clip_seconds=voice_clips.seconds)
    heard = mid(Mixer(timeline, voice_clips).render_all())
    sounds = {("bell", name): synth.bell(timeline.sample_rate, name) for name in synth.BELL_TONES}
    for event in timeline.of_kind("voice"):
        sounds["voice", event.name] = voice_clips.load(timeline.exercise_id, event.name)
    scheduled: dict[tuple[str, str], list[int]] = {key: [] for key in sounds}
    for event in timeline.events:
        if event.kind in ("bell", "voice"):
            scheduled[event.kind, event.name].append(event.frame)
    assert len(scheduled["bell", "interval"]) >= 1 and len(timeline.of_kind("voice")) >= 5
    assert find_onsets(heard, sounds) == scheduled  # found blind, to the sample


def breathing_only(script: ExerciseScript) -> tuple[Timeline, np.ndarray]:
    timeline = build_timeline(script, 1)  # no voice: nothing ducks the breath
    return timeline, Mixer(timeline, None, ONLY_BREATH).render_all()[:, 0]


def test_breath_swells_in_each_breath_and_rests_in_the_holds(
    breathing_script: ExerciseScript,
) -> None:
    timeline, sound = breathing_only(breathing_script)
    for phase in timeline.of_kind("breath"):
        part = sound[phase.frame : phase.frame + phase.length]
        if phase.name.startswith("hold"):
            assert not part.any()
            continue
        tenth = phase.length // 10
        middle = rms(part[4 * tenth : 6 * tenth])
        assert middle > 0.01
        assert rms(part[:tenth]) < middle / 2 and rms(part[-tenth:]) < middle / 2
        assert max_step(part[:2]) < 1e-4 and max_step(part[-2:]) < 1e-4  # silent at both edges


def test_out_breath_is_softer_than_in_breath(breathing_script: ExerciseScript) -> None:
    timeline, sound = breathing_only(breathing_script)
    loudness: dict[str, list[float]] = {"in": [], "out": []}
    for phase in timeline.of_kind("breath"):
        if phase.name in loudness:
            loudness[phase.name].append(rms(sound[phase.frame : phase.frame + phase.length]))
    assert np.mean(loudness["out"]) < np.mean(loudness["in"])


def test_breath_makes_room_while_the_guide_speaks(
    one_minute: Timeline, voice_clips: VoiceClips
) -> None:
    ducked = Mixer(one_minute, voice_clips, ONLY_BREATH).render_all()[:, 0]
    free = Mixer(one_minute, None, ONLY_BREATH).render_all()[:, 0]
    voice, following = one_minute.of_kind("voice")[1:3]  # spoken while breathing
    during = slice(voice.frame, voice.frame + voice.length)
    sounding = free[during] != 0
    assert sounding.sum() > voice.length // 2
    assert ducked[during][sounding] / free[during][sounding] == pytest.approx(
        BREATH_UNDER_VOICE, rel=1e-5
    )
    between = slice(
        voice.frame + voice.length + one_minute.sample_rate,
        following.frame - one_minute.sample_rate,
    )
    assert np.array_equal(ducked[between], free[between])  # fully back once the voice is done


def test_breath_stays_well_below_the_bells(breathing_script: ExerciseScript) -> None:
    timeline = build_timeline(breathing_script, 1)
    mixer = Mixer(timeline)  # default volumes
    sound = mixer.render_all()[:, 0]
    breath = sound[timeline.sample_rate * 12 : timeline.practice_frames - timeline.sample_rate]
    loudest_breath = max(rms(piece) for piece in np.array_split(breath, len(breath) // 2400))
    bell = rms(sound[: timeline.sample_rate])
    assert loudest_breath < bell / 3  # about 10 dB under the bell's first second, or more


def test_default_mix_never_reaches_the_limiter(one_minute_mix: np.ndarray) -> None:
    assert np.abs(one_minute_mix).max() < LIMIT_KNEE


def test_limiter_bends_smoothly_below_full_scale() -> None:
    loud = np.linspace(-3.0, 3.0, 6000, dtype=np.float32).reshape(-1, 2)
    bent = loud.copy()
    limit_peaks(bent)
    assert np.abs(bent).max() < 1.0
    assert np.all(np.diff(bent.ravel()) > 0)  # still rising: no fold-back
    quiet = np.abs(loud) <= LIMIT_KNEE
    assert np.array_equal(bent[quiet], loud[quiet])


def test_volume_change_glides_without_a_click(
    one_minute: Timeline, voice_clips: VoiceClips
) -> None:
    change, glide = 24_000, 1440  # mid start-bell; a 30 ms glide
    mixer = Mixer(one_minute, voice_clips, ONLY_BELLS)
    before = render_in_blocks(mixer, 0, change, 1024)
    mixer.set_volume("bells", 0.0)
    after = render_in_blocks(mixer, change, 2 * change, 1024)
    reference = Mixer(one_minute, voice_clips, ONLY_BELLS).render_all()[: 2 * change]
    assert np.array_equal(before, reference[:change])
    around = np.concatenate([before[-2400:], after[:2400]])
    assert max_step(around) <= max_step(reference[change - 2400 : change + 2400])
    assert not after[glide:].any()  # silent once the glide is over


def test_volume_glides_even_while_its_layer_is_silent(one_minute: Timeline) -> None:
    interval = next(bell for bell in one_minute.of_kind("bell") if bell.name == "interval")
    mixer = Mixer(one_minute, None, ONLY_BELLS)
    quiet = interval.frame - one_minute.sample_rate  # no bell rings here
    mixer.set_volume("bells", 0.0)
    assert not render_in_blocks(mixer, quiet, interval.frame + 4096, 1024).any()
