"""`kerasedu.ops.numpy_array` against NumPy, finite-difference gradients, and keras.ops."""

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.ops import numpy_array
from tests.ops.ops_reference import assert_case_matches_keras

RNG = np.random.default_rng(0)
X = RNG.normal(size=(3, 4)).astype("float32")
X3 = RNG.normal(size=(2, 3, 4)).astype("float32")
I32 = np.array([[3, 1, 2], [0, 5, 4]], dtype="int32")


def test_every_name_is_a_kerasedu_ops_name():
    for name in numpy_array.__all__:
        assert getattr(ops, name) is getattr(numpy_array, name), name


NUMPY_CASES = {  # name: (our result, NumPy's)
    "take_flat": (ops.take(X, [[0, 5], [11, -1]]), np.take(X, [[0, 5], [11, -1]])),
    "take_axis": (ops.take(X3, [[2, 0]], axis=1), np.take(X3, [[2, 0]], axis=1)),
    "take_along_axis": (
        ops.take_along_axis(X, np.argsort(X, axis=0), axis=0),
        np.take_along_axis(X, np.argsort(X, axis=0), axis=0),
    ),
    "take_along_none": (ops.take_along_axis(X, [3, 0], axis=None), X.ravel()[[3, 0]]),
    "pad_constant": (
        ops.pad(X, ((1, 0), (2, 1)), constant_values=5.0),
        np.pad(X, ((1, 0), (2, 1)), constant_values=5),
    ),
    "pad_edge": (ops.pad(X, 2, mode="edge"), np.pad(X, 2, mode="edge")),
    "pad_reflect": (ops.pad(X, (1, 2), mode="reflect"), np.pad(X, (1, 2), mode="reflect")),
    "pad_symmetric": (
        ops.pad(X3, ((0, 0), (1, 1), (0, 2)), mode="symmetric"),
        np.pad(X3, ((0, 0), (1, 1), (0, 2)), mode="symmetric"),
    ),
    "pad_wrap": (ops.pad(X, 1, mode="wrap"), np.pad(X, 1, mode="wrap")),
    "broadcast_to": (ops.broadcast_to(X[:, :1], (2, 3, 4)), np.broadcast_to(X[:, :1], (2, 3, 4))),
    "moveaxis": (ops.moveaxis(X3, 0, -1), np.moveaxis(X3, 0, -1)),
    "moveaxis_many": (ops.moveaxis(X3, [0, 1], [2, 0]), np.moveaxis(X3, [0, 1], [2, 0])),
    "swapaxes": (ops.swapaxes(X3, 0, -1), np.swapaxes(X3, 0, -1)),
    "flip_all": (ops.flip(X3), np.flip(X3)),
    "flip_axes": (ops.flip(X3, axis=(0, 2)), np.flip(X3, axis=(0, 2))),
    "roll_flat": (ops.roll(X, 5), np.roll(X, 5)),
    "roll_axes": (ops.roll(X3, (1, -2), axis=(0, 2)), np.roll(X3, (1, -2), axis=(0, 2))),
    "tril": (ops.tril(X3, k=1), np.tril(X3, k=1)),
    "triu": (ops.triu(I32, k=-1), np.triu(I32, k=-1)),
    "vstack": (ops.vstack([X[0], X[1:]]), np.vstack([X[0], X[1:]])),
    "hstack": (ops.hstack([X, X[:, :1]]), np.hstack([X, X[:, :1]])),
    "hstack_1d": (ops.hstack([X[0], X[1]]), np.hstack([X[0], X[1]])),
    "ravel": (ops.ravel(X3), np.ravel(X3)),
    "diag_matrix": (ops.diag(X, k=1), np.diag(X, k=1)),
    "diag_vector": (ops.diag(X[0], k=-2), np.diag(X[0], k=-2)),
    "argsort": (ops.argsort(I32, axis=0), np.argsort(I32, axis=0)),
    "argsort_flat": (ops.argsort(I32, axis=None), np.argsort(I32, axis=None)),
    "sort": (ops.sort(X3, axis=1), np.sort(X3, axis=1)),
    "sort_ints": (ops.sort(I32), np.sort(I32)),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(NUMPY_CASES))
def test_matches_numpy(name):
    ours, expected = NUMPY_CASES[name]
    assert isinstance(ours, Tensor)
    np.testing.assert_array_equal(ours.numpy(), expected)


def test_splits_unstack_and_dtypes():
    parts = ops.split(X, [1, 3], axis=1)
    for ours, theirs in zip(parts, np.split(X, [1, 3], axis=1)):
        np.testing.assert_array_equal(ours.numpy(), theirs)
    assert [p.shape for p in ops.split(X3, 2)] == [(1, 3, 4), (1, 3, 4)]
    slices = ops.unstack(X3, axis=-1)
    assert len(slices) == 4 and all(
        np.array_equal(s.numpy(), X3[..., i]) for i, s in enumerate(slices)
    )
    assert ops.argsort(X).dtype == np.int32 and ops.sort(I32).dtype == np.int32
    assert ops.vstack([I32, X[:2, :3]]).dtype == np.float32  # not float64, as keras.ops
    assert ops.pad(I32, 1).dtype == np.int32 and ops.flip(I32).dtype == np.int32


def test_argsort_is_stable():
    assert ops.argsort(np.array([1.0, 0.0, 1.0, 0.0])).numpy().tolist() == [1, 3, 0, 2]


def test_errors_say_what_is_wrong():
    with pytest.raises(ValueError, match="mode must be one of"):
        ops.pad(X, 1, mode="mean")
    with pytest.raises(ValueError, match="constant_values needs mode='constant'"):
        ops.pad(X, 1, mode="edge", constant_values=1.0)
    with pytest.raises(ValueError, match=r"cannot broadcast shape \(3, 4\) to \(4, 3\)"):
        ops.broadcast_to(X, (4, 3))
    with pytest.raises(ValueError, match="num=2"):
        ops.unstack(X, num=2)
    with pytest.raises(ValueError, match="lengths differ"):
        ops.moveaxis(X3, [0, 1], [0])
    with pytest.raises(ValueError, match="1-D or 2-D"):
        ops.diag(X3)


GRAD_CASES = {  # name: (function of float Tensors, input shapes); ints are fixed indices
    "take": (lambda x: ops.take(x, [[0, 2], [2, 2]], axis=1), [(2, 3)]),
    "take_flat_repeats": (lambda x: ops.take(x, [5, 5, 0, -1]), [(2, 3)]),
    "take_along_axis": (lambda x: ops.take_along_axis(x, [[1, 1, 0]], axis=0), [(2, 3)]),
    "pad_constant": (lambda x: ops.pad(x, ((1, 0), (0, 2)), constant_values=3.0), [(2, 3)]),
    "pad_reflect": (lambda x: ops.pad(x, ((1, 1), (2, 0)), mode="reflect"), [(3, 3)]),
    "pad_edge": (lambda x: ops.pad(x, 2, mode="edge"), [(2, 2)]),
    "pad_symmetric": (lambda x: ops.pad(x, 1, mode="symmetric"), [(2, 3)]),
    "pad_wrap": (lambda x: ops.pad(x, (0, 3), mode="wrap"), [(2, 3)]),
    "broadcast_to": (lambda x: ops.broadcast_to(x, (2, 3, 4)), [(3, 1)]),
    "moveaxis": (lambda x: ops.moveaxis(x, [0, 1], [2, 0]), [(2, 3, 4)]),
    "swapaxes": (lambda x: ops.swapaxes(x, 0, 2), [(2, 3, 4)]),
    "flip": (lambda x: ops.flip(x, axis=1), [(2, 3)]),
    "roll": (lambda x: ops.roll(x, (1, 2), axis=(0, 1)), [(2, 3)]),
    "tril": (lambda x: ops.tril(x, k=-1), [(2, 3, 3)]),
    "triu": (lambda x: ops.triu(x, k=1), [(3, 4)]),
    "unstack": (lambda x: ops.unstack(x, axis=1)[1], [(2, 3)]),
    "split": (lambda x: ops.split(x, [1], axis=1)[1], [(2, 3)]),
    "vstack": (lambda a, b: ops.vstack([a, b]), [(3,), (2, 3)]),
    "hstack": (lambda a, b: ops.hstack([a, b]), [(2, 1), (2, 3)]),
    "ravel": (ops.ravel, [(2, 3)]),
    "diag_matrix": (lambda x: ops.diag(x, k=-1), [(3, 3)]),
    "diag_vector": (lambda x: ops.diag(x, k=1), [(3,)]),
    "sort": (lambda x: ops.sort(x, axis=0), [(3, 4)]),
}


@pytest.mark.parametrize("name", sorted(GRAD_CASES))
def test_gradcheck(name):
    fn, shapes = GRAD_CASES[name]
    inputs = [np.random.default_rng(i).normal(size=shape) for i, shape in enumerate(shapes)]
    assert gradcheck(fn, inputs)


def test_sort_sends_each_gradient_back_to_its_value():
    x = Tensor(np.array([3.0, 1.0, 2.0]), requires_grad=True)
    (ops.sort(x) * np.array([10.0, 20.0, 30.0])).sum().backward()
    assert x.grad.tolist() == [30.0, 10.0, 20.0]


KERAS_CASES = {  # name: function of an ops module (kerasedu.ops or keras.ops) -> Tensor(s)
    "take": lambda o: o.take(X, np.array([[0, 5], [11, 3]])),
    "take_axis": lambda o: o.take(X3, np.array([2, 0, -1]), axis=-1),
    "take_along_axis": lambda o: o.take_along_axis(X, np.array([[2, 0, 1, 1]]), axis=0),
    "split": lambda o: o.split(X3, [1, 3], axis=-1),
    "pad": lambda o: o.pad(X, ((1, 0), (2, 1))),
    "pad_value": lambda o: o.pad(I32, 1, constant_values=7),
    "pad_reflect": lambda o: o.pad(X, (1, 2), mode="reflect"),
    "pad_edge": lambda o: o.pad(X3, ((0, 0), (1, 1), (0, 2)), mode="edge"),
    "broadcast_to": lambda o: o.broadcast_to(X[0], (2, 3, 4)),
    "moveaxis": lambda o: o.moveaxis(X3, [0, 1], [2, 0]),
    "swapaxes": lambda o: o.swapaxes(X3, 0, -1),
    "flip": lambda o: o.flip(X3, axis=(0, 2)),
    "flip_all": lambda o: o.flip(I32),
    "roll": lambda o: o.roll(X3, 2, axis=1),
    "roll_flat": lambda o: o.roll(I32, -1),
    "tril": lambda o: o.tril(X, k=1),
    "triu": lambda o: o.triu(I32),
    "unstack": lambda o: o.unstack(X3, axis=1),
    "vstack": lambda o: o.vstack([X[0], X]),
    "vstack_mixed": lambda o: o.vstack([I32, X[:2, :3]]),
    "hstack": lambda o: o.hstack([X, X]),
    "ravel": lambda o: o.ravel(X3),
    "diag_matrix": lambda o: o.diag(X, k=-1),
    "diag_vector": lambda o: o.diag(X[0], k=1),
    "argsort": lambda o: o.argsort(X, axis=0),
    "argsort_ints": lambda o: o.argsort(I32),
    "sort": lambda o: o.sort(X3, axis=1),
    "sort_ints": lambda o: o.sort(I32, axis=0),
}


@pytest.mark.reference
@pytest.mark.parametrize("name", sorted(KERAS_CASES))
def test_values_and_dtypes_match_keras_ops(name):
    assert_case_matches_keras(KERAS_CASES[name], name, rtol=1e-6, atol=0)
