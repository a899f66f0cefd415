"""What the bundle leaves out, shared by the app's spec and the size benchmark's floor spec so
the two are always built the same way. Each entry was measured in a real build; the bundle smoke
test (tests/packaging/test_bundle.py) shows the app still starts, renders, practises and saves
without it. Read by PyInstaller specs, so it stays plain Python with no imports of the app.
"""

from __future__ import annotations

import sys
from pathlib import PurePath

# Python modules nothing in the app runs. PyInstaller follows every import it can see, and
# numpy, PySide6 and the standard library between them reach the debugger, the test runners,
# the network and the XML parser, none of which the app uses. The app is offline by design:
# leaving out ssl, http and asyncio also shows that nothing in it can reach the network.
UNUSED_MODULES = [
    # Qt modules: PySide6-Essentials ships some; a developer's environment may hold all of PySide6.
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    # numpy's build and test tools.
    "numpy.f2py",
    "numpy.testing",
    "numpy._core._multiarray_tests",
    # The standard library's debugger, test runners, interactive shells and GUI toolkit.
    "tkinter",
    "unittest",
    "doctest",
    "pdb",
    "pydoc",
    "readline",
    "curses",
    # Network, processes and parsers that no code path of the app reaches.
    "ssl",
    "http",
    "urllib.request",
    "ftplib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "multiprocessing",
    "concurrent",
    "xml",
    "sqlite3",
    "dbm",
    # cffi's compiler side, and pycparser and setuptools behind it (2.3 MB): only pycryptodomex
    # reaches for it, and falls back on ctypes without it. sounddevice, soundfile and argon2 load
    # their compiled parts through _cffi_backend alone, which stays.
    "cffi",
    "pycparser",
]

# Modules imported only from compiled code, which PyInstaller cannot read: numpy.random's
# bit generators seed themselves through `secrets`. Without the modules above, nothing else
# brings it in, and the first practice would fail (the bundle smoke test saw it).
HIDDEN_IMPORTS = ["secrets"]

# Linux system libraries that PyInstaller finds and copies but that must come from the system
# the app runs on. PortAudio is found by sounddevice through the system's library cache only,
# so a copy inside the bundle is never used unless the system has its own anyway; ALSA and JACK
# (and Berkeley DB, which JACK needs) must match the system's sound server and its plugins;
# libmvec belongs to the system's C library. AppImage's exclude list drops the same ones.
LINUX_SYSTEM_LIBRARIES = {
    "libportaudio.so.2",
    "libasound.so.2",
    "libjack.so.0",
    "libdb-5.3.so",
    "libmvec.so.1",
}


# CUPS and the TLS, DNS-SD and maths libraries it links, needed only by Qt's CUPS print plugin.
# Printing to a printer needs the system's CUPS anyway, and every desktop that has CUPS has
# these; without them the plugin does not load, and saving a letter as PDF still works.
LINUX_PRINTING_LIBRARIES = {
    "libcups.so.2",
    "libgnutls.so.30",
    "libp11-kit.so.0",
    "libunistring.so.2",
    "libgmp.so.10",
    "libnettle.so.8",
    "libhogweed.so.6",
    "libidn2.so.0",
    "libtasn1.so.6",
    "libavahi-client.so.3",
    "libavahi-common.so.3",
}


# pycryptodomex's compiled modules that the letters' AES-256-GCM loads: AES (with AES-NI where
# the processor has it), the ECB and CTR modes GCM is built on, GHASH (with CLMUL where it can),
# BLAKE2s (GCM compares tags through it) and the processor check. PyInstaller's hook copies all
# of the package's compiled modules, public-key maths and every other cipher and hash too
# (about 4 MB); each is loaded only when its algorithm is used, and no other one is. Seen in
# /proc/self/maps after sealing and opening; the bundle smoke test opens a sealed letter.
CRYPTODOME_MODULES_USED = {
    "Cryptodome/Cipher/_raw_aes",
    "Cryptodome/Cipher/_raw_aesni",
    "Cryptodome/Cipher/_raw_ecb",
    "Cryptodome/Cipher/_raw_ctr",
    "Cryptodome/Hash/_ghash_portable",
    "Cryptodome/Hash/_ghash_clmul",
    "Cryptodome/Hash/_BLAKE2s",
    "Cryptodome/Util/_cpuid_c",
}


def keep_binary(entry: tuple[str, str, str]) -> bool:
    """For PyInstaller's binaries list, whose entries are (name in the bundle, source, kind)."""
    path = PurePath(entry[0])
    if path.parts[0] == "Cryptodome":  # on every system: its modules are the same everywhere
        module = path.parent / path.name.split(".")[0]  # _raw_aes.abi3.so, _raw_aes.pyd
        return module.as_posix() in CRYPTODOME_MODULES_USED
    if not sys.platform.startswith("linux"):
        return True
    return path.name not in LINUX_SYSTEM_LIBRARIES and path.name not in LINUX_PRINTING_LIBRARIES
