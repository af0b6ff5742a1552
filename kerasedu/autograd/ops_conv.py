"""Convolutions as one big matrix product: im2col, col2im, conv2d, conv1d, conv2d_transpose.

A convolution slides a ``(kh, kw, C_in)`` window over the image and takes the
dot product of every window with every filter. `sliding_windows` builds a view
of all windows without copying (stride tricks); flattening it gives the
*im2col* matrix with one row per output pixel, so the whole convolution is a
single matmul ``(N*H_out*W_out, kh*kw*C_in) @ (kh*kw*C_in, C_out)``.
The backward pass adds each window's gradient back onto its pixels
(*col2im*, `add_windows`), one vectorised slice per kernel offset.

Layout is Keras's: images ``(N, H, W, C)``, kernels ``(kh, kw, C_in, C_out)``.

Example:
    >>> x = np.ones((1, 4, 4, 1), dtype="float32")
    >>> w = np.ones((3, 3, 1, 2), dtype="float32")
    >>> conv2d(x, w).shape, conv2d(x, w, padding="same").shape
    ((1, 2, 2, 2), (1, 4, 4, 2))
"""

import math

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_shape import reshape
from kerasedu.device import get_array_module


def pair(value, name):
    """``3`` -> ``(3, 3)``; a pair stays a pair."""
    pair_value = (value, value) if isinstance(value, int) else tuple(value)
    if len(pair_value) != 2 or any(int(v) < 1 for v in pair_value):
        raise ValueError(
            f"`{name}` must be a positive int or a pair of them. Received: {name}={value!r}"
        )
    return tuple(int(v) for v in pair_value)


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
    """Zero-pad the H and W axes of ``(N, H, W, C)`` by ``pads = ((top, bottom), (left, right))``."""
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


class Conv2D(Function):
    """2-D cross-correlation ``y[n, a, b, o] = sum_{i,j,c} x[n, a*s+i*d, b*s+j*d, c] * w[i, j, c, o]``."""

    def forward(self, x, w, strides, pads, dilation):
        xp = get_array_module(x, w)
        kh, kw, c_in, c_out = w.shape
        x_pad = pad_spatial(x, pads)
        windows = sliding_windows(x_pad, (kh, kw), strides, dilation)
        n, h_out, w_out = windows.shape[:3]
        if h_out < 1 or w_out < 1:
            raise ValueError(
                f"conv2d: the kernel {tuple(w.shape)} (dilation {dilation}) is larger than "
                f"the padded input of shape {tuple(x_pad.shape)}."
            )
        cols = windows.reshape(n * h_out * w_out, kh * kw * c_in)  # im2col: this reshape copies
        w2d = xp.ascontiguousarray(w.reshape(kh * kw * c_in, c_out))
        y = cols @ w2d
        self.cols = cols if self.needs_input_grad[1] else None  # only dw needs the columns
        self.w2d, self.w_shape, self.x_pad_shape = w2d, w.shape, x_pad.shape
        self.strides, self.pads, self.dilation = strides, pads, dilation
        return y.reshape(n, h_out, w_out, c_out)

    def backward(self, grad):
        xp = get_array_module(grad)
        n, h_out, w_out, c_out = grad.shape
        kh, kw, c_in, _ = self.w_shape
        g2d = grad.reshape(-1, c_out)
        dx = dw = None
        if self.needs_input_grad[1]:
            dw = (self.cols.T @ g2d).reshape(self.w_shape)  # dW = cols^T G
        if self.needs_input_grad[0]:  # skipped for input images, which need no gradient
            dcols = (g2d @ self.w2d.T).reshape(n, h_out, w_out, kh, kw, c_in)  # dcols = G W^T
            dx_pad = xp.zeros(self.x_pad_shape, dtype=grad.dtype)
            dx = crop_spatial(add_windows(dx_pad, dcols, self.strides, self.dilation), self.pads)
        return dx, dw


class Conv2DTranspose(Function):
    """Transposed convolution: the input-gradient of a `Conv2D`, used to upsample."""

    def forward(self, x, w, strides, pads, dilation, out_pad_shape):
        xp = get_array_module(x, w)
        kh, kw, c_out, c_in = w.shape  # Keras's Conv2DTranspose kernel: (kh, kw, filters, C_in)
        n, h, wid, _ = x.shape
        self.x_shape = x.shape
        self.x2d = x.reshape(-1, c_in)
        self.w2d = xp.ascontiguousarray(w.reshape(kh * kw * c_out, c_in))
        dcols = (self.x2d @ self.w2d.T).reshape(n, h, wid, kh, kw, c_out)
        y_pad = xp.zeros((n,) + out_pad_shape + (c_out,), dtype=dcols.dtype)
        self.w_shape, self.strides, self.pads, self.dilation = w.shape, strides, pads, dilation
        return crop_spatial(add_windows(y_pad, dcols, strides, dilation), pads)

    def backward(self, grad):
        kh, kw, c_out, c_in = self.w_shape
        n, h, wid, _ = self.x_shape
        windows = sliding_windows(
            pad_spatial(grad, self.pads), (kh, kw), self.strides, self.dilation
        )
        cols = windows[:, :h, :wid].reshape(-1, kh * kw * c_out)  # the windows the inputs wrote to
        dx = dw = None
        if self.needs_input_grad[0]:
            dx = (cols @ self.w2d).reshape(self.x_shape)  # dX = cols W
        if self.needs_input_grad[1]:
            dw = (cols.T @ self.x2d).reshape(self.w_shape)  # dW = cols^T X
        return dx, dw


def _check_conv_shapes(op_name, x, w, rank):
    if x.ndim != rank + 2 or w.ndim != rank + 2 or x.shape[-1] != w.shape[-2]:
        raise ValueError(
            f"{op_name}: expected x of rank {rank + 2} (N, ..., C_in) and a kernel of rank "
            f"{rank + 2} (..., C_in, C_out) with matching C_in. Received shapes: "
            f"x={tuple(x.shape)}, kernel={tuple(w.shape)}"
        )


def conv2d(x, w, strides=(1, 1), padding="valid", dilation_rate=(1, 1)):
    """Return the 2-D convolution (cross-correlation, as in Keras) of ``x`` with kernel ``w``.

    Args:
        x: Images ``(N, H, W, C_in)``.
        w: Kernel ``(kh, kw, C_in, C_out)``.
        strides: Step between windows, int or pair. Defaults to ``(1, 1)``.
        padding: ``"valid"`` (no padding) or ``"same"`` (output size
            ``ceil(H / stride)``; TensorFlow's rule). Defaults to ``"valid"``.
        dilation_rate: Gap between kernel taps, int or pair. Defaults to ``(1, 1)``.

    Returns:
        Tensor ``(N, H_out, W_out, C_out)``. Add a bias afterwards if needed.

    Example:
        >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
        >>> conv2d(x, np.ones((2, 2, 1, 1)), strides=2).numpy()[0, :, :, 0].tolist()
        [[10.0, 18.0], [42.0, 50.0]]
    """
    _check_conv_shapes("conv2d", x, w, 2)
    strides, dilation = pair(strides, "strides"), pair(dilation_rate, "dilation_rate")
    if padding not in ("valid", "same"):
        raise ValueError(
            f"conv2d: padding must be 'valid' or 'same'. Received: padding={padding!r}"
        )
    pads = tuple(
        padding_amounts(x.shape[1 + a], w.shape[a], strides[a], padding, dilation[a])
        for a in range(2)
    )
    return Conv2D.apply(x, w, strides=strides, pads=pads, dilation=dilation)


def conv1d(x, w, strides=1, padding="valid", dilation_rate=1):
    """Return the 1-D convolution of a sequence ``x`` with kernel ``w``.

    Args:
        x: Sequences ``(N, T, C_in)``.
        w: Kernel ``(k, C_in, C_out)``.
        strides: Step between windows. Defaults to ``1``.
        padding: ``"valid"``, ``"same"`` or ``"causal"`` (left-pad by
            ``(k - 1) * dilation_rate``, so step ``t`` sees only steps ``<= t``).
            Defaults to ``"valid"``.
        dilation_rate: Gap between kernel taps. Defaults to ``1``.

    Returns:
        Tensor ``(N, T_out, C_out)``. Computed as a `conv2d` on a height-1 image.

    Example:
        >>> conv1d(np.ones((1, 5, 1)), np.ones((3, 1, 1)), padding="causal").numpy()[0, :, 0].tolist()
        [1.0, 2.0, 3.0, 3.0, 3.0]
    """
    _check_conv_shapes("conv1d", x, w, 1)
    stride = pair(strides if isinstance(strides, int) else strides[0], "strides")[0]
    dilation = pair(
        dilation_rate if isinstance(dilation_rate, int) else dilation_rate[0], "dilation_rate"
    )[0]
    pads = ((0, 0), padding_amounts(x.shape[1], w.shape[0], stride, padding, dilation))
    n, t, c_in = x.shape
    image = reshape(x, (n, 1, t, c_in))  # a sequence is an image of height 1
    kernel = reshape(w, (1,) + tuple(w.shape))
    y = Conv2D.apply(image, kernel, strides=(1, stride), pads=pads, dilation=(1, dilation))
    return reshape(y, (n, y.shape[2], y.shape[3]))


def conv2d_transpose(
    x, w, strides=(1, 1), padding="valid", output_padding=None, dilation_rate=(1, 1)
):
    """Return the transposed convolution of ``x`` (the gradient of `conv2d` with respect to its input).

    Output size per axis follows Keras: ``"valid"``: ``H * s + max(k_eff - s, 0)``;
    ``"same"``: ``H * s``; with ``output_padding`` ``p``:
    ``(H - 1) * s + k_eff - 2 * pad + p`` where ``pad`` is ``k_eff // 2`` for ``"same"``.

    Args:
        x: Images ``(N, H, W, C_in)``.
        w: Kernel ``(kh, kw, C_out, C_in)`` (Keras's Conv2DTranspose layout).
        strides: Upsampling factor, int or pair. Defaults to ``(1, 1)``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.
        output_padding: Optional int or pair, see above. Defaults to ``None``.
        dilation_rate: Int or pair. Defaults to ``(1, 1)``.

    Example:
        >>> conv2d_transpose(np.ones((1, 2, 2, 1)), np.ones((3, 3, 4, 1)), strides=2).shape
        (1, 5, 5, 4)
    """
    if x.ndim != 4 or w.ndim != 4 or x.shape[-1] != w.shape[-1]:
        raise ValueError(
            "conv2d_transpose: expected x (N, H, W, C_in) and a kernel (kh, kw, C_out, C_in). "
            f"Received shapes: x={tuple(x.shape)}, kernel={tuple(w.shape)}"
        )
    strides, dilation = pair(strides, "strides"), pair(dilation_rate, "dilation_rate")
    if padding not in ("valid", "same"):
        raise ValueError(
            f"conv2d_transpose: padding must be 'valid' or 'same'. Received: padding={padding!r}"
        )
    if isinstance(output_padding, int):
        output_padding = (output_padding, output_padding)
    pads, padded_shape = [], []
    for a in range(2):
        size, k, s, d = x.shape[1 + a], w.shape[a], strides[a], dilation[a]
        effective = (k - 1) * d + 1
        if output_padding is not None:
            crop = effective // 2 if padding == "same" else 0
            length = (size - 1) * s + effective - 2 * crop + output_padding[a]
        elif padding == "valid":
            length = size * s + max(effective - s, 0)
        else:
            length = size * s
        before, after = padding_amounts(length, k, s, padding, d)  # as the matching conv2d pads
        padded = max(length + before + after, (size - 1) * s + effective)  # windows must fit
        pads.append((before, padded - length - before))
        padded_shape.append(padded)
    return Conv2DTranspose.apply(
        x,
        w,
        strides=strides,
        pads=tuple(pads),
        dilation=dilation,
        out_pad_shape=tuple(padded_shape),
    )
