import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize(
    "name, reference",
    [
        ("add", np.add),
        ("sub", np.subtract),
        ("mul", np.multiply),
    ],
)
def test_binary_ops_broadcast(xp, name, reference):
    a, b = rand(xp, 2, 3, seed=1), rand(xp, 3, seed=2)
    op = getattr(ag, name)
    close(op(a, b), reference(to_numpy(a), to_numpy(b)))
    assert gradcheck(op, [a, b])


def test_div_and_pow_gradients(xp):
    a = xp.abs(rand(xp, 2, 3, seed=3)) + 0.5
    b = rand(xp, 1, 3, seed=4)
    assert gradcheck(ag.div, [a, b + 3.0])
    assert gradcheck(ag.pow, [a, b])


@pytest.mark.parametrize("name", ["exp", "sqrt", "log", "abs", "neg"])
def test_unary_ops_gradcheck(xp, name):
    x = xp.abs(rand(xp, 2, 3, seed=5)) + 0.3
    assert gradcheck(getattr(ag, name), [x])


def test_binary_shape_mismatch_names_op_and_shapes():
    with pytest.raises(ValueError, match=r"add.*\(2, 3\).*\(4,\)"):
        ag.add(np.ones((2, 3)), np.ones(4))


def test_cast_keeps_gradient_between_floats():
    x = ag.Tensor(np.ones(2, dtype="float32"), requires_grad=True)
    y = ag.cast(x, "float64")
    assert y.dtype == np.float64
    y.sum().backward()
    assert x.grad.dtype == np.float32
    assert not ag.cast(x, "int32").requires_grad
