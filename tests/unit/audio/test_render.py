"""Offline render: the engine's exact samples in a file, in the format its name asks for."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import numpy as np
import pytest
import soundfile

from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.mixer import Mixer
from compassion_app.audio.render import render_to_file
from compassion_app.core.timeline import Timeline


def test_float_wav_holds_exactly_what_the_engine_plays(
    tmp_path: Path, one_minute: Timeline, voice_clips: VoiceClips
) -> None:
    path = render_to_file(one_minute, voice_clips, tmp_path / "practice.wav", subtype="FLOAT")
    written, rate = soundfile.read(str(path), dtype="float32")
    assert rate == one_minute.sample_rate
    assert np.array_equal(written, Mixer(one_minute, voice_clips).render_all())


@pytest.mark.parametrize(
    ("name", "subtype"), [("p.wav", "PCM_24"), ("p.flac", "PCM_24"), ("p.ogg", "VORBIS")]
)
def test_each_format_is_chosen_by_the_file_name(
    tmp_path: Path, one_minute: Timeline, name: str, subtype: str
) -> None:
    path = render_to_file(one_minute, None, tmp_path / name)
    info = soundfile.info(str(path))
    assert (info.subtype, info.channels, info.samplerate) == (subtype, 2, 48_000)
    assert info.frames == one_minute.total_frames


def test_unknown_format_is_refused_before_writing(tmp_path: Path, one_minute: Timeline) -> None:
    with pytest.raises(ValueError, match=r"\.wav, \.flac or \.ogg"):
        render_to_file(one_minute, None, tmp_path / "practice.mp3")
    assert not (tmp_path / "practice.mp3").exists()


def test_unwritable_place_is_an_os_error_with_its_cause(
    tmp_path: Path, one_minute: Timeline
) -> None:
    with pytest.raises(OSError) as raised:
        render_to_file(one_minute, None, tmp_path / "no" / "such" / "folder.wav")
    assert raised.value.errno == errno.ENOENT


@pytest.mark.parametrize("name", ["p.wav", "p.flac", "p.ogg"])
def test_a_disk_that_fills_up_midway_is_reported_as_a_full_disk(
    tmp_path: Path, one_minute: Timeline, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk takes the first 200 KB, then says it is full, as a real one would (ENOSPC)."""
    real_write = os.write
    room = {"left": 200_000}

    def filling(fd: int, data: bytes) -> int:
        if room["left"] < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        room["left"] -= len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", filling)
    with pytest.raises(OSError) as raised:
        render_to_file(one_minute, None, tmp_path / name)
    assert raised.value.errno == errno.ENOSPC
