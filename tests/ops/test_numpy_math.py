"""`kerasedu.ops.numpy_math` against NumPy, finite differences and keras.ops."""

import numpy as np
import pytest

from kerasedu import ops
from kerasedu.autograd import Tensor, gradcheck
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(0)
X = RNG.normal(scale=3.0, size=(3, 4)).astype("float32")
Y = (RNG.uniform(0.5, 2.0, size=(3, 4)) * RNG.choice([-1, 1], size=(3, 4))).astype("float32")
POSITIVE = np.abs(X) + 0.1
INTS = np.array([[-7, -2, 0, 3], [5, 8, -1, 4]], dtype="int32")
INT_DIVISORS = np.array([3, -2, 5, 2], dtype="int32")
SPECIAL = np.array([np.nan, np.inf, -np.inf, 1.5, 0.0], dtype="float32")

UNARY = {  # name -> (NumPy function, input)
    "floor": (np.floor, X),
    "ceil": (np.ceil, X),
    "round": (np.round, X),
    "sign": (np.sign, X),
    "log1p": (np.log1p, POSITIVE),
    "expm1": (np.expm1, X),
    "reciprocal": (np.reciprocal, Y),
    "log2": (np.log2, POSITIVE),
    "log10": (np.log10, POSITIVE),
    "isnan": (np.isnan, SPECIAL),
    "isfinite": (np.isfinite, SPECIAL),
    "logical_not": (np.logical_not, INTS),
}
BINARY = {
    "floor_divide": np.floor_divide,
    "mod": np.mod,
    "equal": np.equal,
    "not_equal": np.not_equal,
    "greater": np.greater,
    "greater_equal": np.greater_equal,
    "less": np.less,
    "less_equal": np.less_equal,
    "logical_and": np.logical_and,
    "logical_or": np.logical_or,
    "logical_xor": np.logical_xor,
}
FLOAT_RESULTS = ["floor", "ceil", "log1p", "expm1", "reciprocal", "log2", "log10"]
DIFFERENTIABLE = {  # name -> input of the gradient check (away from kinks and poles)
    "log1p": POSITIVE,
    "expm1": X / 3,
    "reciprocal": Y,
    "log2": POSITIVE,
    "log10": POSITIVE,
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_ops_match_numpy(name):
    numpy_fn, x = UNARY[name]
    got = getattr(ops, name)(x)
    assert isinstance(got, Tensor)
    expected = numpy_fn(x)
    np.testing.assert_allclose(got.numpy(), expected, rtol=1e-6, atol=1e-7)
    assert got.dtype == expected.dtype


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize(
    "pair", [(X, Y), (INTS, INT_DIVISORS), (X, X[:, :1])], ids=["float", "int", "broadcast"]
)
def test_binary_ops_match_numpy_and_broadcast(name, pair):
    got = getattr(ops, name)(*pair)
    expected = BINARY[name](*pair)
    np.testing.assert_allclose(got.numpy(), expected, rtol=1e-6, atol=1e-6)
    assert got.dtype == expected.dtype and got.shape == expected.shape


@pytest.mark.parametrize("name", FLOAT_RESULTS)
def test_ints_give_float32_and_floats_keep_their_dtype(name):
    assert getattr(ops, name)(np.array([1, 2], dtype="int32")).dtype == np.float32
    assert getattr(ops, name)(np.array([1.0, 2.0])).dtype == np.float64


def test_round_sign_and_remainders_keep_integers():
    for name in ["round", "sign"]:
        assert getattr(ops, name)(INTS).dtype == np.int32
    assert ops.floor_divide(INTS, INT_DIVISORS).dtype == np.int32
    assert ops.mod(INTS, INT_DIVISORS).numpy().tolist() == np.mod(INTS, INT_DIVISORS).tolist()


def test_round_takes_decimals_and_rounds_halves_to_even():
    halves = np.array([0.5, 1.5, 2.5, -0.5], dtype="float32")
    assert ops.round(halves).numpy().tolist() == [0.0, 2.0, 2.0, -0.0]
    np.testing.assert_allclose(ops.round(X, decimals=2).numpy(), np.round(X, 2))
    assert ops.round(np.array([15, 24, -15]), -1).numpy().tolist() == [20, 20, -20]


def test_log1p_and_expm1_stay_exact_for_tiny_and_infinite_inputs():
    tiny = np.array([1e-10, -3e-9, 0.0], dtype="float32")
    np.testing.assert_array_equal(ops.log1p(tiny).numpy(), np.log1p(tiny))
    np.testing.assert_array_equal(ops.expm1(tiny).numpy(), np.expm1(tiny))
    extremes = np.array([np.inf, np.nan], dtype="float32")
    np.testing.assert_array_equal(ops.log1p(extremes).numpy(), [np.inf, np.nan])
    np.testing.assert_array_equal(ops.expm1(SPECIAL).numpy(), np.expm1(SPECIAL))


def test_nan_to_num_replaces_and_lets_the_gradient_through_finite_values():
    got = ops.nan_to_num(SPECIAL, nan=1.0, posinf=2.0, neginf=-2.0)
    assert got.numpy().tolist() == [1.0, 2.0, -2.0, 1.5, 0.0]
    np.testing.assert_array_equal(ops.nan_to_num(SPECIAL).numpy(), np.nan_to_num(SPECIAL))
    assert ops.nan_to_num(INTS).dtype == np.int32
    x = Tensor(SPECIAL, requires_grad=True)
    ops.sum(ops.nan_to_num(x)).backward()
    assert x.grad.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]


@pytest.mark.parametrize("name", sorted(DIFFERENTIABLE))
def test_gradcheck(name):
    assert gradcheck(getattr(ops, name), [DIFFERENTIABLE[name].astype("float64")])


def test_mod_gradcheck_in_both_inputs():
    # x1 / x2 must stay away from integers, where floor jumps
    x1 = np.array([[2.5, -7.2], [4.1, 0.3]])
    x2 = np.array([[1.1, 3.4], [-1.8, 0.7]])
    assert gradcheck(ops.mod, [x1, x2])


@pytest.mark.parametrize("name", ["floor", "ceil", "round", "sign", "floor_divide", "greater"])
def test_steps_and_comparisons_record_no_gradient(name):
    x = Tensor(X, requires_grad=True)
    args = (x,) if name in UNARY else (x, 1.0)
    assert not getattr(ops, name)(*args).requires_grad


def test_comparisons_take_python_numbers():
    assert ops.equal([1, 2], 1.5).numpy().tolist() == [False, False]
    assert ops.less(X, 0.0).dtype == np.bool_
    assert ops.logical_and([1.0, 0.0], [2.0, 2.0]).numpy().tolist() == [True, False]


def reference_cases():
    """(name, args) pairs: float32 and int32 inputs, as Keras sees them."""
    cases = []
    for name, (_, x) in sorted(UNARY.items()):
        in_domain = name in ("log1p", "log2", "log10", "reciprocal")  # no log(0), 1 / 0
        cases += [(name, (x,)), (name, (np.abs(INTS) + 1 if in_domain else INTS,))]
    for name in sorted(BINARY):
        cases += [(name, (X, Y)), (name, (INTS, INT_DIVISORS))]
    cases += [
        ("round", (X, 2)),
        ("log1p", (np.array([1e-10, -3e-9], dtype="float32"),)),
        ("expm1", (np.array([1e-10, -3e-9], dtype="float32"),)),
        ("nan_to_num", (SPECIAL,)),
        ("nan_to_num", (SPECIAL, 1.0, 2.0, -2.0)),
        ("nan_to_num", (INTS,)),
    ]
    return cases


@pytest.mark.reference
@pytest.mark.parametrize("name,args", reference_cases())
def test_values_and_dtypes_match_keras_ops(name, args):
    keras = import_keras()
    ours = getattr(ops, name)(*args).numpy()
    theirs = keras.ops.convert_to_numpy(getattr(keras.ops, name)(*args))
    assert ours.dtype == theirs.dtype, name
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-6, err_msg=name)
