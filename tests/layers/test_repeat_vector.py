"""RepeatVector: (N, D) -> (N, n, D); the gradient sums over the n copies."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import RepeatVector


def test_gradient_is_the_sum_over_the_copies():
    x = Tensor(np.array([[1.0, 2.0]]), requires_grad=True)
    weights = np.array([[[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]]])
    (RepeatVector(3, dtype="float64")(x) * weights).sum().backward()
    np.testing.assert_allclose(x.grad, [[6.0, 60.0]])


@pytest.mark.parametrize("n", [0, -1, 2.5])
def test_n_must_be_a_positive_integer(n):
    with pytest.raises(ValueError, match="positive integer"):
        RepeatVector(n)
