"""Tests for LayerNormalization."""

import numpy as np
import pytest

from kerasedu.layers import LayerNormalization
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients


def test_normalises_each_sample():
    x = np.random.default_rng(0).normal(3.0, 2.0, size=(4, 6))
    y = LayerNormalization(dtype="float64")(x).numpy()
    expected = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-3)
    np.testing.assert_allclose(y, expected, rtol=1e-10)


def test_weights_and_multiple_axes():
    layer = LayerNormalization(axis=[1, 2], name="ln")
    x = np.random.default_rng(1).standard_normal((2, 3, 4)).astype("float32")
    y = layer(x).numpy()
    assert [w.name for w in layer.weights] == ["ln/gamma", "ln/beta"]
    assert layer.get_weights()[0].shape == (3, 4)
    np.testing.assert_allclose(y.mean(axis=(1, 2)), np.zeros(2), atol=1e-5)


def test_gradients():
    layer = LayerNormalization(dtype="float64", gamma_initializer="random_normal")
    check_layer_gradients(layer, np.random.default_rng(2).standard_normal((3, 4)))


def test_config_round_trip_and_errors():
    x = np.ones((2, 5), dtype="float32") * np.arange(5)
    check_config_round_trip(LayerNormalization(epsilon=1e-5, center=False), x)
    layer = LayerNormalization(name="ln_b")
    layer(x)
    with pytest.raises(ValueError, match="ln_b"):
        layer(np.ones((2, 6)))
