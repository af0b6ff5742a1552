"""Convolutions as one big matrix product: conv2d, conv1d, conv2d_transpose.

A convolution slides a ``(kh, kw, C_in)`` window over the image and takes the
dot product of every window with every filter. `windows.sliding_windows` builds
a view of all windows without copying (stride tricks); flattening it gives the
*im2col* matrix with one row per output pixel, so the whole convolution is a
single matmul ``(N*H_out*W_out, kh*kw*C_in) @ (kh*kw*C_in, C_out)``.
The backward pass adds each window's gradient back onto its pixels
(*col2im*, `windows.add_windows`), one vectorised slice per kernel offset.

Layout is Keras's: images ``(N, H, W, C)``, kernels ``(kh, kw, C_in, C_out)``.

Example:
    >>> x = np.ones((1, 4, 4, 1), dtype="float32")
    >>> w = np.ones((3, 3, 1, 2), dtype="float32")
    >>> conv2d(x, w).shape, conv2d(x, w, padding="same").shape
    ((1, 2, 2, 2), (1, 4, 4, 2))
"""

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_shape import reshape
from kerasedu.autograd.windows import (
    add_windows,
    crop_spatial,
    deconv_output_length,
    normalize_tuple,
    pad_spatial,
    padding_amounts,
    sliding_windows,
)
from kerasedu.device import get_array_module


class Conv2D(Function):
    """2-D cross-correlation.

    ``y[n, a, b, o] = sum_{i,j,c} x[n, a*s+i*d, b*s+j*d, c] * w[i, j, c, o]``.
    """

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


def check_padding(op_name, padding):
    """Raise a ValueError naming ``op_name`` unless ``padding`` is ``"valid"`` or ``"same"``."""
    if padding not in ("valid", "same"):
        raise ValueError(
            f"{op_name}: padding must be 'valid' or 'same'. Received: padding={padding!r}"
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
    strides = normalize_tuple(strides, 2, "strides")
    dilation = normalize_tuple(dilation_rate, 2, "dilation_rate")
    check_padding("conv2d", padding)
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
        >>> y = conv1d(np.ones((1, 5, 1)), np.ones((3, 1, 1)), padding="causal")
        >>> y.numpy()[0, :, 0].tolist()
        [1.0, 2.0, 3.0, 3.0, 3.0]
    """
    _check_conv_shapes("conv1d", x, w, 1)
    (stride,) = normalize_tuple(strides, 1, "strides")
    (dilation,) = normalize_tuple(dilation_rate, 1, "dilation_rate")
    pads = ((0, 0), padding_amounts(x.shape[1], w.shape[0], stride, padding, dilation))
    n, t, c_in = x.shape
    image = reshape(x, (n, 1, t, c_in))  # a sequence is an image of height 1
    kernel = reshape(w, (1,) + tuple(w.shape))
    y = Conv2D.apply(image, kernel, strides=(1, stride), pads=pads, dilation=(1, dilation))
    return reshape(y, (n, y.shape[2], y.shape[3]))


def conv2d_transpose(
    x, w, strides=(1, 1), padding="valid", output_padding=None, dilation_rate=(1, 1)
):
    """Return the transposed convolution of ``x`` (the gradient of `conv2d` by its input).

    Output size per axis follows Keras (see `deconv_output_length`).

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
    strides = normalize_tuple(strides, 2, "strides")
    dilation = normalize_tuple(dilation_rate, 2, "dilation_rate")
    check_padding("conv2d_transpose", padding)
    if output_padding is not None:
        output_padding = normalize_tuple(output_padding, 2, "output_padding", minimum=0)
    out_pad = output_padding or (None, None)
    pads, padded_shape = [], []
    for a in range(2):
        size, k, s, d = x.shape[1 + a], w.shape[a], strides[a], dilation[a]
        effective = (k - 1) * d + 1
        length = deconv_output_length(size, k, padding, out_pad[a], s, d)
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
