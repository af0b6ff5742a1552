"""Depthwise and separable (MobileNet's) convolutions, of sequences and images.

A *depthwise* convolution filters each input channel on its own: channel ``c``
gets ``depth_multiplier`` filters of its own and no other channel is mixed in.
A *separable* convolution is a depthwise one followed by a 1x1 ("pointwise")
convolution that mixes the channels: far fewer weights than a full `Conv2D`.

kerasedu runs a depthwise convolution as an ordinary `conv2d` whose kernel is
zero wherever an output channel would read another input channel
(`full_depthwise_kernel`): ``C`` times the arithmetic of a true depthwise op,
but no new autograd op, and the gradient of the zeros is masked away.

Example:
    >>> DepthwiseConv2D(3, depth_multiplier=2)(np.ones((1, 5, 5, 3))).shape
    (1, 3, 3, 6)
    >>> SeparableConv2D(4, 3, padding="same")(np.ones((1, 5, 5, 3))).shape
    (1, 5, 5, 4)
"""

import numpy as np

from kerasedu import activations
from kerasedu.autograd.ops_conv import conv1d, conv2d
from kerasedu.autograd.ops_shape import reshape
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.windows import normalize_tuple
from kerasedu.device import to_device
from kerasedu.layers.conv_utils import check_data_format, conv_output_length, normalize_padding
from kerasedu.layers.dense import add_weight_from_options, options_config, set_weight_options
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


def full_depthwise_kernel(kernel):
    """Turn a depthwise kernel ``(k..., C, M)`` into a full one ``(k..., C, C*M)``.

    Output channel ``c*M + m`` reads only input channel ``c`` (Keras's order):
    ``full[..., i, c*M + m] = kernel[..., c, m]`` if ``i == c``, else 0.

    Example:
        >>> full_depthwise_kernel(np.ones((1, 2, 1))).numpy()[0].tolist()
        [[1.0, 0.0], [0.0, 1.0]]
    """
    *window, channels, multiplier = kernel.shape
    flat = reshape(kernel, (*window, 1, channels * multiplier))
    own_channel = np.repeat(np.eye(channels), multiplier, axis=1)  # (C, C*M) block mask
    return flat * Tensor(to_device(own_channel, dtype=kernel.dtype))


def convolve(x, kernel, strides, padding, dilation_rate):
    """`conv1d` or `conv2d`, chosen by the kernel's rank."""
    if kernel.ndim == 3:
        return conv1d(x, kernel, strides[0], padding, dilation_rate[0])
    return conv2d(x, kernel, strides, padding, dilation_rate)


class BaseDepthwiseConv(Layer):
    """Depthwise convolution of ``rank`` spatial axes (see the module docstring).

    Args:
        kernel_size, strides, padding, dilation_rate, data_format: As `Conv2D`'s.
        depth_multiplier: Filters per input channel. Defaults to ``1``.
        activation, use_bias: As `Conv2D`'s.
        depthwise_initializer: Defaults to ``"glorot_uniform"``.
        bias_initializer: Defaults to ``"zeros"``.
        depthwise_regularizer, bias_regularizer, depthwise_constraint,
        bias_constraint: Optional.
    """

    def __init__(
        self,
        rank,
        kernel_size,
        strides=1,
        padding="valid",
        depth_multiplier=1,
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        bias_regularizer=None,
        depthwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.rank, self.depth_multiplier = rank, depth_multiplier
        self.kernel_size = normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = normalize_tuple(strides, rank, "strides")
        self.padding = normalize_padding(padding)
        self.dilation_rate = normalize_tuple(dilation_rate, rank, "dilation_rate")
        self.activation, self.use_bias = activations.get(activation), use_bias
        set_weight_options(self, locals())  # depthwise_* and bias_* (as Dense's kernel_*)
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape):
        channels = input_shape[-1]
        shape = (*self.kernel_size, channels, self.depth_multiplier)
        self.kernel = add_weight_from_options(self, "depthwise", shape, name=self._kernel_name)
        self.build_pointwise(channels * self.depth_multiplier)
        self.bias = None
        if self.use_bias:
            self.bias = add_weight_from_options(self, "bias", (self._out_channels(channels),))
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={-1: channels})

    _kernel_name = "kernel"

    def build_pointwise(self, channels):
        """Separable layers add their 1x1 kernel here; a depthwise layer has none."""

    def _out_channels(self, channels):
        return channels * self.depth_multiplier

    def call(self, inputs):
        full = full_depthwise_kernel(self.kernel)
        y = convolve(inputs, full, self.strides, self.padding, self.dilation_rate)
        y = self.pointwise(y)
        if self.bias is not None:
            y = y + self.bias  # one bias per output channel
        return self.activation(y)

    def pointwise(self, y):
        """The 1x1 convolution of separable layers; the identity here."""
        return y

    def compute_output_shape(self, input_shape):
        spatial = [
            conv_output_length(n, k, self.padding, s, d)
            for n, k, s, d in zip(
                input_shape[1:-1], self.kernel_size, self.strides, self.dilation_rate
            )
        ]
        return (input_shape[0], *spatial, self._out_channels(input_shape[-1]))

    def get_config(self):
        return {
            **super().get_config(),
            "depth_multiplier": self.depth_multiplier,
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": list(self.dilation_rate),
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **options_config(self, "depthwise", "bias"),
        }


class DepthwiseConv1D(BaseDepthwiseConv):
    """Depthwise convolution of sequences: each channel filtered on its own.

    Takes the arguments of `BaseDepthwiseConv`.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T_out, C * depth_multiplier)``;
        kernel ``(k, C, depth_multiplier)``.

    Example:
        >>> DepthwiseConv1D(3)(np.ones((2, 10, 4))).shape
        (2, 8, 4)
    """

    def __init__(self, kernel_size, strides=1, padding="valid", depth_multiplier=1, **kwargs):
        super().__init__(1, kernel_size, strides, padding, depth_multiplier, **kwargs)


class DepthwiseConv2D(BaseDepthwiseConv):
    """Depthwise convolution of images: each channel filtered on its own.

    Takes the arguments of `BaseDepthwiseConv`.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H_out, W_out, C * depth_multiplier)``;
        kernel ``(kh, kw, C, depth_multiplier)``.

    Example:
        >>> layer = DepthwiseConv2D(3)
        >>> _ = layer(np.ones((1, 8, 8, 3)))
        >>> [w.shape for w in layer.get_weights()]
        [(3, 3, 3, 1), (3,)]
    """

    def __init__(self, kernel_size, strides=(1, 1), padding="valid", depth_multiplier=1, **kwargs):
        super().__init__(2, kernel_size, strides, padding, depth_multiplier, **kwargs)


class BaseSeparableConv(BaseDepthwiseConv):
    """Depthwise convolution then a 1x1 convolution to ``filters`` channels.

    Args:
        filters: Output channels.
        pointwise_initializer, pointwise_regularizer, pointwise_constraint: For
            the 1x1 kernel (defaults ``"glorot_uniform"``, ``None``, ``None``).
        The other arguments are `BaseDepthwiseConv`'s.
    """

    _kernel_name = "depthwise_kernel"

    def __init__(
        self,
        rank,
        filters,
        kernel_size,
        pointwise_initializer="glorot_uniform",
        pointwise_regularizer=None,
        pointwise_constraint=None,
        **kwargs,
    ):
        super().__init__(rank, kernel_size, **kwargs)
        self.filters = filters
        set_weight_options(self, locals())  # pointwise_*

    def build_pointwise(self, channels):
        shape = (*[1] * self.rank, channels, self.filters)
        self.pointwise_kernel = add_weight_from_options(
            self, "pointwise", shape, name="pointwise_kernel"
        )

    def _out_channels(self, channels):
        return self.filters

    def pointwise(self, y):
        ones = (1,) * self.rank
        return convolve(y, self.pointwise_kernel, ones, "valid", ones)  # mixes the channels

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            **options_config(self, "pointwise"),
        }


class SeparableConv1D(BaseSeparableConv):
    """Separable convolution of sequences (depthwise, then 1x1 across channels).

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T_out, filters)``.

    Example:
        >>> SeparableConv1D(5, 3, padding="same")(np.ones((2, 10, 4))).shape
        (2, 10, 5)
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", **kwargs):
        super().__init__(1, filters, kernel_size, strides=strides, padding=padding, **kwargs)


class SeparableConv2D(BaseSeparableConv):
    """Separable convolution of images (depthwise, then 1x1 across channels).

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H_out, W_out, filters)``; weights
        ``depthwise_kernel (kh, kw, C, M)``, ``pointwise_kernel (1, 1, C*M, filters)``, ``bias``.

    Example:
        >>> SeparableConv2D(8, 3, strides=2)(np.ones((1, 7, 7, 3))).shape
        (1, 3, 3, 8)
    """

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, **kwargs)
