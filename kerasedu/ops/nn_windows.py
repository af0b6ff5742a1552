"""``keras.ops``' sliding-window functions: ``conv``, ``max_pool``, ``average_pool``.

Each picks the 1-D or 2-D autograd op from the input's rank, as ``keras.ops`` does:
``(N, T, C)`` sequences or ``(N, H, W, C)`` images (channels last).

Example:
    >>> from kerasedu import ops
    >>> ops.max_pool(ops.ones((1, 4, 4, 2)), pool_size=2).shape
    (1, 2, 2, 2)
"""

from kerasedu import autograd
from kerasedu.ops.core import convert_to_tensor

__all__ = ["average_pool", "conv", "max_pool"]

_BY_RANK = {  # input rank -> (convolution, max pooling, average pooling)
    3: (autograd.conv1d, autograd.max_pool1d, autograd.avg_pool1d),
    4: (autograd.conv2d, autograd.max_pool2d, autograd.avg_pool2d),
}


def _ops_for(inputs, data_format):
    if data_format not in (None, "channels_last"):
        raise ValueError(
            f"kerasedu's ops work on channels_last data. Received: data_format={data_format!r}"
        )
    inputs = convert_to_tensor(inputs)
    if inputs.ndim not in _BY_RANK:
        raise ValueError(
            "Expected sequences (N, T, C) or images (N, H, W, C); kerasedu has no 3-D "
            f"convolution or pooling op. Received shape {inputs.shape}."
        )
    return inputs, _BY_RANK[inputs.ndim]


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """Convolve (cross-correlate) ``inputs`` with ``kernel``, no bias.

    Shapes:
        ``(N, H, W, C_in)`` with kernel ``(kh, kw, C_in, C_out)`` -> ``(N, H_out, W_out,
        C_out)``; sequences ``(N, T, C_in)`` with ``(k, C_in, C_out)`` likewise.

    Example:
        >>> conv(np.ones((1, 4, 4, 1)), np.ones((3, 3, 1, 2))).shape
        (1, 2, 2, 2)
    """
    inputs, (convolve, _, _) = _ops_for(inputs, data_format)
    return convolve(inputs, kernel, strides, padding, dilation_rate)


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """The maximum of each ``pool_size`` window (``strides`` default to ``pool_size``).

    Example:
        >>> max_pool(np.ones((1, 6, 2)), pool_size=3).shape
        (1, 2, 2)
    """
    inputs, (_, pool, _) = _ops_for(inputs, data_format)
    return pool(inputs, pool_size, strides, padding)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """The mean of each ``pool_size`` window (``"same"``: over its real cells only, as Keras).

    Example:
        >>> average_pool(np.ones((1, 4, 4, 1)), pool_size=2, strides=1).shape
        (1, 3, 3, 1)
    """
    inputs, (_, _, pool) = _ops_for(inputs, data_format)
    return pool(inputs, pool_size, strides, padding)
