"""`kerasedu.ops.nn`: activations, one_hot, cross-entropies and moments, against formulas,
finite differences and (where installed) keras.ops."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor, gradcheck
from kerasedu.ops import nn
from tests.layers.keras_reference import import_keras

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


T = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype="float32")
P = np.array([[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]], dtype="float32")


def test_crossentropies_and_log_sigmoid_match_their_formulas():
    elementwise = -(T * np.log(P) + (1 - T) * np.log(1 - P))
    np.testing.assert_allclose(nn.binary_crossentropy(T, P).numpy(), elementwise, rtol=1e-6)
    logits = np.log(P)
    np.testing.assert_allclose(
        nn.binary_crossentropy(T, logits, from_logits=True).numpy(),
        -(T * np.log(1 / (1 + np.exp(-logits))) + (1 - T) * np.log(1 - 1 / (1 + np.exp(-logits)))),
        rtol=1e-5,
    )
    expected = -np.log(P[[0, 1], [1, 0]])
    np.testing.assert_allclose(nn.categorical_crossentropy(T, P).numpy(), expected, rtol=1e-6)
    sparse = nn.sparse_categorical_crossentropy(np.array([1, 0]), P).numpy()
    np.testing.assert_allclose(sparse, expected, rtol=1e-6)
    np.testing.assert_allclose(nn.log_sigmoid(X).numpy(), -np.log1p(np.exp(-X)), rtol=1e-5)


def test_moments_are_mean_and_population_variance():
    mean, variance = nn.moments(P, axes=[0])
    np.testing.assert_allclose(mean.numpy(), P.mean(0), rtol=1e-6)
    np.testing.assert_allclose(variance.numpy(), P.var(0), rtol=1e-5, atol=1e-7)
    mean, variance = nn.moments(P, axes=[0, 1], keepdims=True)
    assert mean.shape == variance.shape == (1, 1)


@pytest.mark.parametrize(
    "fn",
    [
        lambda p: nn.binary_crossentropy(T.astype("float64"), p * 0.5 + 0.25),
        lambda p: nn.categorical_crossentropy(T.astype("float64"), p, from_logits=True),
        lambda p: nn.sparse_categorical_crossentropy(np.array([2, 0]), p, from_logits=True),
        lambda p: nn.moments(p, axes=[1])[1],
        nn.log_sigmoid,
    ],
    ids=["binary", "categorical", "sparse", "moments", "log_sigmoid"],
)
def test_gradients_match_finite_differences(fn):
    assert gradcheck(fn, [P.astype("float64")])


@pytest.mark.reference
def test_nn_ops_match_keras_ops():
    kops = import_keras().ops
    labels = np.array([1, 0])
    pairs = [
        (nn.binary_crossentropy(T, P), kops.binary_crossentropy(T, P)),
        (nn.binary_crossentropy(T, X[:6].reshape(2, 3), True),
         kops.binary_crossentropy(T, X[:6].reshape(2, 3), from_logits=True)),
        (nn.categorical_crossentropy(T, P), kops.categorical_crossentropy(T, P)),
        (nn.sparse_categorical_crossentropy(labels, P),
         kops.sparse_categorical_crossentropy(labels, P)),
        (nn.log_sigmoid(X), kops.log_sigmoid(X)),
        (nn.moments(P, axes=[0])[1], kops.moments(P, axes=[0])[1]),
        (nn.gelu(X), kops.gelu(X)),
        (nn.one_hot(labels, 3), kops.one_hot(labels, 3)),
    ]  # fmt: skip
    for ours, theirs in pairs:
        theirs = kops.convert_to_numpy(theirs)
        assert ours.numpy().dtype == theirs.dtype
        np.testing.assert_allclose(ours.numpy(), theirs, rtol=1e-5, atol=1e-6)
