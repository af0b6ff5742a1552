"""Tests for BatchNormalization: training vs inference, moving statistics, weights."""

import numpy as np
import pytest

from kerasedu.layers import BatchNormalization
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

X = np.random.default_rng(0).normal(2.0, 3.0, size=(8, 4)).astype("float32")


def test_weights_order_names_and_count():
    bn = BatchNormalization(name="bn")
    bn(X)
    assert [w.name for w in bn.weights] == [
        "bn/gamma",
        "bn/beta",
        "bn/moving_mean",
        "bn/moving_variance",
    ]
    assert [w.name for w in bn.trainable_weights] == ["bn/gamma", "bn/beta"]
    assert bn.count_params() == 16


def test_training_uses_batch_stats_and_updates_moving_stats():
    bn = BatchNormalization(momentum=0.9, epsilon=1e-3)
    y = bn(X, training=True).numpy()
    mean, var = X.mean(axis=0), X.var(axis=0)  # biased variance
    np.testing.assert_allclose(y, (X - mean) / np.sqrt(var + 1e-3), rtol=1e-4, atol=1e-5)
    moving_mean, moving_var = bn.get_weights()[2:]
    np.testing.assert_allclose(moving_mean, 0.1 * mean, rtol=1e-5)
    np.testing.assert_allclose(moving_var, 0.9 + 0.1 * var, rtol=1e-5)


def test_inference_by_default_uses_moving_stats_and_does_not_update():
    bn = BatchNormalization()
    bn(X, training=True)
    gamma, beta, mm, mv = bn.get_weights()
    y = bn(X).numpy()
    np.testing.assert_allclose(y, gamma * (X - mm) / np.sqrt(mv + 1e-3) + beta, rtol=1e-5)
    np.testing.assert_array_equal(bn.get_weights()[2], mm)
    bn(X, training=False)
    np.testing.assert_array_equal(bn.get_weights()[3], mv)


def test_frozen_layer_runs_in_inference_mode():
    bn = BatchNormalization(trainable=False)
    y = bn(X, training=True).numpy()
    np.testing.assert_allclose(y, X / np.sqrt(1 + 1e-3), rtol=1e-5)
    assert bn.trainable_weights == [] and len(bn.non_trainable_weights) == 4


def test_images_normalise_per_channel():
    x = np.random.default_rng(1).standard_normal((4, 3, 3, 2)) * [1.0, 5.0] + [0.0, 7.0]
    y = BatchNormalization(epsilon=0.0)(x, training=True).numpy()
    np.testing.assert_allclose(y.mean(axis=(0, 1, 2)), [0, 0], atol=1e-5)
    np.testing.assert_allclose(y.var(axis=(0, 1, 2)), [1, 1], rtol=1e-4)


def test_channels_first_axis():
    x = np.random.default_rng(2).standard_normal((4, 3, 5, 5)).astype("float32")
    bn = BatchNormalization(axis=1)
    y = bn(x, training=True).numpy()
    assert bn.get_weights()[0].shape == (3,)
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), np.zeros(3), atol=1e-5)


def test_gradients_training_and_inference():
    x = np.random.default_rng(3).standard_normal((5, 3))
    bn = BatchNormalization(
        dtype="float64", gamma_initializer="random_normal", beta_initializer="random_normal"
    )
    check_layer_gradients(bn, x, training=True)
    check_layer_gradients(BatchNormalization(dtype="float64"), x)


def test_config_round_trip():
    bn = BatchNormalization(momentum=0.8, epsilon=1e-2, center=False, gamma_regularizer="l2")
    bn(X, training=True)
    clone = check_config_round_trip(bn, X)
    assert len(clone.weights) == 3 and clone.momentum == 0.8


def test_wrong_feature_size_raises():
    bn = BatchNormalization(name="bn_a")
    bn(X)
    with pytest.raises(ValueError, match=r"bn_a.*4.*\(None, 5\)"):
        bn(np.ones((2, 5)))


def test_keras1_init_names_warn():
    with pytest.warns(DeprecationWarning, match="gamma_initializer"):
        bn = BatchNormalization(gamma_init="zeros")
    assert bn(X).numpy().max() == 0.0
