import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize(
    "a_shape, b_shape",
    [
        ((3, 4), (4, 2)),
        ((2, 3, 4), (4, 5)),
        ((4,), (4, 2)),
        ((3, 4), (4,)),
        ((2, 3, 4), (1, 4, 2)),
    ],
)
def test_matmul_forward_and_gradcheck(xp, a_shape, b_shape):
    a, b = rand(xp, *a_shape, seed=1), rand(xp, *b_shape, seed=2)
    close(ag.matmul(a, b), Tensor(a).numpy() @ Tensor(b).numpy())
    assert gradcheck(ag.matmul, [a, b])


def test_matmul_shape_mismatch_names_shapes():
    with pytest.raises(ValueError, match=r"matmul.*\(2, 3\).*\(2, 3\)"):
        ag.matmul(np.ones((2, 3)), np.ones((2, 3)))


def test_matmul_skips_gradient_of_constant_input():
    x = Tensor(np.ones((2, 3), dtype="float32"))
    w = Tensor(np.ones((3, 4), dtype="float32"), requires_grad=True)
    (x @ w).sum().backward()
    assert x.grad is None and w.grad.dtype == np.float32
