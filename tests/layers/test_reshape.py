"""Reshape: the batch axis stays, one -1 is inferred, impossible shapes name the sizes."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Input, Reshape


def test_values_keep_row_major_order_and_the_gradient_is_reshaped_back():
    x = Tensor(np.arange(12.0).reshape(2, 6), requires_grad=True)
    y = Reshape((3, 2), dtype="float64")(x)
    np.testing.assert_array_equal(y.numpy(), np.arange(12.0).reshape(2, 3, 2))
    (y * y).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.numpy())  # d(y^2)/dx = 2x, in x's shape


@pytest.mark.parametrize("target", [(-1, -1), (0, 3), (-2, 3)])
def test_bad_target_shapes_are_rejected(target):
    with pytest.raises(ValueError, match="positive sizes and at most one -1"):
        Reshape(target)


def test_minus_one_that_does_not_divide_names_both_shapes():
    with pytest.raises(ValueError, match=r"\(7,\) \(7 values\) to target_shape=\(-1, 2\)"):
        Reshape((-1, 2))(Input((7,)))
    assert Reshape((-1, 2))(Input((None,))).shape == (None, None, 2)
