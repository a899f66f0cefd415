"""Every practice sounds about as loud as every other, measured as the person hears it.

Integrated loudness (ITU-R BS.1770) of each bundled practice at its usual length and the default
volumes: a sparse breathing practice and a talk that is all words are within 1 LU of each other,
so no one has to reach for the volume between practices. `level_db` in each script is set by
tools/measure_levels.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.core.scripts import load_script
from compassion_app.core.timeline import SAMPLE_RATE, build_timeline
from compassion_app.paths import resource_path
from helpers.loudness import integrated_loudness

SCRIPTS = sorted(resource_path("scripts").glob("*.toml"))
SHORT = [path for path in SCRIPTS if load_script(path).default_minutes <= 3]


def loudness(path: Path) -> float:
    script = load_script(path)
    clips = VoiceClips(resource_path("audio", "voice"), SAMPLE_RATE)
    timeline = build_timeline(script, script.default_minutes, SAMPLE_RATE, clips.seconds)
    return integrated_loudness(Mixer(timeline, clips).render_all(), SAMPLE_RATE)


def test_the_short_practices_are_equally_loud() -> None:
    levels = {path.stem: loudness(path) for path in SHORT}
    assert len(levels) >= 3
    assert max(levels.values()) - min(levels.values()) <= 1.0, levels


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_practice_is_within_one_lu_of_every_other() -> None:
    levels = {path.stem: loudness(path) for path in SCRIPTS}
    assert max(levels.values()) - min(levels.values()) <= 1.0, levels


def test_the_loudness_meter_itself_hears_a_quieter_copy_as_quieter() -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    noise = rng.standard_normal((SAMPLE_RATE * 4, 2)) * 0.1
    assert integrated_loudness(noise, SAMPLE_RATE) - integrated_loudness(
        noise * 0.5, SAMPLE_RATE
    ) == pytest.approx(6.02, abs=0.01)


def test_the_loudness_meter_reads_the_standards_reference_tone() -> None:
    import numpy as np

    # BS.1770: a 1 kHz sine in one channel at amplitude 0.1 (-20 dBFS peak) is -23.0 LUFS.
    tone = 0.1 * np.sin(2 * np.pi * 1000 * np.arange(SAMPLE_RATE * 3) / SAMPLE_RATE)
    assert integrated_loudness(tone, SAMPLE_RATE) == pytest.approx(-23.0, abs=0.05)
