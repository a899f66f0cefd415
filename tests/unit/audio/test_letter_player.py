"""Playing a kept reading back: the voice in both ears, and the optional soft rain beneath it."""

import numpy as np

from compassion_app.audio.recorder import BED_LEVEL, BLOCKSIZE, Player

RATE = 48_000


def played(player, blocks):
    """What the callback writes for `blocks` blocks, as the device would receive it."""
    out = []
    for _ in range(blocks):
        block = np.zeros((BLOCKSIZE, 2), dtype=np.float32)
        player._callback(block, BLOCKSIZE, None, None)
        out.append(block)
    return np.concatenate(out)


def test_the_reading_plays_in_both_ears_exactly():
    voice = np.sin(np.arange(RATE * 2) / 20).astype(np.float32) * 0.3
    out = played(Player(voice, RATE), 40)
    assert np.array_equal(out[:, 0], voice[: len(out)])
    assert np.array_equal(out[:, 1], out[:, 0])


def test_the_rain_bed_lies_softly_under_the_voice_fading_in_and_out():
    voice = np.zeros(RATE * 6, dtype=np.float32)  # silence, so only the bed is heard
    bed = np.ones((RATE, 2), dtype=np.float32)  # RMS 1, like audio.synth.ambient
    player = Player(voice, RATE, bed=bed)
    out = played(player, len(voice) // BLOCKSIZE - 1)
    middle = out[RATE * 2 : RATE * 4]
    assert np.allclose(middle, BED_LEVEL)  # soft, steady, looping without a gap
    assert abs(out[0, 0]) < 0.001  # it fades in rather than starting abruptly
    assert out[RATE // 2, 0] < BED_LEVEL
    assert out[len(out) - 1, 0] < BED_LEVEL  # and fades out with the end of the reading
