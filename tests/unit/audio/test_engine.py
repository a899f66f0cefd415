"""The engine without a sound card: a stand-in sounddevice module drives the real callback.

The real PortAudio stream is exercised in tests/e2e/test_real_audio.py."""

from __future__ import annotations

import builtins
import logging
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from compassion_app.audio import engine as engine_module
from compassion_app.audio.clips import VoiceClips
from compassion_app.audio.engine import SILENT_NOTICE, AudioEngine, AudioUnavailable
from compassion_app.audio.mixer import Mixer
from compassion_app.core.timeline import Timeline


class FakeStream:
    def __init__(self, callback: Any, finished_callback: Any, **settings: Any) -> None:
        self.callback, self.finished_callback, self.settings = callback, finished_callback, settings
        self.latency = 0.05
        self.closed = False

    def start(self) -> None:
        pass

    def close(self, ignore_errors: bool = False) -> None:
        self.closed = True

    def play(self, blocks: int, underflow: bool = False) -> np.ndarray:
        """Call back as PortAudio would; end the stream the way PortAudio does on Stop/Abort."""
        out = np.zeros((blocks * 1024, 2), dtype=np.float32)
        status = SimpleNamespace(output_underflow=underflow)
        for block in range(blocks):
            try:
                self.callback(out[block * 1024 : (block + 1) * 1024], 1024, None, status)
            except (FakeSoundDevice.CallbackStop, FakeSoundDevice.CallbackAbort):
                self.finished_callback()
                return out[: (block + 1) * 1024]
        return out


class FakeSoundDevice:
    class PortAudioError(Exception):
        pass

    class CallbackStop(Exception):
        pass

    class CallbackAbort(Exception):
        pass

    def __init__(self, devices: bool = True, rates: tuple[int, ...] = (48_000,)) -> None:
        self.devices, self.rates = devices, rates
        self.stream: FakeStream | None = None

    def query_devices(self, device: Any = None, kind: str | None = None) -> dict[str, Any]:
        if not self.devices:
            raise self.PortAudioError("Error querying device -1")
        return {"name": "fake", "default_samplerate": float(self.rates[0])}

    def OutputStream(self, samplerate: int, **settings: Any) -> FakeStream:  # noqa: N802
        if samplerate not in self.rates:
            raise self.PortAudioError("Error opening OutputStream: Invalid sample rate")
        self.stream = FakeStream(samplerate=samplerate, **settings)
        return self.stream


@pytest.fixture
def mixer(one_minute: Timeline, voice_clips: VoiceClips) -> Mixer:
    return Mixer(one_minute, voice_clips)


def use(monkeypatch: pytest.MonkeyPatch, fake: FakeSoundDevice) -> FakeSoundDevice:
    monkeypatch.setattr(engine_module, "load_sounddevice", lambda: fake)
    return fake


def test_without_portaudio_the_practice_is_silent_with_a_kind_notice(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    real_import = builtins.__import__

    def no_portaudio(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    with pytest.raises(AudioUnavailable) as raised:
        AudioEngine().start(mixer)
    assert str(raised.value) == SILENT_NOTICE
    assert "PortAudio library not found" in raised.value.reason


def test_without_an_output_device_the_practice_is_silent(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    use(monkeypatch, FakeSoundDevice(devices=False))
    with pytest.raises(AudioUnavailable, match="silent") as raised:
        AudioEngine().start(mixer)
    assert "no output device" in raised.value.reason


def test_a_refused_sample_rate_reports_the_rate_the_device_prefers(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    use(monkeypatch, FakeSoundDevice(rates=(44_100,)))
    with pytest.raises(AudioUnavailable) as raised:
        AudioEngine().start(mixer)
    assert raised.value.device_sample_rate == 44_100


def test_stream_is_opened_as_designed_and_plays_the_mix(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    settings = fake.stream.settings
    assert (settings["samplerate"], settings["channels"], settings["dtype"]) == (
        48_000,
        2,
        "float32",
    )
    assert settings["blocksize"] == 1024
    played = fake.stream.play(10)
    assert np.array_equal(played, mixer.render_all()[: len(played)])
    assert engine.position == len(played)
    assert len(engine.timings()) == 10  # one duration per callback, for the audio benchmark


def test_playing_to_the_end_finishes_without_failure(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    fake.stream.play(mixer.total_frames // 1024 + 2)
    assert engine.ended and engine.failure is None
    engine.stop(timeout=0.1)
    assert fake.stream.closed


def test_pause_stops_the_clock_once_faded(monkeypatch: pytest.MonkeyPatch, mixer: Mixer) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    fake.stream.play(5)
    engine.pause()
    fake.stream.play(2)
    assert engine.paused
    held = engine.position
    assert not fake.stream.play(3).any() and engine.position == held
    engine.resume()
    fake.stream.play(1)
    assert engine.position == held + 1024 and not engine.paused


def test_an_error_in_the_callback_becomes_a_failure_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer, caplog: pytest.LogCaptureFixture
) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None

    def broken(out: np.ndarray, start: int) -> None:
        raise MemoryError("no room")

    monkeypatch.setattr(mixer, "render_into", broken)
    with caplog.at_level(logging.ERROR):
        played = fake.stream.play(3)
    assert not played.any()
    assert engine.failure is not None and "MemoryError" in engine.failure
    assert "MemoryError" in caplog.text


def test_underruns_are_counted_and_logged(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer, caplog: pytest.LogCaptureFixture
) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    fake.stream.play(3, underflow=True)
    assert engine.underruns == 3
    with caplog.at_level(logging.WARNING):
        engine.log_health()
    assert "underruns: 3" in caplog.text


def test_a_device_that_stops_calling_back_is_noticed(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert engine.failure is None
    engine._last_callback -= engine_module.STALL_SECONDS + 1  # as if the device went quiet
    assert engine.failure == "The sound device stopped responding."


def test_volume_reaches_the_mix(monkeypatch: pytest.MonkeyPatch, mixer: Mixer) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    for layer in ("voice", "bells", "breath", "ambient"):
        engine.set_volume(layer, 0.0)
    fake.stream.play(2)  # the 30 ms glide down
    assert not fake.stream.play(5).any()


def test_finishing_early_rings_the_end_bell_then_ends_by_itself(
    monkeypatch: pytest.MonkeyPatch, mixer: Mixer
) -> None:
    fake = use(monkeypatch, FakeSoundDevice())
    engine = AudioEngine()
    engine.start(mixer)
    assert fake.stream is not None
    fake.stream.play(100)
    engine.finish_early(engine.position)
    played = fake.stream.play(1000)  # ends itself once the bell has rung out
    assert len(played) < 1000 * 1024 and played[:-1024].any()
    assert engine.ended and engine.failure is None
    engine.close()
    assert fake.stream.closed
