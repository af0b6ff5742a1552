import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.resampling import interpolation_matrix, resize
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)
IMAGES = RNG.random((2, 4, 5, 3), dtype="float32")


def test_interpolation_rows_sum_to_one():
    for interpolation in ("nearest", "bilinear"):
        for n_in, n_out in [(4, 9), (9, 4), (3, 3)]:
            m = interpolation_matrix(n_in, n_out, interpolation)
            np.testing.assert_allclose(m.sum(axis=1), 1.0)


def test_nearest_upsampling_repeats():
    y = L.UpSampling2D((2, 3))(IMAGES).numpy()
    np.testing.assert_array_equal(y, IMAGES.repeat(2, axis=1).repeat(3, axis=2))
    assert L.UpSampling3D()(np.ones((1, 2, 2, 2, 1))).shape == (1, 4, 4, 4, 1)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_resize_gradient(interpolation):
    layer = L.Resizing(3, 7, interpolation=interpolation, dtype="float64")
    check_layer_gradients(layer, RNG.random((1, 4, 5, 2)))
    check_layer_gradients(L.UpSampling2D(2, interpolation="bilinear", dtype="float64"),
                          RNG.random((1, 2, 3, 1)))  # fmt: skip


def test_resizing_one_image_and_bad_arguments():
    assert L.Resizing(2, 3)(IMAGES[0]).shape == (2, 3, 3)
    assert resize(IMAGES, (4, 5), "bilinear") is not None
    with pytest.raises(ValueError, match="interpolation"):
        L.Resizing(2, 2, interpolation="bicubic")
    with pytest.raises(ValueError, match="antialias"):
        L.Resizing(2, 2, antialias=True)


@pytest.mark.reference
def test_resampling_matches_keras():
    keras = import_keras()
    kl = keras.layers
    seq, vol = RNG.random((2, 5, 3)), RNG.random((1, 2, 3, 2, 2))
    big = RNG.random((2, 9, 7, 2))
    cases = [
        (L.UpSampling1D(3), kl.UpSampling1D(3), seq),
        (L.UpSampling2D((2, 3)), kl.UpSampling2D((2, 3)), IMAGES),
        (L.UpSampling2D(2, interpolation="bilinear"),
         kl.UpSampling2D(2, interpolation="bilinear"), IMAGES),
        (L.UpSampling3D((1, 2, 3)), kl.UpSampling3D((1, 2, 3)), vol),
        (L.Resizing(7, 3), kl.Resizing(7, 3), IMAGES),
        (L.Resizing(3, 2, interpolation="nearest"),
         kl.Resizing(3, 2, interpolation="nearest"), big),
        (L.Resizing(4, 4, crop_to_aspect_ratio=True),
         kl.Resizing(4, 4, crop_to_aspect_ratio=True), big),
        (L.CenterCrop(3, 2), kl.CenterCrop(3, 2), big),
        (L.CenterCrop(6, 6), kl.CenterCrop(6, 6), IMAGES),  # smaller input: crop + resize
    ]  # fmt: skip
    for ours, theirs, x in cases:
        assert_matches_keras(ours, theirs, x)
