"""Sliding windows over images, shared by convolution and pooling: im2col and col2im.

`sliding_windows` views every window of an ``(N, H, W, C)`` image at once,
``(N, H_out, W_out, kh, kw, C)``, without copying (*im2col* is that view
flattened). `add_windows` is the way back (*col2im*): it adds a gradient per
window onto the pixels the windows cover. The other helpers check sizes and
compute paddings and output lengths.

Example:
    >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
    >>> sliding_windows(x, (2, 2), (2, 2), (1, 1)).shape
    (1, 2, 2, 2, 2, 1)
"""

import math
import numbers

from kerasedu.device import get_array_module


def normalize_tuple(value, n, name, minimum=1):
    """Return ``value`` as a tuple of ``n`` ints ``>= minimum`` (``3`` -> ``(3, 3)``).

    Used for every size argument of the convolution and pooling ops and layers.

    Raises:
        ValueError: for a wrong length or an entry below ``minimum``.

    Example:
        >>> normalize_tuple(3, 2, "kernel_size"), normalize_tuple([2, 1], 2, "strides")
        ((3, 3), (2, 1))
    """
    values = (value,) * n if isinstance(value, numbers.Integral) else tuple(value)
    if len(values) != n or not all(
        isinstance(v, numbers.Integral) and v >= minimum for v in values
    ):
        raise ValueError(
            f"`{name}` must be an int >= {minimum} or a tuple of {n} of them. "
            f"Received: {name}={value!r}"
        )
    return tuple(int(v) for v in values)


def padding_amounts(length, kernel, stride, padding, dilation):
    """Return ``(before, after)`` padding of one spatial axis.

    ``"valid"``: none. ``"same"`` (TensorFlow's rule): enough for
    ``ceil(length / stride)`` outputs, the odd pixel at the end (bottom/right).
    ``"causal"``: ``(kernel - 1) * dilation`` at the start only.
    """
    effective = (kernel - 1) * dilation + 1  # the kernel's span, dilation gaps included
    if padding == "valid":
        return 0, 0
    if padding == "same":
        out = math.ceil(length / stride)
        total = max((out - 1) * stride + effective - length, 0)
        return total // 2, total - total // 2
    if padding == "causal":
        return effective - 1, 0
    raise ValueError(
        f"Unknown padding. Expected 'valid', 'same' or 'causal'. Received: padding={padding!r}"
    )


def pad_spatial(x, pads):
    """Zero-pad the H and W axes of ``(N, H, W, C)``; ``pads = ((top, bottom), (left, right))``."""
    if pads == ((0, 0), (0, 0)):
        return x
    return get_array_module(x).pad(x, ((0, 0), pads[0], pads[1], (0, 0)))


def sliding_windows(x, kernel, strides, dilation):
    """View ``(N, H, W, C)`` as windows ``(N, H_out, W_out, kh, kw, C)`` without copying.

    Window ``(a, b)`` starts at pixel ``(a * sh, b * sw)``; offset ``(i, j)``
    inside it is pixel ``(a * sh + i * dh, b * sw + j * dw)``.
    """
    xp = get_array_module(x)
    n, h, w, c = x.shape
    (kh, kw), (sh, sw), (dh, dw) = kernel, strides, dilation
    h_out = (h - (kh - 1) * dh - 1) // sh + 1
    w_out = (w - (kw - 1) * dw - 1) // sw + 1
    s_n, s_h, s_w, s_c = x.strides
    shape = (n, h_out, w_out, kh, kw, c)
    strides_bytes = (s_n, s_h * sh, s_w * sw, s_h * dh, s_w * dw, s_c)
    return xp.lib.stride_tricks.as_strided(x, shape=shape, strides=strides_bytes)


def add_windows(dx, dwindows, strides, dilation):
    """col2im: add window gradients ``(N, H_out, W_out, kh, kw, C)`` onto ``dx`` ``(N, H, W, C)``.

    Overlapping windows share pixels, so the gradients are summed. One
    vectorised slice per kernel offset: no loop over pixels or samples.
    """
    _, h_out, w_out, kh, kw, _ = dwindows.shape
    (sh, sw), (dh, dw) = strides, dilation
    for i in range(kh):
        for j in range(kw):
            rows = slice(i * dh, i * dh + sh * (h_out - 1) + 1, sh)  # pixels offset (i, j) touched
            cols = slice(j * dw, j * dw + sw * (w_out - 1) + 1, sw)
            dx[:, rows, cols, :] += dwindows[:, :, :, i, j, :]
    return dx


def crop_spatial(x, pads):
    """Undo `pad_spatial`."""
    (top, bottom), (left, right) = pads
    return x[:, top : x.shape[1] - bottom, left : x.shape[2] - right, :]


def deconv_output_length(length, kernel_size, padding, output_padding, stride, dilation):
    """Output length of a transposed convolution along one axis (Keras's formula).

    ``"valid"``: ``length * stride + max(span - stride, 0)``; ``"same"``:
    ``length * stride``; with ``output_padding`` ``p``:
    ``(length - 1) * stride + span - 2 * crop + p`` (``crop = span // 2`` for
    ``"same"``), where ``span = (kernel_size - 1) * dilation + 1``. ``None`` stays ``None``.

    Example:
        >>> deconv_output_length(4, 3, "same", None, stride=2, dilation=1)
        8
    """
    if length is None:
        return None
    span = (kernel_size - 1) * dilation + 1  # the kernel's reach, dilation gaps included
    if output_padding is not None:
        crop = span // 2 if padding == "same" else 0
        return (length - 1) * stride + span - 2 * crop + output_padding
    if padding == "valid":
        return length * stride + max(span - stride, 0)
    return length * stride
