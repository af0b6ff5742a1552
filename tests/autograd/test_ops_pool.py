import math

import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


def naive_pool(x, pool, strides, padding, reduce):
    """Pool by direct loops; 'same' windows only see real cells (TensorFlow's rule)."""
    (ph, pw), (sh, sw) = pool, strides
    _, h, w, _ = x.shape
    if padding == "same":
        h_out, w_out = math.ceil(h / sh), math.ceil(w / sw)
        top = max((h_out - 1) * sh + ph - h, 0) // 2
        left = max((w_out - 1) * sw + pw - w, 0) // 2
    else:
        h_out, w_out, top, left = (h - ph) // sh + 1, (w - pw) // sw + 1, 0, 0
    y = np.zeros((x.shape[0], h_out, w_out, x.shape[3]))
    for a in range(h_out):
        for b in range(w_out):
            r0, c0 = a * sh - top, b * sw - left
            window = x[:, max(r0, 0) : r0 + ph, max(c0, 0) : c0 + pw, :]
            y[:, a, b, :] = reduce(window, axis=(1, 2))
    return y


CASES = [  # (H, W), pool, strides, padding
    ((4, 4), (2, 2), (2, 2), "valid"),
    ((5, 5), (3, 3), (1, 1), "valid"),  # overlapping windows
    ((5, 6), (3, 2), (2, 1), "valid"),
    ((5, 5), (2, 2), (2, 2), "same"),  # odd: pads one row/column at the bottom/right
    ((5, 7), (3, 3), (2, 2), "same"),
    ((4, 4), (3, 3), (1, 1), "same"),
]


@pytest.mark.parametrize("hw, pool, strides, padding", CASES)
def test_max_pool2d_matches_loops_and_gradcheck(xp, hw, pool, strides, padding):
    # A permutation of distinct values: no ties, so the arg-max is unambiguous.
    n = 2 * hw[0] * hw[1] * 3
    x = xp.asarray(np.random.default_rng(0).permutation(n).reshape(2, *hw, 3) / n)
    close(
        ag.max_pool2d(x, pool, strides, padding),
        naive_pool(to_numpy(x), pool, strides, padding, np.max),
    )
    assert gradcheck(lambda t: ag.max_pool2d(t, pool, strides, padding), [x], eps=1e-7)


@pytest.mark.parametrize("hw, pool, strides, padding", CASES)
def test_avg_pool2d_matches_loops_and_gradcheck(xp, hw, pool, strides, padding):
    x = rand(xp, 2, *hw, 3)
    close(
        ag.avg_pool2d(x, pool, strides, padding),
        naive_pool(to_numpy(x), pool, strides, padding, np.mean),
    )
    assert gradcheck(lambda t: ag.avg_pool2d(t, pool, strides, padding), [x])


def test_avg_pool_same_divides_by_real_cells():
    y = ag.avg_pool2d(np.ones((1, 3, 3, 1)), 2, padding="same").numpy()
    np.testing.assert_allclose(y, np.ones((1, 2, 2, 1)))  # padded zeros would give 0.5 and 0.25


def test_max_pool_overlapping_windows_accumulate_gradient():
    x = Tensor(np.array([0.0, 0, 0, 0, 9, 0, 0, 0, 0]).reshape(1, 3, 3, 1), requires_grad=True)
    ag.max_pool2d(x, 2, strides=1).sum().backward()
    assert x.grad[0, 1, 1, 0] == 4.0  # the centre wins all four windows
    assert x.grad.sum() == 4.0


def test_pool_defaults_strides_to_pool_size_and_keeps_float32():
    x = np.ones((2, 6, 6, 3), dtype="float32")
    assert ag.max_pool2d(x, 3).shape == (2, 2, 2, 3)
    assert ag.avg_pool2d(x, 3).dtype == np.float32


def test_pool_errors():
    with pytest.raises(ValueError, match=r"max_pool2d.*\(1, 4, 4\)"):
        ag.max_pool2d(np.ones((1, 4, 4)), 2)
    with pytest.raises(ValueError, match="pool_size"):
        ag.avg_pool2d(np.ones((1, 2, 2, 1)), 3)


@pytest.mark.parametrize(
    "pool, strides, padding", [(2, None, "valid"), (3, 1, "same"), (2, 2, "same")]
)
def test_pool1d(xp, pool, strides, padding):
    n = 2 * 7 * 3
    x = xp.asarray(np.random.default_rng(1).permutation(n).reshape(2, 7, 3) / n)
    stride = pool if strides is None else strides
    expected_max = naive_pool(to_numpy(x)[:, None], (1, pool), (1, stride), padding, np.max)[:, 0]
    expected_avg = naive_pool(to_numpy(x)[:, None], (1, pool), (1, stride), padding, np.mean)[:, 0]
    close(ag.max_pool1d(x, pool, strides, padding), expected_max)
    close(ag.avg_pool1d(x, pool, strides, padding), expected_avg)
    assert gradcheck(lambda t: ag.max_pool1d(t, pool, strides, padding), [x], eps=1e-7)
    assert gradcheck(lambda t: ag.avg_pool1d(t, pool, strides, padding), [x])
