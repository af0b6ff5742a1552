"""`kerasedu.ops.numpy` (and the activations) against NumPy formulas, gradients, and keras.ops."""

import os

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import Tensor, gradcheck
from tests.ops.ops_reference import assert_case_matches_keras

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


# --- creation, linear algebra ---
def test_creation_matches_numpy_with_keras_dtypes():
    assert ops.arange(3).dtype == np.int32 and ops.arange(3).numpy().tolist() == [0, 1, 2]
    assert ops.arange(1, 2.5).dtype == np.float32 and ops.arange(1, 2.5).numpy().tolist() == [1, 2]
    np.testing.assert_array_equal(ops.arange(5, 0, -2, dtype="float64").numpy(), [5.0, 3.0, 1.0])
    np.testing.assert_allclose(ops.linspace(0, 1, 5).numpy(), np.linspace(0, 1, 5))
    values, step = ops.linspace(0.0, 2.0, 4, endpoint=False, retstep=True)
    assert values.dtype == np.float32 and step.numpy().item() == 0.5
    assert ops.linspace(np.zeros(2), np.ones(2), 3, axis=1).shape == (2, 3)
    np.testing.assert_array_equal(ops.eye(2, 3, k=1).numpy(), np.eye(2, 3, k=1))
    assert ops.identity(3).dtype == np.float32 and ops.eye(2, dtype="int32").dtype == np.int32
    np.testing.assert_array_equal(ops.tri(3, 2, k=-1).numpy(), np.tri(3, 2, k=-1))
    assert ops.full((2, 2), 7).dtype == np.float32 and ops.full((2,), 7).numpy().tolist() == [7, 7]
    ints = ops.convert_to_tensor(np.array([1, 2], dtype="int32"))
    assert ops.full_like(ints, 2.5).numpy().tolist() == [2, 2]  # x's dtype: int32
    assert ops.zeros_like(A).dtype == np.float32 and not ops.zeros_like(A).numpy().any()
    assert ops.ones_like(ints, dtype="float32").numpy().tolist() == [1.0, 1.0]
    grids = ops.meshgrid(np.arange(2), np.arange(3.0), indexing="ij")
    for ours, theirs in zip(grids, np.meshgrid(np.arange(2), np.arange(3.0), indexing="ij")):
        np.testing.assert_array_equal(ours.numpy(), theirs)


def test_linear_algebra_matches_numpy():
    x3, y3 = RNG.normal(size=(2, 3, 4)), RNG.normal(size=(5, 4, 2))
    np.testing.assert_allclose(ops.dot(x3, y3).numpy(), np.dot(x3, y3), rtol=1e-6)
    np.testing.assert_allclose(ops.dot(A, B[:, 0]).numpy(), np.dot(A, B[:, 0]), rtol=1e-6)
    np.testing.assert_allclose(ops.dot(2.0, A).numpy(), 2.0 * A)
    np.testing.assert_allclose(ops.tensordot(A, B, axes=1).numpy(), A @ B, rtol=1e-5)
    np.testing.assert_allclose(ops.outer(A, B).numpy(), np.outer(A, B), rtol=1e-6)
    np.testing.assert_allclose(ops.einsum("ij,jk", A, B).numpy(), A @ B, rtol=1e-5)
    np.testing.assert_allclose(ops.norm(A).numpy(), np.linalg.norm(A), rtol=1e-6)
    np.testing.assert_allclose(ops.norm(A, ord=1, axis=0).numpy(), np.abs(A).sum(0), rtol=1e-6)
    ints = np.arange(3, dtype="int32")
    assert ops.dot(ints, ints).dtype == np.int32 and ops.dot(ints, ints).numpy().item() == 5
    assert ops.dot(ints, np.ones(3, dtype="float32")).dtype == np.float32  # not float64


@pytest.mark.parametrize(
    "fn, shapes",
    [
        (ops.dot, [(3, 4), (4, 2)]),
        (ops.dot, [(2, 3, 4), (5, 4, 2)]),
        (ops.dot, [(4,), (4,)]),
        (ops.dot, [(), (2, 3)]),
        (ops.outer, [(2, 2), (3,)]),
        (ops.tensordot, [(2, 3, 4), (3, 4, 2)]),
        (lambda a, b: ops.einsum("bij,bkj->bik", a, b), [(2, 3, 4), (2, 2, 4)]),
        (lambda x: ops.norm(x, ord=np.inf, axis=-1), [(3, 4)]),
    ],
)
def test_linear_algebra_gradcheck(fn, shapes):
    inputs = [np.random.default_rng(i).normal(size=shape) for i, shape in enumerate(shapes)]
    assert gradcheck(fn, inputs)


I32 = np.arange(6, dtype="int32").reshape(2, 3)
KERAS_CASES = {  # name: function of an ops module (kerasedu.ops or keras.ops) -> Tensor(s)
    "arange_int": lambda o: o.arange(3),
    "arange_float": lambda o: o.arange(0.0, 1.0, 0.5),
    "arange_mixed": lambda o: o.arange(1, 4.0, 1),
    "linspace": lambda o: o.linspace(0, 10, 5),
    "linspace_int": lambda o: o.linspace(0, 10, 5, dtype="int32"),
    "linspace_retstep_int": lambda o: o.linspace(0, 10, 5, dtype="int32", retstep=True),
    "linspace_axis": lambda o: o.linspace(A[0], A[1], 3, endpoint=False, axis=1),
    "eye": lambda o: o.eye(3, 4, k=-1),
    "identity": lambda o: o.identity(3, dtype="int32"),
    "full": lambda o: o.full((2, 3), 4),
    "full_like": lambda o: o.full_like(I32, 2.5),
    "zeros_like": lambda o: o.zeros_like(A),
    "ones_like": lambda o: o.ones_like(I32, dtype="float32"),
    "tri": lambda o: o.tri(3, 4, k=1),
    "meshgrid": lambda o: o.meshgrid(A[0], I32[0]),
    "dot": lambda o: o.dot(A, B),
    "dot_nd": lambda o: o.dot(A.reshape(3, 2, 2), B.reshape(2, 2, 2)),
    "dot_int_float": lambda o: o.dot(I32, A[:3, :3]),
    "tensordot": lambda o: o.tensordot(A.reshape(3, 2, 2), B.reshape(2, 2, 2)),
    "tensordot_axes": lambda o: o.tensordot(A, B, axes=([1], [0])),
    "outer": lambda o: o.outer(A[0], I32),
    "einsum": lambda o: o.einsum("ij,jk->ki", A, B),
    "einsum_implicit": lambda o: o.einsum("ij,jk", A, B),
    "einsum_int": lambda o: o.einsum("ij->j", I32),
    "norm": lambda o: o.norm(A),
    "norm_int": lambda o: o.norm(I32, axis=1),
    "norm_inf_keepdims": lambda o: o.norm(A, ord=np.inf, axis=0, keepdims=True),
    "norm_matrix_1": lambda o: o.norm(A, ord=1),
}


@pytest.mark.reference
@pytest.mark.parametrize("name", sorted(KERAS_CASES))
def test_values_and_dtypes_match_keras_ops(name):
    assert_case_matches_keras(KERAS_CASES[name], name, rtol=1e-5, atol=1e-6)
