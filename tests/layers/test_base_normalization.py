"""BaseNormalization: gamma and beta on the feature axes, the shared scale-and-shift formula."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers.base_normalization import BaseNormalization


def built(input_shape, **kwargs):
    layer = BaseNormalization(**kwargs)
    feature_axes = layer.build_gamma_beta(input_shape)
    return layer, feature_axes


def test_gamma_and_beta_take_the_feature_axes_shape():
    layer, axes = built((None, 4, 4, 3))
    assert axes == [3] and layer._broadcast_shape == (1, 1, 1, 3)
    assert layer.gamma.shape == layer.beta.shape == (3,)
    layer, axes = built((None, 5, 6), axis=[1, 2])
    assert axes == [1, 2] and layer.gamma.shape == (5, 6)


def test_normalize_is_gamma_times_centered_over_sqrt_var_plus_eps_plus_beta():
    layer, _ = built((None, 2, 3), axis=1, epsilon=0.5)
    layer.gamma.assign([2.0, 3.0])
    layer.beta.assign([0.5, -1.0])
    centered = np.arange(12.0, dtype="float32").reshape(2, 2, 3) - 5
    variance = np.full((1, 2, 1), 1.5, dtype="float32")
    y = layer.normalize(Tensor(centered), Tensor(variance)).numpy()
    gamma, beta = np.array([2.0, 3.0]).reshape(1, 2, 1), np.array([0.5, -1.0]).reshape(1, 2, 1)
    np.testing.assert_allclose(y, gamma * centered / np.sqrt(1.5 + 0.5) + beta, rtol=1e-6)


def test_without_center_and_scale_there_are_no_weights():
    layer, _ = built((None, 3), center=False, scale=False)
    assert layer.weights == [] and layer.gamma is None and layer.beta is None
    y = layer.normalize(Tensor(np.array([[2.0, 4.0, 6.0]])), Tensor(np.array([[4.0]])))
    np.testing.assert_allclose(y.numpy(), np.array([[2.0, 4.0, 6.0]]) / np.sqrt(4.001))


@pytest.mark.parametrize("axis", [0, 3, -4])
def test_batch_axis_or_missing_axis_is_rejected(axis):
    with pytest.raises(ValueError, match=f"axis {axis} is not a feature axis"):
        built((None, 4, 3), axis=axis)


def test_keras_defaults_in_config():
    config = BaseNormalization().get_config()
    assert config["epsilon"] == 1e-3 and config["axis"] == -1
    assert config["center"] is True and config["scale"] is True
    assert config["gamma_initializer"]["class_name"] == "Ones"
