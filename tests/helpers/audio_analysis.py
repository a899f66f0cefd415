"""Listening with numbers: find sounds in a mix, measure clicks and loudness.

Onsets are found blind, by matched filtering: each known sound (a bell, a voice clip) is slid
along the whole recording and the normalised cross-correlation is computed by FFT. Where the
sound really starts, the recording contains a scaled copy of it plus other layers, so the
correlation peaks there - and only there to the exact sample, because one sample off already
decorrelates the upper partials. Nothing from the timeline is used to find them.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

TEMPLATE_FRAMES = 24_000  # half a second at 48 kHz: long enough that only the sound itself matches


def mid(stereo: np.ndarray) -> np.ndarray:
    """What both ears share (voice, bells and breath are mono; the ambient bed is not)."""
    return np.asarray((stereo[:, 0].astype(np.float64) + stereo[:, 1]) / 2)


def find_onsets(
    signal: np.ndarray, sounds: Mapping[str, np.ndarray], threshold: float = 0.7
) -> dict[str, list[int]]:
    """For each named sound, the frames where it starts in `signal`, found blind.

    Correlation above `threshold` forms clusters; the best frame of each cluster is a candidate.
    A ringing bell also half-matches itself a little later, so a candidate inside a stronger
    one's own length is an echo, not a new onset (the same sound never restarts while playing).
    """
    signal = np.asarray(signal, dtype=np.float64)
    energy = np.concatenate([[0.0], np.cumsum(signal**2)])
    found = {}
    for name, sound in sounds.items():
        template = np.asarray(sound[:TEMPLATE_FRAMES], dtype=np.float64)
        score = _normalised_correlation(signal, energy, template)
        found[name] = _strongest_apart(score, threshold, len(template), len(sound))
    return found


def _strongest_apart(
    score: np.ndarray, threshold: float, cluster_gap: int, apart: int
) -> list[int]:
    above = np.flatnonzero(score > threshold)
    if len(above) == 0:
        return []
    breaks = np.flatnonzero(np.diff(above) > cluster_gap) + 1
    peaks = [int(cluster[np.argmax(score[cluster])]) for cluster in np.split(above, breaks)]
    kept: list[int] = []
    for peak in sorted(peaks, key=lambda frame: -score[frame]):
        if all(abs(peak - other) >= apart for other in kept):
            kept.append(peak)
    return sorted(kept)


def _normalised_correlation(
    signal: np.ndarray, energy: np.ndarray, template: np.ndarray
) -> np.ndarray:
    """score[lag] = <signal[lag:lag+T], template> / (|window| |template|), by overlap-save FFT.

    `energy` is the running sum of signal**2 with a leading zero (window energies by difference).
    """
    size = len(template)
    fft_size = 1 << max(16, (4 * size - 1).bit_length())
    hop = fft_size - size + 1
    kernel = np.conj(np.fft.rfft(template, fft_size))
    lags = max(0, len(signal) - size + 1)
    correlation = np.empty(lags)
    for begin in range(0, lags, hop):
        piece = signal[begin : begin + fft_size]
        full = np.fft.irfft(np.fft.rfft(piece, fft_size) * kernel, fft_size)
        count = min(hop, lags - begin)
        correlation[begin : begin + count] = full[:count]
    window = np.sqrt(np.maximum(energy[size : size + lags] - energy[:lags], 0.0))
    return np.asarray(correlation / (window * np.linalg.norm(template) + 1e-12))


def first_nonzero(samples: np.ndarray) -> int:
    """The first frame where any channel is not exactly zero (-1 if all silent)."""
    flat = samples.reshape(len(samples), -1)
    nonzero = np.flatnonzero(np.any(flat != 0, axis=1))
    return int(nonzero[0]) if len(nonzero) else -1


def max_step(samples: np.ndarray) -> float:
    """The largest step between samples, any channel: a click is a step the sound never makes."""
    if len(samples) < 2:
        return 0.0
    return float(np.abs(np.diff(samples.astype(np.float64), axis=0)).max())


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0


def with_every_layer(script_text: str, ambient: str = "rain", interval_minutes: float = 0.5) -> str:
    """A copy of a script's TOML with an ambient bed and interval bells added, so one practice
    exercises every layer (the bundled breathing script already has voice clips)."""
    lines: list[str] = []
    for line in script_text.splitlines():
        lines.append(line)
        if line.startswith("default_minutes"):
            lines.append(f'ambient = "{ambient}"')
    lines += ["", "[bells]", f"interval_minutes = {interval_minutes}", ""]
    return "\n".join(lines)
