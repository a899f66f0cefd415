"""packaging/bundle_rules.py's list of pycryptodomex modules, checked without building anything:
each one exists, the letters' ciphers load no other, and the spec's filter keeps exactly them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.script_module import script_module

ROOT = Path(__file__).resolve().parents[2]

SEAL_AND_OPEN = """
import os
from compassion_app.store.passphrase import SealedCipher, _derive, KdfCost
cipher = SealedCipher(os.urandom(32))
assert cipher.decrypt(cipher.encrypt(b"words" * 1000)) == b"words" * 1000
_derive("passphrase", os.urandom(16), KdfCost(8192, 1, 1))
maps = open("/proc/self/maps").read()
print("\\n".join(sorted({line.split()[-1] for line in maps.splitlines() if "Cryptodome" in line})))
"""


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return script_module(ROOT / "packaging" / "bundle_rules.py", "bundle_rules")


def test_every_module_kept_is_in_the_installed_pycryptodomex(rules) -> None:
    import Cryptodome

    package = Path(Cryptodome.__file__).parent.parent
    for module in rules.CRYPTODOME_MODULES_USED:
        assert list(package.glob(f"{module}.*")), f"{module} is not in pycryptodomex any more"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads Linux's /proc")
def test_sealing_and_opening_load_no_module_the_bundle_leaves_out(rules) -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", SEAL_AND_OPEN], capture_output=True, text=True, timeout=60
    )
    assert loaded.returncode == 0, loaded.stderr
    package = "/Cryptodome/"
    names = {path.split(package)[-1].split(".")[0] for path in loaded.stdout.split()}
    assert names, "the ciphers loaded nothing from pycryptodomex: is it still what they use?"
    assert {f"Cryptodome/{name}" for name in names} <= rules.CRYPTODOME_MODULES_USED


def test_the_spec_keeps_the_ciphers_modules_and_drops_the_rest(rules) -> None:
    def kept(name: str) -> bool:
        return rules.keep_binary((name, "/anywhere/" + name, "EXTENSION"))

    assert kept("Cryptodome/Cipher/_raw_aes.abi3.so")
    assert kept("Cryptodome/Hash/_ghash_clmul.pyd")  # Windows names them .pyd
    assert not kept("Cryptodome/Cipher/_raw_des3.abi3.so")
    assert not kept("Cryptodome/PublicKey/_ec_ws.abi3.so")
    assert kept("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so")
