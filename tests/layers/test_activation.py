"""Activation layer: applies the named activation; its gradient is the activation's derivative."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Activation, Input


def test_sigmoid_layer_gradient_is_y_times_one_minus_y():
    x = Tensor(np.array([[-2.0, 0.0, 1.5]]), requires_grad=True)
    y = Activation("sigmoid", dtype="float64")(x)
    y.sum().backward()
    expected = 1 / (1 + np.exp(-x.numpy()))
    np.testing.assert_allclose(y.numpy(), expected, rtol=1e-12)
    np.testing.assert_allclose(x.grad, expected * (1 - expected), rtol=1e-12)


def test_callable_activation_and_shape_are_kept():
    layer = Activation(lambda t: t * 2.0)
    np.testing.assert_allclose(layer(np.array([[1.0, -3.0]])).numpy(), [[2.0, -6.0]])
    assert Activation("relu")(Input((4, 5))).shape == (None, 4, 5)


def test_unknown_activation_name_is_an_error():
    with pytest.raises(ValueError, match="relux"):
        Activation("relux")
