import math
import warnings

import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from kerasedu.autograd.ops_nn import SELU_ALPHA, SELU_SCALE
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


# Reference formulas written directly from the definitions.
REFERENCES = {
    "relu": lambda x: np.maximum(x, 0),
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "softplus": lambda x: np.log1p(np.exp(x)),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "selu": lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * (np.exp(x) - 1)),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "relu6": lambda x: np.clip(x, 0, 6),
    "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "swish": lambda x: x * _sigmoid(x),
    "silu": lambda x: x * _sigmoid(x),
    "exponential": np.exp,
    "gelu": lambda x: 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2))),
    "erf": np.vectorize(math.erf),
}


def _away_from_kinks(xp, seed):
    """Points spread over [-7, 7] but not within 0.05 of a kink (0, +-3, 6)."""
    x = rand(xp, 3, 5, seed=seed) * 3
    for kink in (0.0, 3.0, -3.0, 6.0):
        x = xp.where(xp.abs(x - kink) < 0.05, x + 0.1, x)
    return x


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_activation_forward_and_gradcheck(xp, name):
    x = _away_from_kinks(xp, seed=len(name))
    op = getattr(ag, name)
    close(op(x), REFERENCES[name](to_numpy(x)), atol=2e-7)
    assert gradcheck(op, [x])


def test_relu_keras_arguments(xp):
    x = xp.asarray([-3.0, -1.0, 0.5, 1.5, 4.0, 9.0])
    y = ag.relu(x, negative_slope=0.1, max_value=5.0, threshold=1.0)
    expected = [0.1 * (-3 - 1), 0.1 * (-1 - 1), 0.1 * (0.5 - 1), 1.5, 4.0, 5.0]
    close(y, expected)
    assert gradcheck(lambda t: ag.relu(t, negative_slope=0.1, max_value=5.0, threshold=1.0), [x])


def test_gelu_approximate(xp):
    x = _away_from_kinks(xp, seed=3)
    xn = to_numpy(x)
    expected = 0.5 * xn * (1 + np.tanh(math.sqrt(2 / math.pi) * (xn + 0.044715 * xn**3)))
    close(ag.gelu(x, approximate=True), expected)
    assert gradcheck(lambda t: ag.gelu(t, approximate=True), [x])


def test_erf_accuracy_below_one_millionth():
    x = np.linspace(-8, 8, 4001)
    error = np.abs(ag.erf(x).numpy() - np.vectorize(math.erf)(x))
    assert error.max() < 1e-6


@pytest.mark.parametrize(
    "name",
    ["sigmoid", "softplus", "elu", "selu", "swish", "gelu", "tanh", "softsign", "hard_sigmoid"],
)
def test_extreme_inputs_give_no_nan_or_overflow_warning(name):
    x = np.array([-1e4, -100.0, 0.0, 100.0, 1e4], dtype="float32")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = getattr(ag, name)(ag.Tensor(x, requires_grad=True))
        y.sum().backward()
    assert np.all(np.isfinite(y.numpy()))
    assert y.dtype == np.float32


def test_sigmoid_extremes_saturate_exactly():
    np.testing.assert_array_equal(ag.sigmoid(np.array([-1e4, 1e4])).numpy(), [0.0, 1.0])


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_float32_in_float32_out(name):
    x = np.linspace(-2, 2, 7, dtype="float32")
    assert getattr(ag, name)(x).dtype == np.float32
