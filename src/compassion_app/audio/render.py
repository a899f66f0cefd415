"""A practice rendered to a file: exactly the samples the engine plays, written block by block."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import soundfile

from compassion_app import messages
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


class UnknownFormat(ValueError):
    """A file name whose ending names no format we write; its text is for the person."""


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
    Raises UnknownFormat for an unknown suffix, before anything is written, and OSError with the
    system's own cause (a full disk, a folder not allowed) when the file cannot be written.
    `progress`, if given, hears the share written so far (0 to 1) after each block.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UnknownFormat(messages.RENDER_UNKNOWN_FORMAT.format(name=path.name))
    container, default_subtype = FORMATS[suffix]
    mixer = Mixer(timeline, clips, volumes)
    block = np.empty((RENDER_BLOCK_FRAMES, 2), dtype=np.float32)
    disk = DiskFile(path)  # opening raises the system's OSError: no folder, not allowed, ...
    try:
        with soundfile.SoundFile(
            disk, "w", timeline.sample_rate, 2, subtype or default_subtype, format=container
        ) as sink:
            for start in range(0, mixer.total_frames, RENDER_BLOCK_FRAMES):
                piece = block[: min(RENDER_BLOCK_FRAMES, mixer.total_frames - start)]
                mixer.render_into(piece, start)
                sink.write(piece)
                if disk.problem is not None:
                    break
                if progress is not None:
                    progress((start + len(piece)) / mixer.total_frames)
    # soundfile asserts that every frame was written: after a failed write it raises that.
    except (soundfile.LibsndfileError, AssertionError) as error:
        if disk.problem is None:
            raise OSError(errno.EIO, f"libsndfile: {error}", str(path)) from error
    finally:
        disk.close()
    if disk.problem is not None:
        raise disk.problem
    return path


class DiskFile:
    """The file libsndfile writes through, so that a failed write keeps its real cause.

    Given a path, libsndfile reports a full disk as a bare "System error"; written through this
    object, the first OSError (with its errno: ENOSPC, EACCES, EIO...) is kept in `problem`, and
    every later write is refused, so the encoder stops and the cause can be told in plain words.
    """

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o666)
        self.problem: OSError | None = None

    def write(self, data: bytes) -> int:
        if self.problem is not None:
            return 0
        view = memoryview(data)
        done = 0
        try:
            while done < len(view):
                done += os.write(self._fd, view[done:])
        except OSError as error:
            self.problem = error
        return done

    def read(self, size: int) -> bytes:
        return os.read(self._fd, size)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return os.lseek(self._fd, offset, whence)

    def tell(self) -> int:
        return os.lseek(self._fd, 0, os.SEEK_CUR)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
