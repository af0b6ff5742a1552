"""`kerasedu.ops.image`: resize and extract_patches against hand-made patches, finite
differences and (where installed) keras.ops.image."""

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import gradcheck
from kerasedu.ops import image
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(0)
IMAGES = RNG.random((2, 6, 5, 3), dtype="float32")


def test_patches_tile_the_image_in_keras_order():
    x = np.arange(2 * 4 * 4 * 3, dtype="float32").reshape(2, 4, 4, 3)
    patches = image.extract_patches(x, 2).numpy()
    assert patches.shape == (2, 2, 2, 12)
    np.testing.assert_array_equal(patches[1, 1, 0], x[1, 2:4, 0:2, :].ravel())
    assert image.extract_patches(x[0], (2, 1), strides=1).shape == (3, 4, 6)  # one image


def test_same_padding_dilation_and_strides_give_keras_counts():
    assert image.extract_patches(IMAGES, 4, padding="same").shape == (2, 2, 2, 48)
    assert image.extract_patches(IMAGES, 2, strides=1, dilation_rate=2).shape == (2, 4, 3, 12)
    dilated = image.extract_patches(IMAGES, 2, strides=1, dilation_rate=2).numpy()
    np.testing.assert_array_equal(dilated[0, 0, 0], IMAGES[0, 0:4:2, 0:4:2, :].ravel())


def test_resize_keeps_the_layer_rules_and_refuses_other_layouts():
    resized = image.resize(IMAGES, (12, 10))
    assert resized.shape == (2, 12, 10, 3)
    np.testing.assert_allclose(resized.numpy().mean(), IMAGES.mean(), rtol=0.02)
    assert image.resize(IMAGES[0], (3, 3), crop_to_aspect_ratio=True).shape == (3, 3, 3)
    with pytest.raises(ValueError, match="channels_last"):
        image.resize(IMAGES, (3, 3), data_format="channels_first")
    with pytest.raises(ValueError, match=r"\(N, H, W, C\)"):
        image.extract_patches(np.ones((4, 4)), 2)
    assert ops.image is image


@pytest.mark.parametrize(
    "fn",
    [
        lambda x: image.extract_patches(x, 2, strides=1, padding="same"),
        lambda x: image.resize(x, (4, 7)),
    ],
    ids=["extract_patches", "resize"],
)
def test_gradients_match_finite_differences(fn):
    assert gradcheck(fn, [IMAGES[:1, :4, :4, :2].astype("float64")])


@pytest.mark.reference
@pytest.mark.parametrize(
    "kwargs",
    [
        {"size": 2},
        {"size": (3, 2), "strides": (1, 2)},
        {"size": 4, "padding": "same"},
        {"size": 2, "strides": 1, "dilation_rate": 2},
    ],
)
def test_extract_patches_matches_keras(kwargs):
    kops = import_keras().ops
    expected = kops.convert_to_numpy(kops.image.extract_patches(IMAGES, **kwargs))
    np.testing.assert_allclose(image.extract_patches(IMAGES, **kwargs).numpy(), expected)


@pytest.mark.reference
@pytest.mark.parametrize(
    "kwargs",
    [
        {"size": (12, 10)},
        {"size": (3, 2), "interpolation": "nearest"},
        {"size": (4, 4), "crop_to_aspect_ratio": True},
    ],
)
def test_resize_matches_keras(kwargs):
    kops = import_keras().ops
    expected = kops.convert_to_numpy(kops.image.resize(IMAGES, **kwargs))
    np.testing.assert_allclose(image.resize(IMAGES, **kwargs).numpy(), expected, atol=1e-5)
