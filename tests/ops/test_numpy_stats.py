"""`kerasedu.ops.numpy_stats` against NumPy, finite differences and keras.ops."""

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import Tensor, gradcheck
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(1)
X = RNG.normal(size=(3, 4)).astype("float32")
W = RNG.uniform(0.5, 2.0, size=(3, 4)).astype("float32")
INTS = np.array([[1, -2, 0, 3], [2, 1, -1, 0]], dtype="int32")
SMALL_INTS = INTS.astype("int8")
BOOLS = INTS > 0
WITH_ZEROS = np.array([[2.0, 0.0, 3.0], [0.0, 5.0, 0.0], [1.5, -2.0, 0.5]])


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_reductions_match_numpy(axis, keepdims):
    kwargs = {"axis": axis, "keepdims": keepdims}
    np.testing.assert_allclose(ops.prod(X, **kwargs).numpy(), np.prod(X, **kwargs), rtol=1e-6)
    np.testing.assert_allclose(ops.var(X, **kwargs).numpy(), np.var(X, **kwargs), rtol=1e-5)
    np.testing.assert_allclose(ops.std(X, **kwargs).numpy(), np.std(X, **kwargs), rtol=1e-5)
    np.testing.assert_array_equal(ops.all(INTS, **kwargs).numpy(), np.all(INTS, **kwargs))
    np.testing.assert_array_equal(ops.any(BOOLS, **kwargs).numpy(), np.any(BOOLS, **kwargs))
    count = ops.count_nonzero(INTS, axis=axis)
    np.testing.assert_array_equal(count.numpy(), np.count_nonzero(INTS, axis=axis))
    assert count.dtype == np.int32


@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_running_totals_match_numpy(axis):
    np.testing.assert_allclose(ops.cumsum(X, axis=axis).numpy(), np.cumsum(X, axis), rtol=1e-6)
    np.testing.assert_allclose(ops.cumprod(X, axis=axis).numpy(), np.cumprod(X, axis), rtol=1e-6)
    assert ops.cumsum(INTS, axis=axis).numpy().tolist() == np.cumsum(INTS, axis).tolist()
    assert ops.cumprod(INTS, axis=axis).numpy().tolist() == np.cumprod(INTS, axis).tolist()


def test_average_matches_numpy_for_every_kind_of_weights():
    np.testing.assert_allclose(ops.average(X).numpy(), np.average(X), rtol=1e-6)
    np.testing.assert_allclose(ops.average(X, axis=0).numpy(), np.average(X, 0), rtol=1e-6)
    full = np.average(X, axis=1, weights=W)
    np.testing.assert_allclose(ops.average(X, axis=1, weights=W).numpy(), full, rtol=1e-6)
    along = np.average(X, axis=-1, weights=W[0])
    np.testing.assert_allclose(ops.average(X, axis=-1, weights=W[0]).numpy(), along, rtol=1e-6)
    np.testing.assert_allclose(ops.average(X, weights=W).numpy(), np.average(X, weights=W), 1e-6)
    with pytest.raises(ValueError, match="weights must have x's shape"):
        ops.average(X, weights=W[0])


def test_result_dtypes_follow_keras():
    assert ops.prod(SMALL_INTS).dtype == np.int32  # narrow ints are multiplied in 32 bits
    assert ops.prod(SMALL_INTS.astype("uint8")).dtype == np.uint32
    assert ops.prod(BOOLS, axis=0).dtype == np.int32
    assert ops.prod(X, dtype="float64").dtype == np.float64
    assert ops.cumsum(SMALL_INTS).dtype == np.int8  # running totals keep them
    assert ops.cumsum(BOOLS).dtype == ops.cumprod(BOOLS).dtype == np.int32
    for name in ["var", "std", "average"]:
        assert getattr(ops, name)(INTS).dtype == np.float32
        assert getattr(ops, name)(X.astype("float64")).dtype == np.float64
    assert ops.all(X).dtype == ops.any(X).dtype == np.bool_


DIFFERENTIABLE = [  # (name, function of the checked inputs, inputs)
    ("trace", lambda x: ops.trace(x, offset=1), [WITH_ZEROS]),
    ("prod", lambda x: ops.prod(x, axis=1), [WITH_ZEROS]),
    ("prod all", ops.prod, [WITH_ZEROS[2:]]),
    ("var", lambda x: ops.var(x, axis=0, keepdims=True), [WITH_ZEROS]),
    ("std", lambda x: ops.std(x, axis=1), [WITH_ZEROS]),
    ("cumsum", lambda x: ops.cumsum(x, axis=0), [WITH_ZEROS]),
    ("cumsum flat", ops.cumsum, [WITH_ZEROS]),
    ("cumprod", lambda x: ops.cumprod(x, axis=1), [WITH_ZEROS]),
    ("cumprod flat", ops.cumprod, [WITH_ZEROS[1:]]),
    ("average", lambda x, w: ops.average(x, axis=1, weights=w), [WITH_ZEROS, WITH_ZEROS[2] ** 2]),
    ("average full", ops.average, [WITH_ZEROS]),
]


@pytest.mark.parametrize("name,fn,inputs", DIFFERENTIABLE, ids=[case[0] for case in DIFFERENTIABLE])
def test_gradcheck(name, fn, inputs):
    assert gradcheck(fn, inputs)


def test_counts_record_no_gradient():
    x = Tensor(X, requires_grad=True)
    assert not any(f(x).requires_grad for f in (ops.all, ops.any, ops.count_nonzero))


REFERENCE_CASES = [  # (name, args, kwargs)
    ("trace", (X,), {}),
    ("trace", (X,), {"offset": -1}),
    ("trace", (X.reshape(2, 3, 2),), {"axis1": 1, "axis2": 2}),
    ("trace", (INTS,), {"offset": 1}),
    ("all", (INTS,), {"axis": 1, "keepdims": True}),
    ("any", (X > 1,), {}),
    ("count_nonzero", (INTS,), {"axis": 0}),
    ("count_nonzero", (X,), {}),
    ("prod", (X,), {"axis": 1}),
    ("prod", (INTS,), {"axis": 0, "keepdims": True}),
    ("prod", (SMALL_INTS,), {}),
    ("prod", (BOOLS,), {"axis": 1}),
    ("var", (X,), {"axis": 0}),
    ("var", (INTS,), {"keepdims": True}),
    ("std", (X,), {"axis": 1, "keepdims": True}),
    ("std", (INTS,), {}),
    ("cumsum", (X,), {}),
    ("cumsum", (INTS,), {"axis": 1}),
    ("cumsum", (SMALL_INTS,), {"axis": 0}),
    ("cumsum", (BOOLS,), {}),
    ("cumprod", (X,), {"axis": 0}),
    ("cumprod", (INTS,), {}),
    ("cumprod", (BOOLS,), {"axis": 1}),
    ("average", (X,), {}),
    ("average", (X,), {"axis": 1, "weights": W[0]}),
    ("average", (X,), {"axis": 0, "weights": W}),
    ("average", (INTS,), {"axis": 1}),
]


@pytest.mark.reference
@pytest.mark.parametrize("name,args,kwargs", REFERENCE_CASES)
def test_values_and_dtypes_match_keras_ops(name, args, kwargs):
    keras = import_keras()
    ours = getattr(ops, name)(*args, **kwargs).numpy()
    theirs = keras.ops.convert_to_numpy(getattr(keras.ops, name)(*args, **kwargs))
    assert ours.dtype == theirs.dtype, name
    assert ours.shape == theirs.shape, name
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-6, err_msg=name)


def test_trace_sums_the_shifted_diagonal_like_numpy():
    for offset in (-2, 0, 1, 5):
        np.testing.assert_allclose(ops.trace(X, offset).numpy(), np.trace(X, offset), rtol=1e-6)
    cube = X.reshape(2, 3, 2)
    np.testing.assert_allclose(ops.trace(cube, 0, 1, 2).numpy(), np.trace(cube, 0, 1, 2))
