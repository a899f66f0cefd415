"""How much of the app's own sound the echo removal expects to hear back, learned while the person
is breathing over it."""

from __future__ import annotations

import numpy as np
import pytest

from compassion_app.core.breath_echo import EchoEstimate

EDGES = [4, 8, 16, 32, 64]  # four bands of FFT bins
FRAME_SECONDS = 0.02


def noise(rng: np.random.Generator, bins: int) -> np.ndarray:
    return rng.standard_normal(bins) + 1j * rng.standard_normal(bins)


@pytest.mark.parametrize("person_db", [-20.0, 0.0, 12.0])
def test_the_persons_breath_is_not_learned_as_the_apps_echo(person_db):
    """The app plays a steady sound (the same power in every frame, a new phase each time) that
    comes back at a quarter of its power; the person's own sound, unrelated to it, is heard over
    it. The echo expected is the true one, within 2 dB, however loud the person is: were the
    person's sound learned as echo, it would be taken away with it and the breath not heard."""
    rng = np.random.default_rng(5)
    estimate = EchoEstimate(EDGES, FRAME_SECONDS)
    bins = EDGES[-1]
    coupling = 0.25
    person = 10 ** (person_db / 20) * np.sqrt(coupling)
    floor = np.full(len(EDGES) - 1, 1e-6)
    for _ in range(round(12 / FRAME_SECONDS)):
        played = np.exp(2j * np.pi * rng.random(bins))
        heard = np.sqrt(coupling) * played + person * noise(rng, bins) / np.sqrt(2)
        echo = estimate.update(heard, played, floor, delay=0)
    true_echo = coupling * np.diff(EDGES)
    assert 10 * np.log10(echo / true_echo) == pytest.approx(np.zeros(len(true_echo)), abs=2.0)


def test_until_the_delay_is_known_the_echo_is_taken_to_be_loud():
    estimate = EchoEstimate(EDGES, FRAME_SECONDS)
    played = np.ones(EDGES[-1], dtype=np.complex128)
    echo = estimate.update(played, played, np.zeros(len(EDGES) - 1), delay=None)
    assert np.all(echo > 5 * np.diff(EDGES))
