"""The guide's recorded voice: one OGG clip per cue, read once and brought to the stream's rate.

Clips live at `<voice_dir>/<exercise id>/<clip>.ogg`. `seconds()` is what the timeline uses to
give each clip its place and length; `load()` returns exactly that many frames, so what is heard
and the captions shown can never disagree by even a sample.
"""

from __future__ import annotations

import logging
from math import gcd
from pathlib import Path

import numpy as np
import soundfile

log = logging.getLogger(__name__)

CLIP_SUFFIX = ".ogg"
RESAMPLE_TAPER = 0.05  # share of the pass band rolled off gently instead of cut like a cliff
RESAMPLE_PAD_SECONDS = 0.05  # silence on each side, so the FFT's wrap-around never folds the ends


class VoiceClips:
    def __init__(self, voice_dir: Path, sample_rate: int) -> None:
        self.voice_dir = voice_dir
        self.sample_rate = sample_rate
        self._loaded: dict[tuple[str, str], np.ndarray] = {}

    def path(self, exercise_id: str, clip: str) -> Path:
        return self.voice_dir / exercise_id / f"{clip}{CLIP_SUFFIX}"

    def frames(self, exercise_id: str, clip: str) -> int | None:
        """The clip's length at the stream rate, from the file header only, or None if absent."""
        path = self.path(exercise_id, clip)
        if not path.is_file():
            return None
        try:
            info = soundfile.info(str(path))
        except (soundfile.LibsndfileError, RuntimeError) as error:
            log.warning("Voice clip %s cannot be read: %s", path, error)
            return None
        return resampled_length(info.frames, info.samplerate, self.sample_rate)

    def seconds(self, exercise_id: str, clip: str) -> float | None:
        """For `build_timeline(clip_seconds=...)`: seconds * rate rounds back to `frames()`."""
        frames = self.frames(exercise_id, clip)
        return None if frames is None else frames / self.sample_rate

    def load(self, exercise_id: str, clip: str) -> np.ndarray:
        """The clip as float32 mono at the stream rate; read and resampled once, then kept.

        Kept by this object only: one practice's mixer owns one `VoiceClips`, so a practice's
        decoded voice is freed with it instead of staying for the life of the process.
        """
        key = (exercise_id, clip)
        if key not in self._loaded:
            self._loaded[key] = self._read(exercise_id, clip)
        return self._loaded[key]

    @property
    def decoded_bytes(self) -> int:
        """Memory held by the clips loaded so far: it lasts exactly as long as this object."""
        return sum(sound.nbytes for sound in self._loaded.values())

    def _read(self, exercise_id: str, clip: str) -> np.ndarray:
        # One open: the header (for the length promised by frames()) and the samples together.
        with soundfile.SoundFile(str(self.path(exercise_id, clip))) as audio:
            rate = audio.samplerate
            expected = resampled_length(audio.frames, rate, self.sample_rate)
            data = audio.read(dtype="float32", always_2d=True)
        mono = data.mean(axis=1, dtype=np.float32) if data.shape[1] > 1 else data[:, 0]
        sound = resample(mono, rate, self.sample_rate)
        # Decoders can differ from the header by a few frames; the header's count is the contract.
        if expected != len(sound):
            sound = np.pad(sound, (0, max(0, expected - len(sound))))[:expected]
        return np.ascontiguousarray(sound, dtype=np.float32)


def resampled_length(frames: int, from_rate: int, to_rate: int) -> int:
    """Frames after resampling, rounded half up in integers (no float drift on long clips)."""
    return (frames * to_rate + from_rate // 2) // from_rate


def resample(signal: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    """Band-limited resampling by FFT: change the spectrum's length, then transform back.

    The signal is padded with silence to a length whose resampled length is a whole number, so
    the ratio is exact; a short cosine taper at the top of the shared band avoids the ringing a
    brick-wall cut would add to sibilants.
    """
    signal = np.asarray(signal, dtype=np.float32)
    if from_rate == to_rate:
        return signal
    step = from_rate // gcd(from_rate, to_rate)  # input frames per whole number of output frames
    pad = step * -(-round(RESAMPLE_PAD_SECONDS * from_rate) // step)
    total = pad + len(signal) + pad
    total += -total % step
    padded = np.zeros(total)
    padded[pad : pad + len(signal)] = signal
    out_total = total * to_rate // from_rate
    spectrum = np.fft.rfft(padded)
    resized = np.zeros(out_total // 2 + 1, dtype=complex)
    shared = min(len(spectrum), len(resized))
    resized[:shared] = spectrum[:shared] * _taper(shared)
    out = np.fft.irfft(resized, out_total) * (out_total / total)
    start = pad * to_rate // from_rate
    return out[start : start + resampled_length(len(signal), from_rate, to_rate)].astype(np.float32)


def _taper(bins: int) -> np.ndarray:
    taper = np.ones(bins)
    width = max(1, int(bins * RESAMPLE_TAPER))
    taper[-width:] = 0.5 + 0.5 * np.cos(np.pi * np.arange(1, width + 1) / width)
    return taper
