"""`kerasedu.ops.nn`: activations under Keras's names, gelu's default, one_hot."""

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.ops import nn

X = np.linspace(-3, 3, 7, dtype="float32")


def test_gelu_is_the_tanh_approximation_by_default_as_in_keras_ops():
    exact = nn.gelu(X, approximate=False).numpy()
    approximate = nn.gelu(X).numpy()
    expected = 0.5 * X * (1 + np.tanh(np.sqrt(2 / np.pi) * (X + 0.044715 * X**3)))
    np.testing.assert_allclose(approximate, expected, rtol=1e-5, atol=1e-6)
    assert not np.allclose(exact, approximate, atol=1e-6)


def test_one_hot_puts_the_classes_on_the_axis_asked():
    encoded = nn.one_hot(Tensor(np.array([2, 0, 1])), 3)
    np.testing.assert_array_equal(encoded.numpy(), np.eye(3, dtype="float32")[[2, 0, 1]])
    assert nn.one_hot(np.array([1, 0]), 3, axis=0).shape == (3, 2)
    assert nn.one_hot(np.array([1]), 2, dtype="int32").dtype == np.int32
