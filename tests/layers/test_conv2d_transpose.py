"""Tests for Conv2DTranspose."""

import numpy as np

from kerasedu.layers import Conv2DTranspose
from tests.layers.layer_checks import check_layer_gradients


def test_conv2d_transpose_shape_and_gradients():
    layer = Conv2DTranspose(3, 3, strides=2, padding="same", dtype="float64")
    x = np.random.default_rng(3).standard_normal((1, 3, 3, 2))
    assert layer(x).shape == (1, 6, 6, 3)
    assert layer.get_weights()[0].shape == (3, 3, 3, 2)
    assert layer.compute_output_shape((None, 3, 3, 2)) == (None, 6, 6, 3)
    valid = Conv2DTranspose(1, 3, strides=2)
    assert (
        valid(np.ones((1, 3, 3, 1))).shape
        == valid.compute_output_shape((1, 3, 3, 1))
        == (1, 7, 7, 1)
    )
    check_layer_gradients(layer, x)
