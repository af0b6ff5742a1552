import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from tests.autograd.helpers import close, rand

AXES = [None, 0, -1, (0, 2), (-1, -3), -2]


@pytest.mark.parametrize("name", ["sum", "mean", "max", "min"])
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("keepdims", [False, True])
def test_reductions_match_numpy_and_gradcheck(xp, name, axis, keepdims):
    x = rand(xp, 2, 3, 4, seed=11)
    expected = getattr(np, name)(ag.Tensor(x).numpy(), axis=axis, keepdims=keepdims)
    close(getattr(ag, name)(x, axis=axis, keepdims=keepdims), expected)
    assert gradcheck(lambda t: getattr(ag, name)(t, axis=axis, keepdims=keepdims), [x])


def test_max_splits_gradient_between_ties():
    x = ag.Tensor(np.array([1.0, 3.0, 3.0]), requires_grad=True)
    ag.max(x).backward()
    np.testing.assert_allclose(x.grad, [0.0, 0.5, 0.5])


def test_reduce_axis_out_of_range_raises():
    with pytest.raises(ValueError, match="axis 3"):
        ag.sum(np.ones((2, 2)), axis=3)
