"""Convolution arithmetic: output lengths for valid/same padding, strides and dilation."""

import pytest

from kerasedu.layers.conv_utils import (
    check_data_format,
    conv_output_length,
    normalize_padding,
)


@pytest.mark.parametrize(
    "length, kernel, padding, stride, dilation, expected",
    [
        (28, 3, "valid", 1, 1, 26),  # 28 - 3 + 1
        (28, 3, "same", 1, 1, 28),
        (28, 3, "same", 2, 1, 14),  # ceil(28 / 2)
        (7, 2, "same", 2, 1, 4),  # ceil(7 / 2)
        (7, 2, "valid", 2, 1, 3),  # (7 - 2) // 2 + 1
        (10, 3, "valid", 1, 2, 6),  # span (3 - 1) * 2 + 1 = 5: 10 - 5 + 1
        (10, 3, "causal", 1, 2, 10),
        (None, 3, "valid", 1, 1, None),
    ],
)
def test_conv_output_length(length, kernel, padding, stride, dilation, expected):
    assert conv_output_length(length, kernel, padding, stride, dilation) == expected


def test_normalize_padding():
    assert normalize_padding("Valid") == "valid"
    with pytest.raises(ValueError, match="padding='full'"):
        normalize_padding("full")


def test_channels_first_is_refused_with_the_transpose_to_use():
    assert check_data_format("channels_last") == "channels_last"
    with pytest.raises(ValueError, match=r"np.transpose\(x, \(0, 2, 3, 1\)\)"):
        check_data_format("channels_first")
