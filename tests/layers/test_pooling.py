"""Tests for the pooling layers."""

import numpy as np
import pytest

from kerasedu.layers import (
    AveragePooling1D,
    AveragePooling2D,
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    MaxPool2D,
    MaxPooling1D,
    MaxPooling2D,
)
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

X = np.random.default_rng(0).standard_normal((2, 5, 6, 3))


def test_max_pooling2d_values_and_default_strides():
    layer = MaxPooling2D()
    y = layer(X).numpy()
    assert y.shape == (2, 2, 3, 3) and layer.strides == (2, 2)
    expected = X[:, :4, :6].reshape(2, 2, 2, 3, 2, 3).max(axis=(2, 4))
    np.testing.assert_allclose(y, expected, rtol=1e-6)
    assert layer.compute_output_shape(X.shape) == y.shape


def test_same_padding_average_counts_real_cells_only():
    x = np.ones((1, 3, 3, 1))
    y = AveragePooling2D(2, padding="same")(x).numpy()
    assert y.shape == (1, 2, 2, 1) and np.all(y == 1.0)
    layer = MaxPooling2D(3, strides=2, padding="same")
    assert layer(X).shape == layer.compute_output_shape(X.shape) == (2, 3, 3, 3)


def test_pooling1d():
    x = np.arange(12.0).reshape(1, 6, 2)
    assert MaxPooling1D(3)(x).numpy()[0].tolist() == [[4.0, 5.0], [10.0, 11.0]]
    assert AveragePooling1D(2, strides=1)(x).shape == (1, 5, 2)
    assert MaxPooling1D().compute_output_shape((None, None, 4)) == (None, None, 4)


def test_global_pooling():
    np.testing.assert_allclose(
        GlobalAveragePooling2D()(X).numpy(), X.mean(axis=(1, 2)), rtol=1e-5, atol=1e-6
    )
    np.testing.assert_allclose(GlobalMaxPooling2D()(X).numpy(), X.max(axis=(1, 2)), rtol=1e-6)
    seq = X[:, 0]
    assert GlobalMaxPooling1D(keepdims=True)(seq).shape == (2, 1, 3)
    assert GlobalAveragePooling1D().compute_output_shape((None, 7, 3)) == (None, 3)


@pytest.mark.parametrize(
    "layer",
    [
        MaxPooling2D(padding="same"),
        AveragePooling2D(2, strides=1),
        GlobalAveragePooling2D(),
        GlobalMaxPooling2D(),
    ],
)
def test_pooling_gradients(layer):
    layer.dtype = "float64"
    check_layer_gradients(layer, X[:1, :4, :4, :2])


def test_config_round_trip_and_alias():
    assert MaxPool2D is MaxPooling2D
    check_config_round_trip(MaxPooling2D((3, 2), strides=1, padding="same"), X)
    check_config_round_trip(GlobalAveragePooling2D(keepdims=True), X)


def test_wrong_rank_raises():
    layer = MaxPooling2D(name="pool_a")
    with pytest.raises(ValueError, match="pool_a"):
        layer(np.ones((2, 4, 4)))


def test_keras1_pool_length_warns():
    with pytest.warns(DeprecationWarning, match="pool_size"):
        layer = MaxPooling1D(pool_length=3, stride=1, border_mode="same")
    assert (layer.pool_size, layer.strides, layer.padding) == ((3,), (1,), "same")
