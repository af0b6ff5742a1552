"""Dropout: the gradient passes only through kept units, scaled like the values."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Dropout


def test_gradient_is_the_mask_scaled_by_one_over_keep():
    x = Tensor(np.ones((4, 50), dtype="float32"), requires_grad=True)
    y = Dropout(0.2, seed=3)(x, training=True)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, y.numpy(), rtol=1e-6)  # d(x * m)/dx = m, and x = 1
    assert set(np.unique(x.grad)) <= {0.0, np.float32(1 / 0.8)}


def test_seeded_layers_draw_the_same_masks_whatever_the_global_seed():
    x = np.ones((3, 8), dtype="float32")
    np.random.seed(1)
    a = Dropout(0.5, seed=7)(x, training=True).numpy()
    np.random.seed(2)
    b = Dropout(0.5, seed=7)(x, training=True).numpy()
    np.testing.assert_array_equal(a, b)


def test_rate_zero_is_identity_even_in_training():
    x = np.random.randn(2, 3).astype("float32")
    np.testing.assert_array_equal(Dropout(0.0)(x, training=True).numpy(), x)


@pytest.mark.parametrize("rate", [-0.1, 1.0])
def test_rate_outside_zero_one_is_rejected(rate):
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        Dropout(rate)
