"""Tests for LeakyReLU, PReLU, ELU, ThresholdedReLU, ReLU and Softmax layers."""

import numpy as np
import pytest

from kerasedu.layers import ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

X = np.array([[-2.0, -0.5, 0.0, 0.5, 1.0, 3.0, 8.0]])


def test_leaky_relu_default_and_legacy_alpha():
    np.testing.assert_allclose(LeakyReLU(dtype="float64")(X).numpy(), np.where(X > 0, X, 0.3 * X))
    with pytest.warns(DeprecationWarning, match="negative_slope"):
        layer = LeakyReLU(alpha=0.1)
    assert layer.negative_slope == 0.1


def test_prelu_alpha_per_element_and_shared_axes():
    layer = PReLU(name="p")
    layer(np.ones((2, 4, 4, 3)))
    assert layer.weights[0].name == "p/alpha" and layer.get_weights()[0].shape == (4, 4, 3)
    shared = PReLU(shared_axes=[1, 2], alpha_initializer="constant")
    shared.alpha_initializer.value = 0.25
    y = shared(np.full((1, 2, 2, 3), -4.0)).numpy()
    assert shared.get_weights()[0].shape == (1, 1, 3) and np.all(y == -1.0)


def test_prelu_gradients():
    layer = PReLU(dtype="float64", alpha_initializer="random_normal")
    check_layer_gradients(layer, np.array([[-1.5, 0.7, -0.3], [2.0, -2.0, 0.4]]))


def test_elu_and_thresholded_relu():
    np.testing.assert_allclose(
        ELU(alpha=0.5, dtype="float64")(X).numpy(), np.where(X > 0, X, 0.5 * (np.exp(X) - 1))
    )
    np.testing.assert_array_equal(
        ThresholdedReLU(1.0, dtype="float64")(X).numpy(), np.where(X > 1.0, X, 0.0)
    )


def test_relu_layer_options():
    y = ReLU(max_value=6.0, negative_slope=0.1, threshold=1.0, dtype="float64")(X).numpy()
    expected = np.where(X > 1.0, np.minimum(X, 6.0), 0.1 * (X - 1.0))
    np.testing.assert_allclose(y, expected)
    assert ReLU(threshold=1.0)(np.array([[1.0]])).numpy()[0, 0] == 0.0  # strictly above passes


def test_relu_rejects_negative_arguments():
    with pytest.raises(ValueError, match="threshold"):
        ReLU(threshold=-1.0)
    with pytest.raises(ValueError, match="max_value"):
        ReLU(max_value=-1.0)
    with pytest.raises(ValueError, match="negative_slope"):
        LeakyReLU(negative_slope=-0.1)


def test_softmax_layer_axis():
    x = np.arange(6.0).reshape(2, 3)
    y = Softmax(axis=0)(x).numpy()
    np.testing.assert_allclose(y.sum(axis=0), np.ones(3), rtol=1e-6)


@pytest.mark.parametrize(
    "layer",
    [
        LeakyReLU(0.1),
        PReLU(shared_axes=[1]),
        ELU(0.7),
        ThresholdedReLU(0.5),
        ReLU(6.0, 0.2, 0.5),
        Softmax(-1),
    ],
)
def test_config_round_trip(layer):
    check_config_round_trip(
        layer, np.random.default_rng(0).standard_normal((2, 3, 4)).astype("float32")
    )


@pytest.mark.reference
def test_softmax_with_a_mask_matches_keras_3():
    from tests.layers.keras_reference import import_keras

    keras = import_keras()
    x = np.random.randn(2, 3, 4).astype("float32")
    mask = np.array([[1, 1, 0, 0], [0, 0, 0, 0]], bool)[:, None, :]  # row 2: all masked
    theirs = np.asarray(keras.layers.Softmax()(x, mask=mask))
    ours = Softmax()(x, mask=mask).numpy()
    np.testing.assert_allclose(ours, theirs, atol=1e-6)
    assert (ours[1] == 0).all()
