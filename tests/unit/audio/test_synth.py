"""The synthesised sounds: bowl-like bells, the breath, ambient beds that loop without a seam."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.audio import synth
from compassion_app.core.timeline import END_BELL_RING_SECONDS
from helpers.audio_analysis import max_step, rms

RATE = 48_000


def spectrum_peaks(sound: np.ndarray, count: int) -> list[float]:
    """Frequencies (Hz) of the `count` strongest, well-separated spectral peaks."""
    magnitude = np.abs(np.fft.rfft(sound * np.hanning(len(sound))))
    frequencies = np.fft.rfftfreq(len(sound), 1 / RATE)
    peaks: list[float] = []
    for index in np.argsort(magnitude)[::-1]:
        if all(abs(frequencies[index] - peak) > 60.0 for peak in peaks):
            peaks.append(float(frequencies[index]))
        if len(peaks) == count:
            break
    return sorted(peaks)


@pytest.mark.parametrize("name", ["start", "interval", "end"])
def test_bell_sounds_from_its_first_sample_and_ends_in_silence(name: str) -> None:
    bell = synth.bell(RATE, name)
    assert bell.dtype == np.float32
    assert len(bell) <= END_BELL_RING_SECONDS * RATE
    assert 0 < abs(bell[0]) < 1e-3  # the onset is sample 0, yet it starts softly
    assert abs(bell[-1]) < 1e-5
    assert np.abs(bell).max() == pytest.approx(synth.BELL_TONES[name].peak)


@pytest.mark.parametrize("name", ["start", "interval", "end"])
def test_bell_attack_never_steps_harder_than_its_ringing(name: str) -> None:
    bell = synth.bell(RATE, name)
    attack = round(synth.ATTACK_SECONDS * RATE)
    assert max_step(bell[: attack + 1]) <= max_step(bell[attack : attack + RATE // 10])


@pytest.mark.parametrize("name", ["start", "end"])
def test_bell_partials_are_those_of_a_bowl_not_a_string(name: str) -> None:
    bell = synth.bell(RATE, name)
    fundamental, *upper = spectrum_peaks(bell, 4)
    assert 200.0 <= fundamental <= 300.0  # deep and warm for the start and the end
    ratios = [peak / fundamental for peak in upper]
    assert ratios == pytest.approx([ratio for ratio, _, _ in synth.PARTIALS[1:]], rel=0.01)
    # Inharmonic: a string's overtones sit at whole multiples; a bowl's lowest ones fall between.
    assert all(abs(ratio - round(ratio)) > 0.2 for ratio in ratios[:2])


def test_interval_bell_is_softer_and_shorter_than_the_start_bell() -> None:
    start, interval = synth.bell(RATE, "start"), synth.bell(RATE, "interval")
    assert rms(interval[:RATE]) < rms(start[:RATE]) / 2
    assert len(interval) < len(start)


@pytest.mark.parametrize("name", ["start", "interval", "end"])
def test_bell_rings_down_naturally(name: str) -> None:
    bell = synth.bell(RATE, name)
    loudness = [
        rms(bell[second : second + RATE]) for second in range(0, len(bell) - RATE + 1, RATE)
    ]
    assert all(later < earlier for earlier, later in zip(loudness, loudness[1:], strict=False))
    assert loudness[-1] < loudness[0] / 10  # more than 20 dB down by the end


LOOPS = {
    "breath in": lambda: synth.breath_noise(RATE, 9.0, 5, 1400.0),
    "breath out": lambda: synth.breath_noise(RATE, 9.0, 6, 800.0),
    "brown": lambda: synth.ambient(RATE, "brown", 20.0),
    "rain": lambda: synth.ambient(RATE, "rain", 30.0),
    "ocean": lambda: synth.ambient(RATE, "ocean", 30.0),
}


@pytest.mark.parametrize("name", LOOPS)
def test_loop_joins_its_start_without_a_seam(name: str) -> None:
    loop = LOOPS[name]().reshape(-1, 1) if name.startswith("breath") else LOOPS[name]()
    wrap = np.abs(loop[0] - loop[-1])
    typical = np.percentile(np.abs(np.diff(loop, axis=0)), 99, axis=0)
    assert np.all(wrap <= typical)


@pytest.mark.parametrize("bed", synth.AMBIENT_SEEDS)
def test_ambient_bed_is_stereo_steady_and_repeatable(bed: str) -> None:
    first, second = synth.ambient(RATE, bed, 10.0), synth.ambient(RATE, bed, 10.0)
    assert first.shape == (10 * RATE, 2) and first.dtype == np.float32
    assert np.array_equal(first, second)
    assert abs(float(first.mean())) < 1e-3  # no DC
    assert rms(first) == pytest.approx(1.0, rel=0.01)
    assert np.corrcoef(first[:, 0], first[:, 1])[0, 1] < 0.9  # two ears, not one


def test_ocean_swells_every_eight_to_twelve_seconds() -> None:
    ocean = synth.ambient(RATE, "ocean", 30.0)[:, 0]
    tenths = ocean.reshape(-1, RATE // 10)
    envelope = np.sqrt((tenths.astype(np.float64) ** 2).mean(axis=1))
    spectrum = np.abs(np.fft.rfft(envelope - envelope.mean()))
    swell_hz = np.fft.rfftfreq(len(envelope), 0.1)[np.argmax(spectrum)]
    assert 0.08 <= swell_hz <= 0.12
    assert envelope.max() > 2 * envelope.min()


def test_out_breath_sounds_darker_than_in_breath() -> None:
    def centroid(sound: np.ndarray) -> float:
        magnitude = np.abs(np.fft.rfft(sound))
        return float((np.fft.rfftfreq(len(sound), 1 / RATE) * magnitude).sum() / magnitude.sum())

    assert centroid(synth.breath_noise(RATE, 4.0, 6, 800.0)) < centroid(
        synth.breath_noise(RATE, 4.0, 5, 1400.0)
    )
