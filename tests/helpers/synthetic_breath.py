"""Breathing made from numbers, and the sounds of a room around it, for testing the detector.

A breath is band-limited noise whose loudness follows the air flow: it swells from silence and
fades back at each turn, as real breath sound does. The in-breath is brighter and quieter, the
out-breath lower and longer; every breath has its own length, share of in and out, and loudness
(`jitter`), at any rate from about 4 to 20 breaths a minute - or a rate that changes over time.

Around it: room noise (pink hiss and a little mains hum), keyboard clicks in typing spells,
speech-like sound (voiced syllables through formants, with some hissed consonants), and the app's
own guidance "through the speakers": a rendered practice, delayed, filtered and reverberated the
way a room would, returned with the exact samples the app played (what the detector may subtract).

Everything is seeded and deterministic. Levels: each noise is returned at unit RMS (speech and
typing over their active spells), and `scaled_to_snr` sets it against the breathing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Rate = float | Callable[[float], float]  # breaths a minute, fixed or as a function of seconds


@dataclass(frozen=True)
class Breath:
    in_start: float
    in_end: float
    out_start: float
    out_end: float
    cycle: float  # seconds from this in-breath to the next one

    @property
    def per_minute(self) -> float:
        return 60.0 / self.cycle


@dataclass
class Breathing:
    signal: np.ndarray  # float32 mono
    sample_rate: int
    breaths: list[Breath]

    @property
    def seconds(self) -> float:
        return len(self.signal) / self.sample_rate

    def phase_at(self, seconds: float) -> str | None:
        """ "in" from an in-breath's start to the out-breath's start, then "out" until the next."""
        for breath in reversed(self.breaths):
            if seconds >= breath.out_start:
                return "out"
            if seconds >= breath.in_start:
                return "in"
        return None

    def rate_at(self, seconds: float) -> float | None:
        """The true rate of the breath under way (None before the first)."""
        under_way = [breath for breath in self.breaths if breath.in_start <= seconds]
        return under_way[-1].per_minute if under_way else None

    def recent_rate(self, seconds: float, breaths: int = 4) -> float | None:
        """The rate a listener could know by `seconds`: 60 over the median length of the last
        few whole breaths (the rate of one breath alone wanders with the jitter)."""
        whole = [b.cycle for b in self.breaths if b.in_start + b.cycle <= seconds][-breaths:]
        return 60.0 / float(np.median(whole)) if whole else None

    def in_starts(self) -> list[float]:
        return [breath.in_start for breath in self.breaths]

    def onsets(self) -> list[tuple[float, str]]:
        """Every onset of a phase, in time order: (seconds, "in" or "out")."""
        pairs = [((b.in_start, "in"), (b.out_start, "out")) for b in self.breaths]
        return [onset for pair in pairs for onset in pair]


def breathing(
    seconds: float,
    sample_rate: int = 16_000,
    per_minute: Rate = 12.0,
    jitter: float = 0.08,
    seed: int = 0,
) -> Breathing:
    """Breath sounds for `seconds`, at unit RMS over the whole length (pauses included)."""
    rng = np.random.default_rng(seed)
    frames = round(seconds * sample_rate)
    breaths = _plan(seconds, per_minute, jitter, rng)
    inhale = _band_noise(frames, sample_rate, 700.0, 4500.0, rng)
    exhale = _band_noise(frames, sample_rate, 250.0, 2200.0, rng)
    in_level = np.zeros(frames)
    out_level = np.zeros(frames)
    for breath in breaths:
        loudness = rng.uniform(0.75, 1.25)
        _swell(in_level, breath.in_start, breath.in_end, 0.6 * loudness, sample_rate)
        _swell(out_level, breath.out_start, breath.out_end, loudness, sample_rate)
    signal = inhale * in_level + exhale * out_level
    return Breathing(_unit_rms(signal), sample_rate, breaths)


def _plan(
    seconds: float, per_minute: Rate, jitter: float, rng: np.random.Generator
) -> list[Breath]:
    rate = per_minute if callable(per_minute) else (lambda _t: float(per_minute))
    breaths = []
    moment = rng.uniform(0.3, 2.0)
    while True:
        cycle = 60.0 / rate(moment) * float(np.clip(1 + jitter * rng.standard_normal(), 0.7, 1.3))
        in_end = moment + cycle * rng.uniform(0.33, 0.42)
        out_start = in_end + cycle * rng.uniform(0.0, 0.04)  # the turn at the top: a brief hush
        out_end = out_start + cycle * rng.uniform(0.40, 0.52)
        if moment + cycle > seconds:
            return breaths
        breaths.append(Breath(moment, in_end, out_start, out_end, cycle))
        moment += cycle


def _swell(level: np.ndarray, start: float, end: float, peak: float, sample_rate: int) -> None:
    """Loudness following the flow: a half sine from silence to silence."""
    first, last = round(start * sample_rate), min(len(level), round(end * sample_rate))
    if last > first:
        level[first:last] = peak * np.sin(np.linspace(0.0, np.pi, last - first))


def _band_noise(
    frames: int, sample_rate: int, low: float, high: float, rng: np.random.Generator
) -> np.ndarray:
    """White noise kept between `low` and `high` Hz, with soft edges (raised-cosine skirts)."""
    spectrum = np.fft.rfft(rng.standard_normal(frames))
    frequencies = np.fft.rfftfreq(frames, 1.0 / sample_rate)
    high = min(high, 0.45 * sample_rate)
    gain = np.clip((frequencies - 0.7 * low) / (0.3 * low), 0, 1) * np.clip(
        (1.3 * high - frequencies) / (0.3 * high), 0, 1
    )
    return _unit_rms(np.fft.irfft(spectrum * gain, frames))


def room_noise(seconds: float, sample_rate: int = 16_000, seed: int = 1) -> np.ndarray:
    """A quiet room: pink hiss (equal energy per octave) and a faint 50 Hz hum, unit RMS."""
    rng = np.random.default_rng(seed)
    frames = round(seconds * sample_rate)
    spectrum = np.fft.rfft(rng.standard_normal(frames))
    frequencies = np.fft.rfftfreq(frames, 1.0 / sample_rate)
    spectrum /= np.sqrt(np.maximum(frequencies, 20.0))
    hiss = _unit_rms(np.fft.irfft(spectrum, frames))
    hum = np.sin(2 * np.pi * 50.0 * np.arange(frames) / sample_rate)
    return _unit_rms(hiss + 0.2 * hum)


def keyboard(
    seconds: float, sample_rate: int = 16_000, seed: int = 2, clicks_per_second: float = 6.0
) -> np.ndarray:
    """Typing in spells of a few seconds: sharp, quickly decaying clicks. Unit RMS while typing."""
    rng = np.random.default_rng(seed)
    frames = round(seconds * sample_rate)
    out = np.zeros(frames)
    click_frames = round(0.012 * sample_rate)
    decay = np.exp(-np.arange(click_frames) / (0.002 * sample_rate))
    moment = rng.uniform(0.0, 3.0)
    while moment < seconds:
        spell_end = moment + rng.uniform(2.0, 6.0)
        while moment < min(spell_end, seconds):
            at = round(moment * sample_rate)
            click = rng.standard_normal(click_frames) * decay * rng.uniform(0.5, 1.0)
            out[at : at + click_frames] += click[: frames - at]
            moment += rng.exponential(1.0 / clicks_per_second)
        moment = spell_end + rng.uniform(2.0, 8.0)
    return _rms_while_active(out, sample_rate)


def speech_like(seconds: float, sample_rate: int = 16_000, seed: int = 3) -> np.ndarray:
    """Someone talking nearby: phrases of voiced syllables (a wandering pitch through three
    formants, about 4.5 syllables a second), some with a hissed consonant; pauses between
    phrases. Unit RMS while talking."""
    rng = np.random.default_rng(seed)
    frames = round(seconds * sample_rate)
    time = np.arange(frames) / sample_rate
    pitch = 150 + 40 * np.sin(2 * np.pi * 0.3 * time) + 15 * np.sin(2 * np.pi * 2.1 * time)
    voiced = 2.0 * (np.cumsum(pitch / sample_rate) % 1.0) - 1.0  # a buzz rich in harmonics
    voiced = _formants(voiced, sample_rate, (600.0, 1400.0, 2600.0))
    hiss = _band_noise(frames, sample_rate, 3000.0, 7000.0, rng)
    envelope = np.zeros(frames)
    hissing = np.zeros(frames)
    moment = rng.uniform(0.0, 2.0)
    while moment < seconds:
        phrase_end = moment + rng.uniform(1.0, 4.0)
        while moment < min(phrase_end, seconds):
            syllable = rng.uniform(0.15, 0.3)
            _swell(envelope, moment, moment + syllable, rng.uniform(0.6, 1.0), sample_rate)
            if rng.random() < 0.2:
                _swell(hissing, moment, moment + 0.08, 0.5, sample_rate)
            moment += syllable + rng.uniform(0.0, 0.08)
        moment = phrase_end + rng.uniform(0.4, 3.0)
    return _rms_while_active(_unit_rms(voiced) * envelope + hiss * hissing, sample_rate)


def _formants(source: np.ndarray, sample_rate: int, centres: tuple[float, ...]) -> np.ndarray:
    spectrum = np.fft.rfft(source)
    frequencies = np.fft.rfftfreq(len(source), 1.0 / sample_rate)
    gain = sum(np.exp(-(((frequencies - centre) / (0.12 * centre)) ** 2)) for centre in centres)
    return np.fft.irfft(spectrum * gain, len(source))


@dataclass
class Guidance:
    heard: np.ndarray  # what the microphone picks up from the speakers (mono)
    played: np.ndarray  # exactly what the app sent to them (mono): the detector's reference


def guidance_through_speakers(
    seconds: float,
    sample_rate: int = 16_000,
    delay: float = 0.045,
    exercise: str = "soothing-rhythm-breathing",
    minutes: int = 10,
    seed: int = 4,
) -> Guidance:
    """The first `seconds` of a rendered practice (voice, bells and its own breath sound), and
    how a microphone hears it: later by `delay`, thinner in the bass and treble like small
    speakers, and with a short room reverberation."""
    from compassion_app.audio.clips import VoiceClips
    from compassion_app.audio.mixer import Mixer
    from compassion_app.core.scripts import load_script
    from compassion_app.core.timeline import build_timeline
    from compassion_app.paths import resource_path

    clips = VoiceClips(resource_path("audio", "voice"), sample_rate)
    script = load_script(resource_path("scripts", f"{exercise}.toml"))
    timeline = build_timeline(script, minutes, sample_rate, clips.seconds)
    frames = round(seconds * sample_rate)
    stereo = np.zeros((frames, 2), dtype=np.float32)
    Mixer(timeline, clips).render_into(stereo, 0)
    played = stereo.mean(axis=1)
    return Guidance(_room(played, sample_rate, delay, np.random.default_rng(seed)), played)


def _room(
    played: np.ndarray, sample_rate: int, delay: float, rng: np.random.Generator
) -> np.ndarray:
    frames = len(played)
    spectrum = np.fft.rfft(played, 2 * frames)
    frequencies = np.fft.rfftfreq(2 * frames, 1.0 / sample_rate)
    speaker = 1.0 / np.sqrt(1 + (180.0 / np.maximum(frequencies, 1.0)) ** 4)
    speaker = speaker / np.sqrt(1 + (frequencies / 6000.0) ** 4)
    reverb_frames = round(0.25 * sample_rate)
    tail = rng.standard_normal(reverb_frames) * np.exp(
        -np.arange(reverb_frames) / (0.05 * sample_rate)
    )
    response = np.zeros(2 * frames)
    at = round(delay * sample_rate)
    response[at] = 1.0
    response[at + 1 : at + 1 + reverb_frames] += 0.03 * tail  # about 4 dB under the direct
    heard = np.fft.irfft(spectrum * speaker * np.fft.rfft(response), 2 * frames)[:frames]
    return heard.astype(np.float32)


def scaled_to_snr(breath: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    """`noise` scaled so that breath power over noise power is `snr_db` (whole-length powers)."""
    breath_power = float(np.mean(np.square(breath, dtype=np.float64)))
    noise_power = float(np.mean(np.square(noise, dtype=np.float64)))
    return (noise * np.sqrt(breath_power / noise_power / 10 ** (snr_db / 10))).astype(np.float32)


def _unit_rms(signal: np.ndarray) -> np.ndarray:
    rms = float(np.sqrt(np.mean(np.square(signal, dtype=np.float64))))
    return (signal / rms if rms > 0 else signal).astype(np.float32)


def _rms_while_active(signal: np.ndarray, sample_rate: int) -> np.ndarray:
    """Unit RMS over the tenths of a second that hold any sound (typing, talking), not the gaps."""
    tenth = max(1, sample_rate // 10)
    usable = len(signal) // tenth * tenth
    powers = np.mean(np.square(signal[:usable], dtype=np.float64).reshape(-1, tenth), axis=1)
    active = powers[powers > 1e-3 * powers.max()] if powers.max() > 0 else powers
    rms = float(np.sqrt(np.mean(active))) if len(active) else 1.0
    return (signal / rms).astype(np.float32)
