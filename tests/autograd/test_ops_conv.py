import math

import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


def tf_same_pads(size, k, s, d):
    """TensorFlow's 'same' padding, written out independently of the library."""
    out = math.ceil(size / s)
    total = max((out - 1) * s + (k - 1) * d + 1 - size, 0)
    return total // 2, total - total // 2


def naive_conv2d(x, w, strides, padding, dilation):
    """Direct loops over output pixels: slow but obviously right."""
    (sh, sw), (dh, dw) = strides, dilation
    kh, kw, _, c_out = w.shape
    if padding == "same":
        pads = (tf_same_pads(x.shape[1], kh, sh, dh), tf_same_pads(x.shape[2], kw, sw, dw))
        x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    h_out = (x.shape[1] - (kh - 1) * dh - 1) // sh + 1
    w_out = (x.shape[2] - (kw - 1) * dw - 1) // sw + 1
    y = np.zeros((x.shape[0], h_out, w_out, c_out))
    for a in range(h_out):
        for b in range(w_out):
            patch = x[
                :,
                a * sh : a * sh + (kh - 1) * dh + 1 : dh,
                b * sw : b * sw + (kw - 1) * dw + 1 : dw,
                :,
            ]
            y[:, a, b, :] = np.tensordot(patch, w, axes=([1, 2, 3], [0, 1, 2]))
    return y


CASES = [  # (input H, W), kernel, strides, padding, dilation
    ((5, 5), (3, 3), (1, 1), "valid", (1, 1)),
    ((5, 6), (3, 2), (2, 1), "valid", (1, 1)),
    ((5, 5), (2, 2), (1, 1), "same", (1, 1)),  # odd total padding: 1 extra at bottom/right
    ((6, 7), (3, 3), (2, 2), "same", (1, 1)),
    ((7, 7), (3, 3), (1, 1), "valid", (2, 2)),
    ((6, 6), (3, 2), (1, 2), "same", (2, 1)),
]


@pytest.mark.parametrize("hw, kernel, strides, padding, dilation", CASES)
def test_conv2d_matches_direct_loops_and_gradcheck(xp, hw, kernel, strides, padding, dilation):
    x = rand(xp, 2, *hw, 3, seed=1)
    w = rand(xp, *kernel, 3, 2, seed=2)
    y = ag.conv2d(x, w, strides=strides, padding=padding, dilation_rate=dilation)
    close(y, naive_conv2d(to_numpy(x), to_numpy(w), strides, padding, dilation), atol=1e-10)
    assert gradcheck(lambda a, b: ag.conv2d(a, b, strides, padding, dilation), [x, w])


def test_conv2d_same_puts_extra_padding_bottom_right():
    x = np.arange(16.0).reshape(1, 4, 4, 1)
    w = np.zeros((2, 2, 1, 1))
    w[0, 0] = 1.0  # picks the window's top-left pixel: no shift means no top/left padding
    y = ag.conv2d(x, w, padding="same")
    np.testing.assert_allclose(y.numpy()[0, :, :, 0], x[0, :, :, 0])


def test_conv2d_skips_input_gradient_and_stays_float32():
    x = Tensor(np.ones((2, 5, 5, 1), dtype="float32"))
    w = Tensor(np.ones((3, 3, 1, 4), dtype="float32"), requires_grad=True)
    y = ag.conv2d(x, w, padding="same")
    assert y.dtype == np.float32
    y.sum().backward()
    assert x.grad is None and w.grad.dtype == np.float32 and w.grad.shape == (3, 3, 1, 4)


def test_conv2d_shape_errors_name_op_and_shapes():
    with pytest.raises(ValueError, match=r"conv2d.*\(1, 4, 4, 2\).*\(3, 3, 1, 1\)"):
        ag.conv2d(np.ones((1, 4, 4, 2)), np.ones((3, 3, 1, 1)))
    with pytest.raises(ValueError, match="conv2d"):
        ag.conv2d(np.ones((1, 2, 2, 1)), np.ones((3, 3, 1, 1)))
    with pytest.raises(ValueError, match="padding"):
        ag.conv2d(np.ones((1, 4, 4, 1)), np.ones((3, 3, 1, 1)), padding="full")


@pytest.mark.parametrize(
    "padding, strides, dilation",
    [
        ("valid", 1, 1),
        ("same", 2, 1),
        ("causal", 1, 2),
        ("causal", 2, 1),
        ("same", 1, 3),
    ],
)
def test_conv1d_matches_conv2d_reference_and_gradcheck(xp, padding, strides, dilation):
    x = rand(xp, 2, 9, 3, seed=3)
    w = rand(xp, 3, 3, 2, seed=4)
    xn, wn = to_numpy(x), to_numpy(w)
    if padding == "causal":
        xn = np.pad(xn, ((0, 0), (2 * dilation, 0), (0, 0)))
    ref_padding = "same" if padding == "same" else "valid"
    expected = naive_conv2d(xn[:, None], wn[None], (1, strides), ref_padding, (1, dilation))[:, 0]
    y = ag.conv1d(x, w, strides=strides, padding=padding, dilation_rate=dilation)
    close(y, expected, atol=1e-10)
    assert gradcheck(lambda a, b: ag.conv1d(a, b, strides, padding, dilation), [x, w])


def test_conv1d_causal_output_ignores_the_future():
    x = np.zeros((1, 6, 1))
    x[0, 4, 0] = 1.0
    y = ag.conv1d(x, np.ones((3, 1, 1)), padding="causal").numpy()[0, :, 0]
    np.testing.assert_allclose(y, [0, 0, 0, 0, 1, 1])


@pytest.mark.parametrize(
    "strides, padding, output_padding",
    [
        (1, "valid", None),
        (2, "valid", None),
        (2, "same", None),
        (3, "same", None),
        (2, "valid", 1),
    ],
)
def test_conv2d_transpose_is_the_adjoint_of_conv2d(xp, strides, padding, output_padding):
    x = rand(xp, 2, 3, 4, 2, seed=5)
    w = rand(xp, 3, 3, 5, 2, seed=6)  # (kh, kw, C_out, C_in)
    y = ag.conv2d_transpose(x, w, strides=strides, padding=padding, output_padding=output_padding)
    # <conv2d_transpose(x), z> == <x, conv2d(z)> for the conv2d whose input has y's shape.
    z = rand(xp, *y.shape, seed=7)
    forward = ag.conv2d(z, w, strides=strides, padding=padding)
    assert forward.shape == x.shape
    left = float((y.numpy() * to_numpy(z)).sum())
    right = float((forward.numpy() * to_numpy(x)).sum())
    assert abs(left - right) < 1e-9 * max(1.0, abs(left))
    assert gradcheck(
        lambda a, b: ag.conv2d_transpose(a, b, strides, padding, output_padding), [x, w]
    )


def test_conv2d_transpose_output_sizes_follow_keras():
    x = np.ones((1, 4, 4, 1))
    assert ag.conv2d_transpose(x, np.ones((3, 3, 2, 1)), strides=2).shape == (1, 9, 9, 2)
    assert ag.conv2d_transpose(x, np.ones((3, 3, 2, 1)), strides=2, padding="same").shape == (
        1,
        8,
        8,
        2,
    )
    assert ag.conv2d_transpose(x, np.ones((2, 2, 2, 1)), strides=3).shape == (1, 12, 12, 2)
