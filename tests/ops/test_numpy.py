"""`kerasedu.ops.numpy` (and the activations) against NumPy formulas, gradients, and keras.ops."""

import os

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import Tensor

RNG = np.random.default_rng(0)
A = RNG.normal(size=(3, 4)).astype("float32")
B = RNG.normal(size=(4, 2)).astype("float32")


def np_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


UNARY = {
    "exp": np.exp,
    "square": np.square,
    "abs": np.abs,
    "absolute": np.abs,
    "negative": np.negative,
    "relu": lambda x: np.maximum(x, 0),
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "tanh": np.tanh,
    "softmax": np_softmax,
    "log_softmax": lambda x: np.log(np_softmax(x)),
    "softplus": lambda x: np.log1p(np.exp(x)),
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_ops_match_numpy(name):
    got = ops.convert_to_numpy(getattr(ops, name)(A))
    np.testing.assert_allclose(got, UNARY[name](A), rtol=1e-5, atol=1e-6)


def test_positive_only_ops_match_numpy():
    x = np.abs(A) + 0.1
    np.testing.assert_allclose(ops.log(x).numpy(), np.log(x), rtol=1e-6)
    np.testing.assert_allclose(ops.sqrt(x).numpy(), np.sqrt(x), rtol=1e-6)


def test_binary_ops_match_numpy():
    c = A[::-1] + 2.0
    pairs = {
        "add": A + c,
        "subtract": A - c,
        "multiply": A * c,
        "divide": A / c,
        "maximum": np.maximum(A, c),
        "minimum": np.minimum(A, c),
    }
    for name, expected in pairs.items():
        np.testing.assert_allclose(getattr(ops, name)(A, c).numpy(), expected, rtol=1e-6)
    np.testing.assert_allclose(ops.matmul(A, B).numpy(), A @ B, rtol=1e-5)


def test_reductions_and_argmax_match_numpy():
    np.testing.assert_allclose(ops.sum(A).numpy(), A.sum(), rtol=1e-5)
    np.testing.assert_allclose(ops.mean(A, axis=0).numpy(), A.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(ops.max(A, axis=1).numpy(), A.max(axis=1))
    np.testing.assert_allclose(ops.min(A, axis=1, keepdims=True).numpy(), A.min(1, keepdims=True))
    assert ops.argmax(A, axis=-1).numpy().tolist() == A.argmax(-1).tolist()
    assert ops.argmin(A, axis=0).numpy().tolist() == A.argmin(0).tolist()


def test_shape_ops_use_keras_signatures():
    assert ops.shape(ops.reshape(A, newshape=(4, 3))) == (4, 3)
    assert ops.shape(ops.concatenate([A, A])) == (6, 4)  # keras.ops joins along axis 0
    assert ops.shape(ops.concatenate([A, A], axis=-1)) == (3, 8)
    assert ops.shape(ops.stack([A, A], axis=1)) == (3, 2, 4)
    assert ops.shape(ops.transpose(A)) == (4, 3)
    assert ops.shape(ops.squeeze(ops.expand_dims(A, 0))) == (3, 4)
    np.testing.assert_array_equal(ops.clip(A, x_min=-0.5, x_max=0.5).numpy(), A.clip(-0.5, 0.5))
    np.testing.assert_array_equal(ops.where(A > 0, A, 0.0).numpy(), np.where(A > 0, A, 0))


def test_constructors_cast_and_one_hot():
    z, o = ops.zeros((2, 3)), ops.ones((2,), dtype="int32")
    assert isinstance(z, Tensor) and z.dtype == np.float32 and not z.numpy().any()
    assert o.dtype == np.int32 and o.numpy().tolist() == [1, 1]
    assert ops.cast(A, "float16").dtype == np.float16
    encoded = ops.one_hot(np.array([2, 0, 1]), 3)
    np.testing.assert_array_equal(encoded.numpy(), np.eye(3, dtype="float32")[[2, 0, 1]])
    assert ops.one_hot(np.array([1, 0]), 3, axis=0).shape == (3, 2)
    assert isinstance(ops.convert_to_numpy(z), np.ndarray)


def test_gradient_flows_through_ops():
    w = Tensor(B, requires_grad=True)
    loss = ops.mean(ops.square(ops.matmul(A, w)))
    loss.backward()
    expected = 2 * A.T @ (A @ B) / (A.shape[0] * B.shape[1])
    np.testing.assert_allclose(w.grad, expected, rtol=1e-5)


@pytest.mark.reference
def test_ops_match_keras_ops():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip("keras")
    kops = keras.ops
    for name in ["exp", "square", "relu", "sigmoid", "tanh", "softmax", "gelu", "abs"]:
        np.testing.assert_allclose(
            ops.convert_to_numpy(getattr(ops, name)(A)),
            kops.convert_to_numpy(getattr(kops, name)(A)),
            rtol=1e-5,
            atol=1e-6,
            err_msg=name,
        )
    checks = [
        (ops.matmul(A, B), kops.matmul(A, B)),
        (ops.concatenate([A, A]), kops.concatenate([A, A])),
        (ops.sum(A, axis=1), kops.sum(A, axis=1)),
        (ops.argmax(A, axis=-1), kops.argmax(A, axis=-1)),
        (ops.one_hot(np.array([2, 0]), 3), kops.one_hot(np.array([2, 0]), 3)),
        (ops.reshape(A, (2, -1)), kops.reshape(A, (2, -1))),
    ]
    for ours, theirs in checks:
        np.testing.assert_allclose(ops.convert_to_numpy(ours), kops.convert_to_numpy(theirs), 1e-5)
