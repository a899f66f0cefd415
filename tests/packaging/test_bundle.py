"""The bundle as people get it: packaging/build.py builds the one-folder app, and the tests run
the bundled executable itself - never the source - with a fresh data folder, offscreen and once
on a real X server (Xvfb), and play a practice through the real sound stream (ALSA into a file).

Slow: the first build in a fresh checkout also compiles numpy without BLAS (a few minutes of
CPU, see packaging/build.py); later builds reuse that wheel and take about a minute.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from compassion_app import __version__, messages
from compassion_app.paths import DataPaths
from compassion_app.store.db import Store
from compassion_app.store.passphrase import unlock
from helpers.script_module import script_module

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1500
SAMPLE_RATE = 48_000
SEALED_PASSPHRASE = "a quiet harbour at dawn"  # of tests/data/sealed-v1 (see its maker)
SEALED_LETTER_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
# PortAudio's default device, routed by ALSA's file plugin into a file of the stream's own float32
# frames (see tests/e2e/conftest.py). The bundle uses the system's PortAudio and ALSA, as it ships.
ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
ASOUNDRC = """\
pcm.!default {{ type plug  slave {{ pcm "tofile" }} }}
pcm.tofile {{ type file  slave.pcm "null"  file "{path}"  format "raw" }}
"""

pytestmark = [
    pytest.mark.slow,
    # The first test pays for the build: a fresh checkout compiles numpy once (see above).
    pytest.mark.timeout(BUILD_TIMEOUT_S + 300),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the smoke test runs on Linux"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built bundle's folder."""
    out = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out / "dist" / "compassion-app"


def bundle_rules():  # type: ignore[no-untyped-def]
    """packaging/bundle_rules.py, as the spec reads it: what the bundle holds and leaves out."""
    return script_module(ROOT / "packaging" / "bundle_rules.py", "bundle_rules")


def environment(home: Path) -> dict[str, str]:
    """Offscreen, with a home and a runtime folder of its own, and none of the test's Python."""
    home.mkdir(parents=True, exist_ok=True)
    # Short, as /run/user/ID is: the window's socket path must fit a socket address (108 bytes),
    # which a runtime folder deep in pytest's temporary tree does not.
    digest = hashlib.sha1(str(home).encode()).hexdigest()[:12]
    runtime = Path(tempfile.gettempdir()) / f"cc-run-{digest}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    leaks = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    clean = {key: value for key, value in os.environ.items() if key not in leaks}
    return clean | {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
    }


def run_bundle(
    bundle: Path, *args: str, home: Path, timeout: float = 120, given: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "compassion-app"), *args], input=given,
        env=environment(home), capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def run_source(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compassion_app", *args], capture_output=True, text=True, timeout=120
    )


def wait_for(condition, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_bundle_says_its_version_and_lists_every_exercise(bundle, tmp_path):
    version = run_bundle(bundle, "--version", home=tmp_path)
    assert version.stdout.strip() == f"compassion-app {__version__}", version.stderr
    listed = run_bundle(bundle, "list", home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    # Every exercise script travelled into the bundle: the same list as from the source.
    assert listed.stdout == run_source("list").stdout
    assert listed.stdout.count("\n") >= 5


def test_the_bundle_renders_a_guided_practice_as_the_source_does(bundle, tmp_path):
    """Rendering needs numpy, libsndfile (Ogg Vorbis in, FLAC out) and the bundled voice clips."""
    from_bundle, from_source = tmp_path / "bundle.flac", tmp_path / "source.flac"
    rendered = run_bundle(
        bundle, "render", "calm-place", "--minutes", "3", "--out", str(from_bundle), home=tmp_path
    )
    assert rendered.returncode == 0, rendered.stderr
    assert (
        run_source("render", "calm-place", "--minutes", "3", "--out", str(from_source)).returncode
        == 0
    )
    ours, _ = soundfile.read(from_bundle, dtype="float32")
    theirs, _ = soundfile.read(from_source, dtype="float32")
    assert ours.shape == theirs.shape
    assert np.sqrt(np.mean(theirs**2)) > 0.005  # there is something to compare: voice and bells
    # numpy without BLAS may round the last bit of a sample differently; nothing more.
    assert np.max(np.abs(ours - theirs)) < 1e-3
    ogg = tmp_path / "walk.ogg"
    assert run_bundle(bundle, "render", "soothing-rhythm-breathing", "--minutes", "1", "--out",
                      str(ogg), home=tmp_path).returncode == 0  # fmt: skip
    assert soundfile.info(str(ogg)).format == "OGG"


def test_the_bundle_opens_letters_sealed_with_a_passphrase(bundle, tmp_path):
    """AES-GCM (pycryptodomex, only its AES and GCM modules) and Argon2id (argon2-cffi) travelled
    into the bundle: with the passphrase, it opens the files that the first version sealed
    (tests/data/sealed-v1), adds a version to a sealed letter and seals a new one; a wrong
    passphrase changes nothing."""
    data = Path(shutil.copytree(ROOT / "tests" / "data" / "sealed-v1", tmp_path / "data"))
    times = {"created_utc": "2026-11-20T08:30:00+00:00", "updated_utc": "2026-11-22T08:00:00+00:00"}
    third = {"id": SEALED_LETTER_ID, "title": "To the part of me that worries", "version": 3,
             "body": "Dear one, rest.", **times}  # fmt: skip
    brought = {"id": "brought-in", "title": "From a friend", "body": "Gently does it.",
               "version": 1, **times}  # fmt: skip
    exchange = tmp_path / "brought.json"
    exchange.write_text(json.dumps({"format": "compassion-companion", "version": 1,
                                    "letters": [third, brought]}))  # fmt: skip
    command, home = ("--data-dir", str(data), "import", str(exchange)), tmp_path / "home"
    before = (data / "letters" / f"{SEALED_LETTER_ID}.json").read_bytes()
    wrong = run_bundle(bundle, *command, home=home, given="a loud harbour\n")
    assert wrong.returncode == 1
    assert messages.LETTER_WRONG_PASSPHRASE in wrong.stderr
    assert (data / "letters" / f"{SEALED_LETTER_ID}.json").read_bytes() == before
    imported = run_bundle(bundle, *command, home=home, given=SEALED_PASSPHRASE + "\n")
    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in wrong.stderr + imported.stderr
    assert b"Gently" not in (data / "letters" / "brought-in.json").read_bytes()
    with Store.open(DataPaths(data).store) as store:  # read back by the source, as sealed there
        store.set_letter_cipher(unlock(data, SEALED_PASSPHRASE))
        versions = [letter.body for letter in store.letter_versions(SEALED_LETTER_ID)]
        assert store.letter("brought-in").body == "Gently does it."
    assert versions[0].startswith("Dear one, I see how hard you try.")
    assert versions[1:] == ["Dear one, I see how hard you try, and you may rest now. 你好 😊",
                            "Dear one, rest."]  # fmt: skip


def check_window(bundle: Path, tmp_path: Path, display: dict[str, str]) -> None:
    """Open the bundled window, find it answering a second launch, stop it with SIGTERM."""
    data, home = tmp_path / "data", tmp_path / "home"
    command = [str(bundle / "compassion-app"), "--data-dir", str(data)]
    first = subprocess.Popen(command, env=environment(home) | display, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        # The store is opened once the first copy holds the folder's lock: from then on, another
        # launch defers to it instead of becoming the first.
        assert wait_for(lambda: DataPaths(data).store.exists())
        # The window listens for a second launch only once it has painted, through QtNetwork's
        # local socket: the second launch's words say the first one answered.
        assert wait_for(
            lambda: messages.ALREADY_OPEN in run_bundle(bundle, *command[1:], home=home).stdout
        )
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        _, errors = first.communicate(timeout=30)
    # The app's own handler ran (saved, then quit with 128 + the signal): it was not just killed.
    assert first.returncode == 128 + signal.SIGTERM, errors
    text = DataPaths(data).log.read_text(encoding="utf-8")
    assert "starting; data in" in text
    assert "Traceback" not in text and "Traceback" not in errors


def test_the_bundled_window_opens_once_per_data_folder_and_closes_on_sigterm(bundle, tmp_path):
    check_window(bundle, tmp_path, {})


def test_the_bundled_window_opens_on_a_real_x_server(bundle, tmp_path):
    """Qt's xcb plugin from the bundle, with the system's X libraries, as on a Linux desktop."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()  # Xvfb writes its display number when ready
        assert number, "Xvfb did not start"
        check_window(bundle, tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"})
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_bundle_leaves_out_what_it_should_not_carry(bundle):
    """The lean rules held: no BLAS, no copy of the system's sound libraries, no test tools."""
    names = {path.name for path in bundle.rglob("*")}
    assert not [name for name in names if "openblas" in name or "gfortran" in name]
    system = {"libasound.so.2", "libjack.so.0", "libportaudio.so.2", "libmvec.so.1", "libcups.so.2"}
    assert not names & system
    assert not (bundle / "_internal" / "numpy" / "f2py").exists()
    assert (bundle / "_internal" / "LICENSE").is_file()
    # The letters' ciphers: pycryptodomex's AES and GCM modules only, no cffi compiler behind it.
    assert not (bundle / "_internal" / "cryptography").exists()
    compiled = (bundle / "_internal").glob("Cryptodome/**/*.so")
    modules = {str(path.relative_to(bundle / "_internal")).split(".")[0] for path in compiled}
    assert modules == bundle_rules().CRYPTODOME_MODULES_USED
    assert not [name for name in names if name.startswith(("pycparser", "setuptools"))]


def test_every_asset_is_in_the_bundle_unchanged(bundle):
    assets, bundled = ROOT / "assets", bundle / "_internal" / "assets"
    expected = {p.relative_to(assets): p for p in assets.rglob("*") if p.is_file()}
    found = {p.relative_to(bundled): p for p in bundled.rglob("*") if p.is_file()}
    assert sorted(found) == sorted(expected)
    assert all(found[name].read_bytes() == path.read_bytes() for name, path in expected.items())


def test_the_bundle_practises_with_real_sound_and_saves_the_practice(bundle, tmp_path):
    if not ALSA_CONF.is_file() or ctypes.util.find_library("portaudio") is None:
        pytest.skip("needs ALSA and PortAudio (apt-get install libportaudio2)")
    data, played = tmp_path / "data", tmp_path / "played.f32"
    (tmp_path / "asoundrc").write_text(ASOUNDRC.format(path=played))
    with Store.open(DataPaths(data).store) as store:
        store.set_setting("preferences", {"checkins": False})  # straight into the practice
    sound = {"ALSA_CONFIG_PATH": f"{ALSA_CONF}:{tmp_path / 'asoundrc'}"}
    command = [str(bundle / "compassion-app"), "--data-dir", str(data), "practice",
               "soothing-rhythm-breathing", "--minutes", "1"]  # fmt: skip
    app = subprocess.Popen(command, env=environment(tmp_path / "home") | sound,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        # ALSA's file sink does not pace the stream: the minute plays out in seconds of wall time.
        a_minute = 60 * SAMPLE_RATE * 2 * 4
        assert wait_for(lambda: played.exists() and played.stat().st_size >= a_minute, 60)
    finally:
        app.send_signal(signal.SIGTERM)  # the app saves what was practised, then quits
        _, errors = app.communicate(timeout=30)
    assert app.returncode == 128 + signal.SIGTERM, errors
    frames = np.fromfile(played, dtype=np.float32).reshape(-1, 2)
    assert np.sqrt(np.mean(frames[: 60 * SAMPLE_RATE] ** 2)) > 0.005  # voice, breath and bells
    with Store.open(DataPaths(data).store) as store:
        (practice,) = store.practices()
    assert practice.exercise_id == "soothing-rhythm-breathing"
    assert practice.actual_seconds >= 1
