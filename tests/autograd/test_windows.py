"""Sliding windows (im2col) and their way back (col2im), paddings and size arguments."""

import numpy as np
import pytest

from kerasedu.autograd.windows import (
    add_windows,
    crop_spatial,
    deconv_output_length,
    normalize_tuple,
    pad_spatial,
    padding_amounts,
    sliding_windows,
)


def test_normalize_tuple_accepts_an_int_or_a_tuple():
    assert normalize_tuple(2, 3, "pool_size") == (2, 2, 2)
    assert normalize_tuple((1, np.int64(2)), 2, "strides") == (1, 2)
    assert normalize_tuple(0, 2, "padding", minimum=0) == (0, 0)


@pytest.mark.parametrize("bad", [(1, 2, 3), 0, (2, 0), (1.5, 2)])
def test_normalize_tuple_rejects_wrong_lengths_and_values(bad):
    with pytest.raises(ValueError, match="`strides` must be an int >= 1"):
        normalize_tuple(bad, 2, "strides")


@pytest.mark.parametrize(
    "length, kernel, stride, padding, dilation, expected",
    [
        (5, 3, 1, "valid", 1, (0, 0)),
        (5, 3, 1, "same", 1, (1, 1)),
        (6, 3, 2, "same", 1, (0, 1)),  # odd total: the extra pixel at the end (TensorFlow)
        (5, 3, 1, "causal", 2, (4, 0)),  # (kernel - 1) * dilation, before only
    ],
)
def test_padding_amounts(length, kernel, stride, padding, dilation, expected):
    assert padding_amounts(length, kernel, stride, padding, dilation) == expected


def test_windows_are_a_view_of_the_right_pixels():
    x = np.arange(2 * 5 * 5 * 3, dtype="float64").reshape(2, 5, 5, 3)
    windows = sliding_windows(x, (2, 3), (2, 1), (1, 1))
    assert windows.shape == (2, 2, 3, 2, 3, 3)
    assert np.shares_memory(windows, x)  # no copy
    # window (a, b), offset (i, j) is pixel (a * 2 + i, b + j)
    np.testing.assert_array_equal(windows[1, 1, 2, 1, 0], x[1, 3, 2])
    dilated = sliding_windows(x, (2, 2), (1, 1), (2, 2))
    assert dilated.shape == (2, 3, 3, 2, 2, 3)
    np.testing.assert_array_equal(dilated[0, 0, 1, 1, 1], x[0, 2, 3])


def test_add_windows_is_the_adjoint_of_sliding_windows():
    # <windows(x), g> == <x, add_windows(g)> for every x and g: col2im is im2col's transpose
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, 6, 7, 2))
    args = ((3, 2), (2, 2), (1, 2))
    windows = sliding_windows(x, *args)
    g = rng.standard_normal(windows.shape)
    back = add_windows(np.zeros_like(x), g, *args[1:])
    np.testing.assert_allclose((windows * g).sum(), (x * back).sum(), rtol=1e-12)


def test_overlapping_windows_add_up():
    counts = add_windows(np.zeros((1, 4, 4, 1)), np.ones((1, 2, 2, 3, 3, 1)), (1, 1), (1, 1))
    # each pixel gets one from every 3x3 window (of 4) that covers it
    np.testing.assert_array_equal(
        counts[0, :, :, 0], [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]]
    )


def test_pad_then_crop_gives_the_image_back():
    x = np.random.rand(1, 3, 4, 2)
    pads = ((1, 2), (0, 1))
    padded = pad_spatial(x, pads)
    assert padded.shape == (1, 6, 5, 2) and padded[0, 0].sum() == 0
    np.testing.assert_array_equal(crop_spatial(padded, pads), x)


@pytest.mark.parametrize(
    "length, kernel, padding, output_padding, stride, expected",
    [
        (4, 3, "same", None, 2, 8),
        (4, 3, "valid", None, 2, 9),  # 4 * 2 + max(3 - 2, 0)
        (4, 3, "same", 1, 2, 8),  # (4 - 1) * 2 + 3 - 2 * 1 + 1
        (None, 3, "same", None, 2, None),
    ],
)
def test_deconv_output_length(length, kernel, padding, output_padding, stride, expected):
    assert deconv_output_length(length, kernel, padding, output_padding, stride, 1) == expected
