"""Sounds made from numbers: singing-bowl bells, a soft breath, and ambient beds.

Everything here is pure numpy and deterministic (fixed seeds), so a practice sounds the same every
time and tests can compare samples. Noise is synthesised in the frequency domain: the inverse FFT
of a spectrum of length N is periodic with period N by construction, so a loop of it joins its own
start without a seam - no crossfade needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from compassion_app.core.timeline import END_BELL_RING_SECONDS

# Bowl-like partials: (frequency ratio, amplitude, decay-time scale). The ratios are those of a
# struck bowl, deliberately inharmonic; upper partials die away faster, as in a real bowl.
PARTIALS = ((1.0, 1.0, 1.0), (2.76, 0.5, 0.55), (5.40, 0.22, 0.32), (8.93, 0.10, 0.2))
# A bowl is never perfectly round, so each partial is a close pair that beats slowly (Hz apart).
BEATS_HZ = (0.7, 1.3, 2.1, 2.9)
ATTACK_SECONDS = 0.005  # soft enough never to click, sharp enough to place to the sample
TAIL_FADE_SECONDS = 0.6  # the buffer ends in silence, not mid-wave


@dataclass(frozen=True)
class BellTone:
    fundamental: float  # Hz
    seconds: float
    peak: float  # highest absolute sample
    decay: float  # time constant of the fundamental, seconds


# The end bell's fundamental decays by 60 dB (a factor of 1000, ln 1000 = 6.9 time constants)
# in 6.9 * 2.2 = 15.2 s, inside the ring-out the timeline leaves after the practice: it is heard
# to the end, never cut off. The start bell rings under the welcome and may stop sooner.
BELL_TONES = {
    "start": BellTone(fundamental=220.0, seconds=10.0, peak=0.45, decay=2.4),
    "end": BellTone(fundamental=207.65, seconds=END_BELL_RING_SECONDS, peak=0.45, decay=2.2),
    "interval": BellTone(fundamental=329.6, seconds=5.0, peak=0.22, decay=1.4),
}

AMBIENT_SEEDS = {"rain": 11, "ocean": 23, "brown": 37}


def bell(sample_rate: int, name: str) -> np.ndarray:
    """A struck bowl, float32 mono. Sample 0 is already non-zero: it IS the onset."""
    tone = BELL_TONES[name]
    t = np.arange(round(tone.seconds * sample_rate)) / sample_rate
    sound = np.zeros_like(t)
    for (ratio, amplitude, decay_scale), beat in zip(PARTIALS, BEATS_HZ, strict=True):
        frequency = tone.fundamental * ratio
        envelope = amplitude * np.exp(-t / (tone.decay * decay_scale))
        # Cosines start at their crest, so the very first sample of the attack is non-zero.
        pair = np.cos(2 * np.pi * (frequency - beat / 2) * t)
        pair += np.cos(2 * np.pi * (frequency + beat / 2) * t)
        sound += envelope * pair / 2
    sound *= _attack_and_tail(len(t), sample_rate)
    scale = tone.peak / float(np.abs(sound).max())
    return np.asarray(sound * scale, dtype=np.float32)


def _attack_and_tail(length: int, sample_rate: int) -> np.ndarray:
    shape = np.ones(length)
    attack = round(ATTACK_SECONDS * sample_rate)
    # (n + 1) / (attack + 1): rises from just above zero, so sample 0 is quiet but not silent.
    shape[:attack] = raised_cosine(np.arange(1, attack + 1) / (attack + 1))
    tail = round(TAIL_FADE_SECONDS * sample_rate)
    shape[-tail:] *= raised_cosine(np.arange(tail, 0, -1) / (tail + 1))
    return shape


def raised_cosine(x: np.ndarray) -> np.ndarray:
    """0 to 1 along x in [0, 1], with zero slope at both ends: fades that never click."""
    return 0.5 - 0.5 * np.cos(np.pi * x)


def breath_noise(
    sample_rate: int, seconds: float, seed: int, center_hz: float = 1400.0
) -> np.ndarray:
    """Air-like noise that loops seamlessly, float32 mono with RMS 1.

    A band around `center_hz` (about 1.4 octaves wide) sounds like air through the nose; a lower
    centre gives the darker, softer out-breath.
    """
    length = round(seconds * sample_rate)
    frequencies = np.fft.rfftfreq(length, 1 / sample_rate)
    octaves = np.log2(np.maximum(frequencies, 1.0) / center_hz)
    magnitude = np.exp(-0.5 * (octaves / 1.4) ** 2)
    return _periodic_noise(magnitude, length, np.random.default_rng(seed))


def ambient(sample_rate: int, bed: str, seconds: float, seed: int | None = None) -> np.ndarray:
    """A stereo ambient bed, float32 of shape (frames, 2), RMS about 1, that loops seamlessly."""
    length = round(seconds * sample_rate)
    rng = np.random.default_rng(AMBIENT_SEEDS[bed] if seed is None else seed)
    if bed == "brown":
        channels = [_brown(sample_rate, length, rng) for _ in range(2)]
    elif bed == "rain":
        channels = _rain(sample_rate, length, rng)
    elif bed == "ocean":
        channels = _ocean(sample_rate, length, rng)
    else:
        raise ValueError(f"unknown ambient bed {bed!r}")
    stereo = _widen(*channels)
    return np.asarray(stereo / np.sqrt(np.mean(stereo**2)), dtype=np.float32)


def _periodic_noise(magnitude: np.ndarray, length: int, rng: np.random.Generator) -> np.ndarray:
    """Noise with the given magnitude spectrum; periodic with period `length` by construction."""
    spectrum = magnitude * (
        rng.standard_normal(len(magnitude)) + 1j * rng.standard_normal(len(magnitude))
    )
    spectrum[0] = 0.0  # no DC: the bed must not push the speaker cone off centre
    noise = np.fft.irfft(spectrum, length)
    return np.asarray(noise / np.sqrt(np.mean(noise**2)), dtype=np.float32)


def _power_law(sample_rate: int, length: int, exponent: float, low_cut: float) -> np.ndarray:
    """|spectrum| = f**-exponent, with a gentle second-order high-pass below `low_cut` Hz."""
    frequencies = np.maximum(np.fft.rfftfreq(length, 1 / sample_rate), 1e-3)
    high_pass = (frequencies / low_cut) ** 2 / (1.0 + (frequencies / low_cut) ** 2)
    return np.asarray(frequencies**-exponent * high_pass)


def _brown(sample_rate: int, length: int, rng: np.random.Generator) -> np.ndarray:
    # 1/f amplitude (brown) would be all sub-bass; the high-pass at 40 Hz keeps it DC-safe and
    # stops the excursions that small speakers turn into rattles.
    return _periodic_noise(_power_law(sample_rate, length, 1.0, 40.0), length, rng)


def _rain(sample_rate: int, length: int, rng: np.random.Generator) -> list[np.ndarray]:
    frequencies = np.maximum(np.fft.rfftfreq(length, 1 / sample_rate), 1.0)
    sheet = _power_law(sample_rate, length, 0.5, 300.0) * np.exp(-frequencies / 9000.0)
    channels = []
    for _ in range(2):
        hiss = _periodic_noise(sheet, length, rng)
        channels.append(hiss + _droplets(sample_rate, length, rng))
    return channels


def _droplets(sample_rate: int, length: int, rng: np.random.Generator) -> np.ndarray:
    """Sparse soft drops: short decaying tones, wrapped round the loop end so it stays seamless."""
    drops = np.zeros(length)
    drop = np.arange(round(0.03 * sample_rate)) / sample_rate
    for _ in range(int(length / sample_rate * 5)):  # about five drops a second per ear
        pitch = rng.uniform(1800.0, 4500.0) * (1.0 - 4.0 * drop)  # falling slightly, like a drip
        shape = (
            np.sin(2 * np.pi * pitch * drop) * np.exp(-drop / 0.006) * (1 - np.exp(-drop / 0.0008))
        )
        where = (int(rng.integers(length)) + np.arange(len(drop))) % length
        drops[where] += rng.uniform(0.5, 2.5) * shape
    return drops.astype(np.float32)


def _ocean(sample_rate: int, length: int, rng: np.random.Generator) -> list[np.ndarray]:
    # Waves about every 10 s (0.08-0.12 Hz); a whole number of swells per loop keeps it seamless.
    swells = max(1, round(length / sample_rate * 0.1))
    phase = 2 * np.pi * swells * np.arange(length) / length
    body_spectrum = _power_law(sample_rate, length, 0.8, 60.0)
    wash_spectrum = _power_law(sample_rate, length, 0.3, 500.0)
    channels = []
    for offset in (0.0, 0.6):  # the ears hear each wave break a moment apart
        swell = (0.5 - 0.5 * np.cos(phase - offset)) ** 1.5
        body = _periodic_noise(body_spectrum, length, rng)
        wash = _periodic_noise(wash_spectrum, length, rng)
        # Louder and brighter as the wave breaks, a soft rumble in between.
        channels.append(body * (0.3 + 0.7 * swell) + 0.35 * wash * swell**2)
    return channels


def _widen(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    # Mostly independent ears with some shared sound: wide, but not a hole in the middle.
    return np.stack([left + 0.35 * right, right + 0.35 * left], axis=1)
