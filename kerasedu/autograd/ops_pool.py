"""Pooling: max and average over sliding windows, in 2-D and 1-D.

Both reuse the window view of `windows` (no copy, no loop over pixels).
Max pooling sends each window's gradient to the window's arg-max; average
pooling spreads it evenly over the window's real (non-padded) cells. Windows
may overlap (``strides < pool_size``); col2im then adds the shares up.

Example:
    >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
    >>> max_pool2d(x, 2).numpy()[0, :, :, 0].tolist()
    [[5.0, 7.0], [13.0, 15.0]]
"""

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_conv import check_padding
from kerasedu.autograd.ops_shape import reshape
from kerasedu.autograd.windows import (
    add_windows,
    crop_spatial,
    normalize_tuple,
    pad_spatial,
    padding_amounts,
    sliding_windows,
)
from kerasedu.device import get_array_module

_NO_DILATION = (1, 1)


class MaxPool2D(Function):
    """``y[n, a, b, c] = max`` of the ``(ph, pw)`` window at ``(a * sh, b * sw)``.

    Both passes loop over the ``ph * pw`` cells of a window (4 for 2x2), each
    step one vectorised operation on all windows at once: an ``argmax`` over a
    copied window axis is many times slower in NumPy.
    """

    def forward(self, x, pool_size, strides, pads):
        xp = get_array_module(x)
        x_pad = x
        if pads != ((0, 0), (0, 0)):  # padded cells must never win: pad with -inf
            x_pad = xp.pad(x, ((0, 0), pads[0], pads[1], (0, 0)), constant_values=-xp.inf)
        windows = sliding_windows(x_pad, pool_size, strides, _NO_DILATION)  # (N, H', W', ph, pw, C)
        y = windows[:, :, :, 0, 0, :].copy()
        for i, j in _cells(pool_size)[1:]:
            xp.maximum(y, windows[:, :, :, i, j, :], out=y)
        self.windows, self.y, self.x_pad_shape = windows, y, x_pad.shape
        self.pool_size, self.strides, self.pads = pool_size, strides, pads
        return y

    def backward(self, grad):
        xp = get_array_module(grad)
        dwindows = xp.zeros(self.windows.shape, dtype=grad.dtype)  # (N, H_out, W_out, ph, pw, C)
        taken = xp.zeros(self.y.shape, dtype=bool)
        for i, j in _cells(self.pool_size):
            wins = (self.windows[:, :, :, i, j, :] == self.y) & ~taken  # the first maximum wins
            taken |= wins
            dwindows[:, :, :, i, j, :] = grad * wins  # d max/dx = 1 at the winner, 0 elsewhere
        dx_pad = xp.zeros(self.x_pad_shape, dtype=grad.dtype)
        return crop_spatial(add_windows(dx_pad, dwindows, self.strides, _NO_DILATION), self.pads)


def _cells(pool_size):
    """The ``(i, j)`` offsets of a window's cells, row by row."""
    return [(i, j) for i in range(pool_size[0]) for j in range(pool_size[1])]


class AvgPool2D(Function):
    """``y[n, a, b, c] = mean`` of the real (non-padded) cells of window ``(a * sh, b * sw)``."""

    def forward(self, x, pool_size, strides, pads):
        xp = get_array_module(x)
        x_pad = pad_spatial(x, pads)
        windows = sliding_windows(x_pad, pool_size, strides, _NO_DILATION)
        real = pad_spatial(xp.ones((1,) + x.shape[1:3] + (1,), dtype=x.dtype), pads)
        real_windows = sliding_windows(real, pool_size, strides, _NO_DILATION)
        self.count = real_windows.sum(axis=(3, 4))  # (1, H_out, W_out, 1)
        self.shapes, self.strides, self.pads = (windows.shape, x_pad.shape), strides, pads
        return windows.sum(axis=(3, 4)) / self.count

    def backward(self, grad):
        xp = get_array_module(grad)
        windows_shape, pad_shape = self.shapes
        share = (grad / self.count)[:, :, :, None, None, :]  # d mean/dx = 1/count per real cell
        dx_pad = xp.zeros(pad_shape, dtype=grad.dtype)
        dx_pad = add_windows(
            dx_pad, xp.broadcast_to(share, windows_shape), self.strides, _NO_DILATION
        )
        return crop_spatial(dx_pad, self.pads)  # padded cells had no source


def _pool_args(op_name, x, rank, pool_size, strides, padding):
    if x.ndim != rank + 2:
        raise ValueError(
            f"{op_name}: expected an input of rank {rank + 2}. Received: x.shape={tuple(x.shape)}"
        )
    check_padding(op_name, padding)
    pool_size = normalize_tuple(pool_size, 2, "pool_size")
    strides = pool_size if strides is None else normalize_tuple(strides, 2, "strides")
    pads = tuple(
        padding_amounts(x.shape[1 + a], pool_size[a], strides[a], padding, 1) for a in range(2)
    )
    if any(x.shape[1 + a] + sum(pads[a]) < pool_size[a] for a in range(2)):
        raise ValueError(
            f"{op_name}: pool_size {pool_size} is larger than the input of shape "
            f"{tuple(x.shape)} with padding={padding!r}."
        )
    return pool_size, strides, pads


def max_pool2d(x, pool_size=(2, 2), strides=None, padding="valid"):
    """Return the maximum over each ``pool_size`` window of images ``x`` ``(N, H, W, C)``.

    Args:
        x: Images ``(N, H, W, C)``.
        pool_size: Window size, int or pair. Defaults to ``(2, 2)``.
        strides: Step between windows; ``None`` means ``pool_size``.
        padding: ``"valid"`` or ``"same"`` (TensorFlow's rule). Defaults to ``"valid"``.

    Returns:
        Tensor ``(N, H_out, W_out, C)``.

    Example:
        >>> max_pool2d(np.ones((2, 5, 5, 3)), 2, padding="same").shape
        (2, 3, 3, 3)
    """
    pool_size, strides, pads = _pool_args("max_pool2d", x, 2, pool_size, strides, padding)
    return MaxPool2D.apply(x, pool_size=pool_size, strides=strides, pads=pads)


def avg_pool2d(x, pool_size=(2, 2), strides=None, padding="valid"):
    """Return the mean over each ``pool_size`` window (``"same"``: over its real cells only).

    Args:
        x: Images ``(N, H, W, C)``.
        pool_size: Window size, int or pair. Defaults to ``(2, 2)``.
        strides: Step between windows; ``None`` means ``pool_size``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.

    Example:
        >>> avg_pool2d(np.ones((1, 3, 3, 1)), 2, padding="same").numpy()[0, :, :, 0].tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """
    pool_size, strides, pads = _pool_args("avg_pool2d", x, 2, pool_size, strides, padding)
    return AvgPool2D.apply(x, pool_size=pool_size, strides=strides, pads=pads)


def _pool1d(op, op_name, x, pool_size, strides, padding):
    if x.ndim != 3:
        raise ValueError(
            f"{op_name}: expected an input (N, T, C). Received: x.shape={tuple(x.shape)}"
        )
    n, t, c = x.shape
    pool_size = pool_size if isinstance(pool_size, int) else pool_size[0]
    strides = strides if strides is None or isinstance(strides, int) else strides[0]
    strides = None if strides is None else (1, strides)
    y = op(reshape(x, (n, 1, t, c)), (1, pool_size), strides, padding)  # a height-1 image
    return reshape(y, (n, y.shape[2], c))


def max_pool1d(x, pool_size=2, strides=None, padding="valid"):
    """Return the maximum over windows of ``pool_size`` steps of sequences ``x`` ``(N, T, C)``.

    Example:
        >>> max_pool1d(np.arange(6.0).reshape(1, 6, 1), 3).numpy()[0, :, 0].tolist()
        [2.0, 5.0]
    """
    return _pool1d(max_pool2d, "max_pool1d", x, pool_size, strides, padding)


def avg_pool1d(x, pool_size=2, strides=None, padding="valid"):
    """Return the mean over windows of ``pool_size`` steps of sequences ``x`` ``(N, T, C)``.

    Example:
        >>> avg_pool1d(np.arange(6.0).reshape(1, 6, 1), 3).numpy()[0, :, 0].tolist()
        [1.0, 4.0]
    """
    return _pool1d(avg_pool2d, "avg_pool1d", x, pool_size, strides, padding)
