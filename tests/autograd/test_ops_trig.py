"""Trigonometric and hyperbolic ops: values against NumPy, derivatives against finite
differences, dtypes and values against keras.ops."""

import numpy as np
import pytest

from kerasedu.autograd import ops_trig
from kerasedu.autograd.gradcheck import gradcheck
from tests.layers.keras_reference import import_keras

INSIDE = np.linspace(-0.9, 0.9, 7)  # where arcsin, arccos and arctanh are smooth
ANY = np.linspace(-2.5, 2.5, 9)
ABOVE_ONE = np.linspace(1.2, 4.0, 5)  # arccosh's domain, off its edge
DOMAINS = {
    "sin": ANY,
    "cos": ANY,
    "tan": np.linspace(-1.3, 1.3, 7),
    "arcsin": INSIDE,
    "arccos": INSIDE,
    "arctan": ANY,
    "sinh": ANY,
    "cosh": ANY,
    "arcsinh": ANY,
    "arccosh": ABOVE_ONE,
    "arctanh": INSIDE,
}


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_values_match_numpy_and_gradients_match_finite_differences(name):
    op, x = getattr(ops_trig, name), DOMAINS[name]
    np.testing.assert_allclose(op(x).numpy(), getattr(np, name)(x), rtol=1e-12)
    assert gradcheck(op, [x])
    integers = np.array([1, 2] if name == "arccosh" else [0, 0])
    assert op(integers).dtype == np.float32  # integers become floatx, as in Keras


def test_arctan2_finds_the_quadrant_and_broadcasts():
    y, x = np.array([[1.0], [-1.0]]), np.array([1.0, -1.0, 0.5])
    np.testing.assert_allclose(ops_trig.arctan2(y, x).numpy(), np.arctan2(y, x), rtol=1e-12)
    assert gradcheck(ops_trig.arctan2, [y, x])


@pytest.mark.reference
@pytest.mark.parametrize("name", sorted(DOMAINS) + ["arctan2"])
def test_values_and_dtypes_match_keras_ops(name):
    kops = import_keras().ops
    x = (DOMAINS.get(name, ANY)).astype("float32")
    args = (x, x[::-1] + 3.0) if name == "arctan2" else (x,)
    ours, theirs = getattr(ops_trig, name)(*args), getattr(kops, name)(*args)
    theirs = kops.convert_to_numpy(theirs)
    assert ours.numpy().dtype == theirs.dtype
    np.testing.assert_allclose(ours.numpy(), theirs, rtol=1e-5, atol=1e-6)
    ints = np.array([1, 2], dtype="int32")
    assert ops_trig.sin(ints).dtype == kops.convert_to_numpy(kops.sin(ints)).dtype
