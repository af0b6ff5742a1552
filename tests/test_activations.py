"""Tests for kerasedu.activations: values vs NumPy, get/serialize, Keras 3 definitions."""

import math

import numpy as np
import pytest

from kerasedu import activations
from kerasedu.autograd import gradcheck

X = np.array([[-3.5, -1.0, -0.2, 0.0, 0.3, 1.0, 2.5, 7.0]])


def _erf(x):
    return np.vectorize(math.erf)(x)


REFERENCES = {
    "linear": lambda x: x,
    "relu": lambda x: np.maximum(x, 0),
    "relu6": lambda x: np.clip(x, 0, 6),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "selu": lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * (np.exp(x) - 1)),
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "tanh": np.tanh,
    "softmax": lambda x: np.exp(x) / np.exp(x).sum(-1, keepdims=True),
    "log_softmax": lambda x: x - np.log(np.exp(x).sum(-1, keepdims=True)),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "exponential": np.exp,
    "silu": lambda x: x / (1 + np.exp(-x)),
    "swish": lambda x: x / (1 + np.exp(-x)),
    "gelu": lambda x: 0.5 * x * (1 + _erf(x / math.sqrt(2))),
    "mish": lambda x: x * np.tanh(np.log1p(np.exp(x))),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_activation_matches_numpy(name):
    y = activations.get(name)(X).numpy()
    np.testing.assert_allclose(y, REFERENCES[name](X), rtol=1e-6, atol=1e-7)


def test_every_named_activation_has_a_reference():
    assert sorted(activations.ALL_ACTIVATIONS) == sorted(REFERENCES)


def test_hard_sigmoid_is_keras3_relu6_form():
    # Keras 2's clip(0.2 x + 0.5, 0, 1) would give 0.7 at x = 1
    assert activations.hard_sigmoid(np.array([1.0])).numpy()[0] == pytest.approx(4 / 6)


def test_gelu_approximate_uses_tanh_form():
    x = np.array([-1.0, 0.5, 2.0])
    expected = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    np.testing.assert_allclose(activations.gelu(x, approximate=True).numpy(), expected, rtol=1e-6)


def test_relu_keyword_arguments_follow_keras():
    x = np.array([-2.0, 0.5, 1.0, 1.5, 8.0])
    y = activations.relu(x, negative_slope=0.1, max_value=6.0, threshold=1.0).numpy()
    # x > threshold passes (capped at 6); otherwise negative_slope * (x - threshold)
    np.testing.assert_allclose(y, [-0.3, -0.05, 0.0, 1.5, 6.0])


def test_softmax_axis_argument():
    x = np.arange(6.0).reshape(2, 3)
    y = activations.softmax(x, axis=0).numpy()
    np.testing.assert_allclose(y.sum(axis=0), np.ones(3))


def test_get_none_is_linear_and_callables_pass_through():
    def custom(x):
        return x * 2

    assert activations.get(None) is activations.linear
    assert activations.get(custom) is custom
    assert activations.get("swish") is activations.silu


def test_unknown_activation_lists_valid_names():
    with pytest.raises(ValueError, match="relu") as info:
        activations.get("rleu")
    assert "rleu" in str(info.value)


@pytest.mark.parametrize("name", sorted(activations.ALL_ACTIVATIONS))
def test_serialize_deserialize_round_trip(name):
    fn = activations.get(name)
    assert activations.deserialize(activations.serialize(fn)) is fn


def test_serialize_custom_function_gives_its_name():
    def my_act(x):
        return x

    assert activations.serialize(my_act) == "my_act"
    assert activations.deserialize("my_act", custom_objects={"my_act": my_act}) is my_act


def test_relu_with_options_gradient():
    x = np.array([[-2.0, 0.4, 1.7, 3.0, 9.0]])
    assert gradcheck(
        lambda t: activations.relu(t, negative_slope=0.2, max_value=6.0, threshold=1.0), [x]
    )


def test_activations_keep_float32():
    x = np.ones((2, 3), dtype="float32")
    for name in activations.ALL_ACTIVATIONS:
        assert activations.get(name)(x).dtype == np.float32, name
