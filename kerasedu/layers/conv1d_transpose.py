"""`Conv1DTranspose`: the learned upsampling of sequences (`Conv2DTranspose` for height 1).

Example:
    >>> from kerasedu.layers import Conv1DTranspose
    >>> Conv1DTranspose(3, 3, strides=2)(np.ones((1, 5, 2))).shape
    (1, 11, 3)
"""

from kerasedu.autograd.ops_conv import conv2d_transpose
from kerasedu.autograd.ops_shape import reshape
from kerasedu.layers.conv2d_transpose import Conv2DTranspose


class Conv1DTranspose(Conv2DTranspose):
    """Transposed 1-D convolution: upsamples sequences by ``strides``.

    Runs `conv2d_transpose` on the sequence seen as an image of height 1.

    Args:
        filters, kernel_size, strides, padding, output_padding, dilation_rate,
        activation, use_bias: As `Conv2DTranspose`'s, with single ints.

    Shapes:
        input ``(N, T, C_in)`` -> output ``(N, T_out, filters)`` (``"same"``:
        ``T_out = T * strides``); kernel ``(k, filters, C_in)``.

    Example:
        >>> Conv1DTranspose(3, 3, strides=2, padding="same")(np.ones((1, 5, 2))).shape
        (1, 10, 3)
    """

    rank = 1  # Conv2DTranspose's __init__ reads it: single ints for one axis

    def _convolve(self, inputs):
        n, t, c_in = inputs.shape
        image = reshape(inputs, (n, 1, t, c_in))  # a sequence is an image of height 1
        kernel = reshape(self.kernel, (1, *self.kernel.shape))
        out_pad = None if self.output_padding is None else (0, self.output_padding[0])
        y = conv2d_transpose(
            image, kernel, (1, self.strides[0]), self.padding, out_pad, (1, self.dilation_rate[0])
        )
        return reshape(y, (n, y.shape[2], y.shape[3]))
