import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from kerasedu.backend import to_numpy
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


@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("keepdims", [False, True])
def test_prod_matches_numpy_and_gradcheck(xp, axis, keepdims):
    x = rand(xp, 2, 3, 4, seed=12)
    close(ag.prod(x, axis=axis, keepdims=keepdims), np.prod(to_numpy(x), axis, keepdims=keepdims))
    assert gradcheck(lambda t: ag.prod(t, axis=axis, keepdims=keepdims), [x])


def test_prod_gradient_is_the_product_of_the_others_even_with_zeros():
    x = ag.Tensor(np.array([[2.0, 0.0, 3.0], [0.0, 5.0, 0.0]]), requires_grad=True)
    ag.prod(x, axis=1).sum().backward()
    # one zero: only it gets a gradient (2 * 3); two zeros: every product of others has a 0
    np.testing.assert_array_equal(x.grad, [[0.0, 6.0, 0.0], [0.0, 0.0, 0.0]])


def test_prod_and_cumsum_keep_integer_dtypes():
    ints = np.array([[1, 2], [3, 4]], dtype="int32")
    assert ag.prod(ints, axis=0).dtype == np.int32
    assert ag.cumsum(ints, axis=1).dtype == np.int32


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_cumsum_matches_numpy_and_gradcheck(xp, axis):
    x = rand(xp, 2, 3, 4, seed=13)
    close(ag.cumsum(x, axis=axis), np.cumsum(to_numpy(x), axis=axis))
    assert gradcheck(lambda t: ag.cumsum(t, axis=axis), [x])
