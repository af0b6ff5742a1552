"""`kerasedu.ops.nn`: activations, one_hot, cross-entropies and moments, against formulas,
finite differences and (where installed) keras.ops."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor, gradcheck
from kerasedu.ops import nn
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(0)
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


Q = RNG.normal(size=(2, 3, 4, 5)).astype("float32")  # (batch, queries, heads, head size)
KV = RNG.normal(size=(2, 6, 2, 5)).astype("float32")  # two key/value heads: grouped queries


def reference_attention(q, k, v, allowed):
    k, v = np.repeat(k, q.shape[2] // k.shape[2], axis=2), np.repeat(v, q.shape[2] // v.shape[2], 2)
    logits = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(q.shape[-1])
    logits = np.where(allowed, logits, -np.inf)
    weights = np.exp(logits - logits.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    return np.einsum("bnts,bsnh->btnh", weights, v)


def test_dot_product_attention_matches_the_formula_with_masks_and_grouped_heads():
    got = nn.dot_product_attention(Q, KV, KV).numpy()
    np.testing.assert_allclose(got, reference_attention(Q, KV, KV, True), rtol=1e-5, atol=1e-6)
    mask = RNG.random((2, 1, 3, 6)) > 0.3
    mask[..., 0] = True  # every query sees at least one key
    got = nn.dot_product_attention(Q, KV, KV, mask=mask).numpy()
    np.testing.assert_allclose(got, reference_attention(Q, KV, KV, mask), rtol=1e-5, atol=1e-6)
    causal = nn.dot_product_attention(Q, Q, Q, is_causal=True).numpy()
    np.testing.assert_allclose(causal[:, 0], Q[:, 0], rtol=1e-6)  # the first sees only itself


def test_normalize_and_batch_normalization_follow_their_formulas():
    np.testing.assert_allclose(
        nn.normalize(P, order=1).numpy(), P / np.abs(P).sum(-1, keepdims=True), rtol=1e-6
    )
    np.testing.assert_allclose(
        nn.normalize(P).numpy(), P / np.linalg.norm(P, axis=-1, keepdims=True), rtol=1e-6
    )
    mean, var, offset, scale = P.mean(0), P.var(0), np.ones(3), np.full(3, 2.0)
    got = nn.batch_normalization(P, mean, var, axis=-1, offset=offset, scale=scale).numpy()
    np.testing.assert_allclose(got, (P - mean) / np.sqrt(var + 1e-3) * 2 + 1, rtol=1e-5)
    channels_first = nn.batch_normalization(P.T, mean, var, axis=0).numpy()
    np.testing.assert_allclose(channels_first, ((P - mean) / np.sqrt(var + 1e-3)).T, rtol=1e-5)


def test_attention_gradients_match_finite_differences():
    q, kv = Q[:1, :2, :2, :3].astype("float64"), KV[:1, :3, :1, :3].astype("float64")
    assert gradcheck(lambda a, b: nn.dot_product_attention(a, b, b, is_causal=True), [q, q])
    assert gradcheck(lambda a, b: nn.dot_product_attention(a, b, b), [q, kv])
    assert gradcheck(lambda x: nn.batch_normalization(x, [0.5] * 3, [2.0] * 3, -1), [P * 1.0])


@pytest.mark.reference
def test_attention_and_normalizations_match_keras_ops():
    kops = import_keras().ops
    mask = np.tril(np.ones((3, 6), dtype=bool))
    bias = RNG.normal(size=(1, 1, 3, 6)).astype("float32")
    pairs = [
        (nn.dot_product_attention(Q, KV, KV), kops.dot_product_attention(Q, KV, KV)),
        (nn.dot_product_attention(Q, KV, KV, mask=mask, bias=bias, scale=0.3),
         kops.dot_product_attention(Q, KV, KV, mask=mask, bias=bias, scale=0.3)),
        (nn.dot_product_attention(Q, Q, Q, is_causal=True),
         kops.dot_product_attention(Q, Q, Q, is_causal=True)),
        (nn.normalize(P, order=1), kops.normalize(P, order=1)),
        (nn.normalize(P, axis=0), kops.normalize(P, axis=0)),
        (nn.batch_normalization(P, P.mean(0), P.var(0), -1, np.ones(3), np.ones(3)),
         kops.batch_normalization(P, P.mean(0), P.var(0), -1, np.ones(3), np.ones(3))),
    ]  # fmt: skip
    for ours, theirs in pairs:
        theirs = kops.convert_to_numpy(theirs)
        assert ours.numpy().dtype == theirs.dtype
        np.testing.assert_allclose(ours.numpy(), theirs, rtol=1e-5, atol=1e-5)
