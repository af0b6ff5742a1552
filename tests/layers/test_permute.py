"""Permute: axes reordered (1-based, the batch axis stays); the gradient is permuted back."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Input, Permute


def test_three_axes_and_the_gradient_goes_back_to_the_input_layout():
    x = Tensor(np.random.randn(2, 3, 4, 5), requires_grad=True)
    y = Permute((3, 1, 2), dtype="float64")(x)
    np.testing.assert_array_equal(y.numpy(), np.transpose(x.numpy(), (0, 3, 1, 2)))
    weights = np.random.randn(*y.shape)
    (y * weights).sum().backward()
    np.testing.assert_allclose(x.grad, np.transpose(weights, (0, 2, 3, 1)))
    assert Permute((3, 1, 2))(Input((3, 4, 5))).shape == (None, 5, 3, 4)


def test_input_of_another_rank_is_an_error():
    with pytest.raises(ValueError, match=r"expects inputs of rank 3.*\(2, 3\)"):
        Permute((2, 1))(np.zeros((2, 3), dtype="float32"))
