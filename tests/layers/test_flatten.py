"""Flatten: (N, ...) -> (N, product), channels fastest; the gradient is reshaped back."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Flatten, Input


def test_gradient_has_the_input_shape():
    x = Tensor(np.ones((2, 3, 4), dtype="float32"), requires_grad=True)
    weights = np.arange(24, dtype="float32").reshape(2, 12)
    (Flatten()(x) * weights).sum().backward()
    np.testing.assert_array_equal(x.grad, weights.reshape(2, 3, 4))


def test_one_axis_becomes_a_column_and_unknown_sizes_stay_unknown():
    assert Flatten()(np.zeros(5, dtype="float32")).shape == (5, 1)
    assert Flatten()(Input((None, 3))).shape == (None, None)


def test_unknown_data_format_is_rejected():
    with pytest.raises(ValueError, match="channels_middle"):
        Flatten(data_format="channels_middle")
