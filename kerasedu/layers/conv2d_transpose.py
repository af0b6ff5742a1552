"""`Conv2DTranspose`: the learned upsampling of decoders and generators.

Example:
    >>> from kerasedu.layers import Conv2DTranspose
    >>> Conv2DTranspose(3, 3, strides=2, padding="same")(np.ones((1, 4, 4, 2))).shape
    (1, 8, 8, 3)
"""

from kerasedu.autograd.ops_conv import conv2d_transpose
from kerasedu.autograd.windows import deconv_output_length, normalize_tuple
from kerasedu.layers.conv import BaseConv


class Conv2DTranspose(BaseConv):
    """Transposed 2-D convolution ("deconvolution"): upsamples images by ``strides``.

    It computes the gradient of a `Conv2D` with respect to that layer's input,
    so a stride-2 Conv2DTranspose doubles the height and width.

    Args:
        output_padding: Optional int or pair that fixes an ambiguous output
            size. Defaults to ``None``.
        The other arguments are those of `Conv2D`.

    Shapes:
        input ``(N, H, W, C_in)`` -> output ``(N, H_out, W_out, filters)``
        (``"same"``: ``H_out = H * stride``); kernel ``(kh, kw, filters, C_in)``.

    Example:
        >>> Conv2DTranspose(3, 3, strides=2, padding="same")(np.ones((1, 4, 4, 2))).shape
        (1, 8, 8, 3)
    """

    rank = 2

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        output_padding=None,
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        **kwargs,
    ):
        super().__init__(
            filters,
            kernel_size,
            strides,
            padding,
            data_format,
            dilation_rate,
            activation,
            use_bias,
            **kwargs,
        )
        self.output_padding = None
        if output_padding is not None:
            self.output_padding = normalize_tuple(
                output_padding, self.rank, "output_padding", minimum=0
            )

    def _kernel_shape(self, in_channels):
        return (*self.kernel_size, self.filters, in_channels)  # Keras stores it the other way round

    def _convolve(self, inputs):
        return conv2d_transpose(
            inputs, self.kernel, self.strides, self.padding, self.output_padding, self.dilation_rate
        )

    def compute_output_shape(self, input_shape):
        out_pad = self.output_padding or (None, None)
        spatial = [
            deconv_output_length(length, k, self.padding, p, s, d)
            for length, k, p, s, d in zip(
                input_shape[1:3], self.kernel_size, out_pad, self.strides, self.dilation_rate
            )
        ]
        return (input_shape[0], *spatial, self.filters)

    def get_config(self):
        output_padding = None if self.output_padding is None else list(self.output_padding)
        return {**super().get_config(), "output_padding": output_padding}
