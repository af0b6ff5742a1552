import numpy as np
import pytest

from kerasedu import layers as L
from tests.layers.keras_reference import assert_matches_keras, import_keras

RNG = np.random.default_rng(0)
IMAGES = RNG.random((6, 4, 5, 3)).astype("float32") * 255


def test_flip_gives_the_image_or_its_mirror():
    for mode, flipped in [("horizontal", IMAGES[:, :, ::-1]), ("vertical", IMAGES[:, ::-1]),
                          ("horizontal_and_vertical", IMAGES[:, ::-1, ::-1])]:  # fmt: skip
        y = L.RandomFlip(mode, seed=0)(IMAGES).numpy()
        same = [np.array_equal(a, b) for a, b in zip(y, IMAGES)]
        mirrored = [np.array_equal(a, b) for a, b in zip(y, flipped)]
        assert all(s or m for s, m in zip(same, mirrored)) and any(mirrored)


def test_contrast_and_brightness_stay_in_range_and_keep_inference():
    for layer in [L.RandomContrast(0.9, seed=1), L.RandomBrightness(0.9, seed=1)]:
        y = layer(IMAGES).numpy()
        assert y.min() >= 0 and y.max() <= 255 and not np.allclose(y, IMAGES)
        np.testing.assert_array_equal(layer(IMAGES, training=False).numpy(), IMAGES)
    with pytest.raises(ValueError, match="factor"):
        L.RandomBrightness(1.5)


@pytest.mark.reference
def test_fixed_draws_match_keras():
    kl = import_keras().layers
    cases = [  # a zero-width range makes the random draw a constant
        ("RandomContrast", {"factor": (-0.0, 0.0)}),
        ("RandomBrightness", {"factor": (0.1, 0.1)}),
        ("RandomBrightness", {"factor": (-0.3, -0.3), "value_range": (0, 100)}),
    ]
    for name, kwargs in cases:
        assert_matches_keras(getattr(L, name)(**kwargs), getattr(kl, name)(**kwargs), IMAGES,
                             atol=1e-3, training=True)  # fmt: skip
    ours, theirs = L.RandomFlip("horizontal"), kl.RandomFlip("horizontal")
    assert {k: ours.get_config()[k] for k in ("mode", "seed")} == {
        k: theirs.get_config()[k] for k in ("mode", "seed")
    }
