import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.random_affine import FILL_MODES, affine_transform
from kerasedu.models import Sequential
from tests.layers.keras_reference import assert_matches_keras, import_keras

RNG = np.random.default_rng(0)
IMAGES = RNG.random((2, 5, 6, 3)).astype("float32") * 255


def test_quarter_turn_and_identity_at_inference():
    square = IMAGES[:, :5, :5]
    turned = L.RandomRotation((0.25, 0.25), interpolation="nearest")(square).numpy()
    np.testing.assert_allclose(turned, np.rot90(square, k=1, axes=(1, 2)), atol=1e-3)
    for layer in [L.RandomRotation(0.2), L.RandomTranslation(0.2, 0.2), L.RandomZoom(0.3)]:
        np.testing.assert_array_equal(layer(IMAGES, training=False).numpy(), IMAGES)
        assert layer(IMAGES).shape == IMAGES.shape and layer(IMAGES[0]).shape == IMAGES[0].shape


def test_seeded_layers_repeat_their_draws():
    a, b = L.RandomZoom(0.3, seed=3), L.RandomZoom(0.3, seed=3)
    np.testing.assert_array_equal(a(IMAGES).numpy(), b(IMAGES).numpy())


@pytest.mark.reference
def test_affine_transform_matches_keras_ops():
    keras = import_keras()
    maps = np.array(
        [[0.9, -0.3, 1.2, 0.25, 1.1, -0.7, 0, 0], [1.3, 0.2, -2.0, -0.1, 0.8, 1.5, 0, 0]]
    )
    for fill_mode in FILL_MODES:
        for interpolation in ["nearest", "bilinear"]:
            ours = affine_transform(IMAGES, maps, interpolation, fill_mode, 7.0)
            theirs = keras.ops.image.affine_transform(
                IMAGES, maps.astype("float32"), interpolation, fill_mode, 7.0
            )
            np.testing.assert_allclose(ours, np.asarray(theirs), atol=1e-3, err_msg=fill_mode)


@pytest.mark.reference
def test_fixed_draws_match_keras():
    kl = import_keras().layers
    cases = [  # a zero-width range makes the random draw a constant
        ("RandomRotation", {"factor": (0.1, 0.1)}),
        ("RandomRotation", {"factor": (-0.3, -0.3), "fill_mode": "constant", "fill_value": 3.0}),
        ("RandomTranslation", {"height_factor": (0.2, 0.2), "width_factor": (-0.3, -0.3),
                               "fill_mode": "wrap"}),
        ("RandomZoom", {"height_factor": (0.3, 0.3), "width_factor": (-0.2, -0.2),
                        "interpolation": "nearest"}),
        ("RandomZoom", {"height_factor": (-0.4, -0.4), "fill_mode": "nearest"}),
    ]  # fmt: skip
    for name, kwargs in cases:
        assert_matches_keras(getattr(L, name)(**kwargs), getattr(kl, name)(**kwargs), IMAGES,
                             atol=1e-3, training=True)  # fmt: skip


def test_augmentation_only_in_fit_not_in_predict():
    model = Sequential([L.Input((5, 6, 3)), L.RandomRotation(0.3), L.RandomZoom(0.2)])
    np.testing.assert_allclose(model.predict(IMAGES, verbose=0), IMAGES, rtol=1e-6)
    assert not np.allclose(model(IMAGES).numpy(), IMAGES)  # a direct call augments, as Keras
