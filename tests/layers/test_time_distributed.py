"""Tests for TimeDistributed."""

import numpy as np

from kerasedu.layers import Conv2D, Dense, TimeDistributed
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

RNG = np.random.default_rng(4)


def test_dense_applied_to_every_step():
    td = TimeDistributed(Dense(3), dtype="float64")
    x = RNG.standard_normal((2, 5, 4))
    y = td(x).numpy()
    kernel, bias = td.get_weights()
    np.testing.assert_allclose(y, x @ kernel + bias, rtol=1e-6)
    assert td.compute_output_shape((None, 5, 4)) == (None, 5, 3)
    assert len(td.weights) == 2


def test_conv_inside_and_gradients():
    td = TimeDistributed(Conv2D(2, 2, dtype="float64"), dtype="float64")
    assert td(np.ones((1, 3, 4, 4, 1))).shape == (1, 3, 3, 3, 2)
    check_layer_gradients(
        TimeDistributed(Dense(2, dtype="float64"), dtype="float64"), RNG.standard_normal((2, 3, 2))
    )


def test_config_round_trip():
    check_config_round_trip(
        TimeDistributed(Dense(4, activation="relu")),
        RNG.standard_normal((2, 3, 5)).astype("float32"),
    )
