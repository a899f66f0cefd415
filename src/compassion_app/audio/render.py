"""A practice rendered to a file: exactly the samples the engine plays, written block by block."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import soundfile

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer, Volumes
from compassion_app.core.timeline import Timeline

# (libsndfile format, subtype) by extension. 24-bit PCM: beyond what any ear hears, and read by
# everything; Vorbis for a small file to share.
FORMATS = {
    ".wav": ("WAV", "PCM_24"),
    ".flac": ("FLAC", "PCM_24"),
    ".ogg": ("OGG", "VORBIS"),
}
RENDER_BLOCK_FRAMES = 1 << 16  # ~1.4 s at a time: a 20-minute practice never sits whole in memory


def render_to_file(
    timeline: Timeline,
    clips: VoiceClips | None,
    path: Path,
    volumes: Volumes | Mapping[str, float] | None = None,
    subtype: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Write the whole practice (end bell's ring-out included) to `path`; format from its suffix.

    `subtype` overrides the default, e.g. "FLOAT" for a WAV that holds the engine's exact samples.
    Raises ValueError for an unknown suffix, before anything is written. `progress`, if given,
    hears the share written so far (0 to 1) after each block.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"Cannot write {path.name}: choose a .wav, .flac or .ogg file name.")
    container, default_subtype = FORMATS[suffix]
    mixer = Mixer(timeline, clips, volumes)
    block = np.empty((RENDER_BLOCK_FRAMES, 2), dtype=np.float32)
    try:
        sink = soundfile.SoundFile(
            str(path), "w", timeline.sample_rate, 2, subtype or default_subtype, format=container
        )
    except soundfile.LibsndfileError as error:  # e.g. no such folder, or no permission
        raise OSError(f"{path} cannot be written: {error}") from error
    with sink:
        for start in range(0, mixer.total_frames, RENDER_BLOCK_FRAMES):
            piece = block[: min(RENDER_BLOCK_FRAMES, mixer.total_frames - start)]
            mixer.render_into(piece, start)
            sink.write(piece)
            if progress is not None:
                progress((start + len(piece)) / mixer.total_frames)
    return path
