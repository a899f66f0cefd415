"""The real audio path with no sound card: PortAudio's default device, routed by ALSA's `file`
plugin into a file of the stream's own samples.

With `format "raw"` and no format forced on the `plug`, the file holds the float32 frames the
callback wrote, untouched - so it can be compared with the offline render sample for sample.
PortAudio reads the ALSA configuration once, at start-up, so every playback runs in its own
process (`python -m compassion_app.audio.play`) with ALSA_CONFIG_PATH pointing at the file.
"""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

ALSA_CONF = Path(
    "/usr/share/alsa/alsa.conf"
)  # defines pcm.null, which the file plugin writes through
ASOUNDRC = """\
pcm.!default {{ type plug  slave {{ pcm "tofile" }} }}
pcm.tofile {{ type file  slave.pcm "null"  file "{path}"  format "raw" }}
"""


@dataclass
class AlsaFileSink:
    directory: Path

    @property
    def raw(self) -> Path:
        return self.directory / "played.f32"

    def environment(self) -> dict[str, str]:
        config = self.directory / "asoundrc"
        config.write_text(ASOUNDRC.format(path=self.raw))
        return os.environ | {"ALSA_CONFIG_PATH": f"{ALSA_CONF}:{config}"}

    def play(self, *arguments: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        """Play a practice through the real stream into the file; fails the test if it fails."""
        played = run_python(
            ["-m", "compassion_app.audio.play", *arguments], self.environment(), timeout
        )
        assert played.returncode == 0, played.stdout + played.stderr
        return played

    def run(self, *arguments: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        """Run Python (e.g. a window, offscreen) with its sound going into the file."""
        environment = self.environment() | {"QT_QPA_PLATFORM": "offscreen"}
        return run_python(list(arguments), environment, timeout)

    def frames(self) -> np.ndarray:
        """What reached the 'device': (frames, 2) float32, mapped rather than read into memory."""
        return np.memmap(self.raw, dtype=np.float32, mode="r").reshape(-1, 2)


def run_python(
    arguments: list[str], environment: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def skip_without_portaudio() -> None:
    if not sys.platform.startswith("linux") or not ALSA_CONF.is_file():
        pytest.skip("the file sink needs ALSA (Linux)")
    if ctypes.util.find_library("portaudio") is None:
        pytest.skip("PortAudio is not installed (apt-get install libportaudio2)")


@pytest.fixture
def alsa_file_sink(tmp_path: Path) -> AlsaFileSink:
    skip_without_portaudio()
    return AlsaFileSink(tmp_path)


@dataclass
class AlsaWithoutDevices:
    """ALSA's own configuration and nothing else: on a machine with no sound card, no device."""

    def run(self, *arguments: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        return run_python(
            list(arguments), os.environ | {"ALSA_CONFIG_PATH": str(ALSA_CONF)}, timeout
        )


@pytest.fixture
def alsa_without_devices() -> AlsaWithoutDevices:
    skip_without_portaudio()
    return AlsaWithoutDevices()
