"""Convolution layers: Conv1D, Conv2D (Conv2DTranspose is in `conv2d_transpose`).

A convolution slides small learned filters over a sequence or an image; each
filter answers "how much does this patch look like me?" at every position.
The arithmetic lives in `kerasedu.autograd.ops_conv`; these classes own the
weights and the hyper-parameters.

Example:
    >>> from kerasedu.layers import Conv2D
    >>> layer = Conv2D(8, 3, padding="same", activation="relu")
    >>> layer(np.ones((2, 28, 28, 1))).shape
    (2, 28, 28, 8)
    >>> [w.shape for w in layer.get_weights()]
    [(3, 3, 1, 8), (8,)]
"""

from kerasedu import activations
from kerasedu.autograd.ops_conv import conv1d, conv2d
from kerasedu.autograd.windows import normalize_tuple
from kerasedu.layers.conv_utils import check_data_format, conv_output_length, normalize_padding
from kerasedu.layers.dense import add_weight_from_options, options_config, set_weight_options
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class BaseConv(Layer):
    """Shared arguments, weights and config of the convolution layers (not used directly).

    A subclass sets ``rank`` (1 for sequences, 2 for images; 3 would be volumes)
    and ``_convolve(inputs)``, the op that slides the kernel.

    Args:
        filters: Number of filters (output channels).
        kernel_size: Filter size, an int or a tuple of ``rank`` ints.
        strides: Step between windows. Defaults to ``1``.
        padding: ``"valid"`` (no padding) or ``"same"`` (output length
            ``ceil(length / stride)``); Conv1D also takes ``"causal"``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
        dilation_rate: Gap between filter taps. Defaults to ``1``.
        activation: Name or callable applied to the output; ``None`` = linear.
        use_bias: Whether to add a bias per filter. Defaults to ``True``.
        kernel_initializer: Defaults to ``"glorot_uniform"``.
        bias_initializer: Defaults to ``"zeros"``.
        kernel_regularizer, bias_regularizer: Optional regularizers.
        kernel_constraint, bias_constraint: Optional constraints.
    """

    rank = None  # the number of spatial axes, set by each subclass
    _allowed_padding = ("valid", "same")

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        if not isinstance(filters, int) or filters <= 0:
            raise ValueError(
                f"{type(self).__name__}: `filters` must be a positive int. "
                f"Received: filters={filters!r}"
            )
        rank = self.rank
        self.filters = filters
        self.kernel_size = normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = normalize_tuple(strides, rank, "strides")
        self.padding = normalize_padding(padding, self._allowed_padding)
        self.dilation_rate = normalize_tuple(dilation_rate, rank, "dilation_rate")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(
                f"{type(self).__name__}: strides > 1 cannot be combined with "
                f"dilation_rate > 1. Received: strides={strides}, dilation_rate={dilation_rate}"
            )
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        set_weight_options(self, locals())

    def _kernel_shape(self, in_channels):
        return (*self.kernel_size, in_channels, self.filters)  # (kh, kw, C_in, C_out)

    def build(self, input_shape):
        in_channels = input_shape[-1]
        if in_channels is None:
            raise ValueError(
                f"Layer '{self.name}': the channel axis (last) of the input must be known. "
                f"Received: input_shape={tuple(input_shape)}"
            )
        self.kernel = add_weight_from_options(self, "kernel", self._kernel_shape(in_channels))
        self.bias = None
        if self.use_bias:
            self.bias = add_weight_from_options(self, "bias", (self.filters,))
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={-1: in_channels})

    def call(self, inputs):
        y = self._convolve(inputs)
        if self.bias is not None:
            y = y + self.bias  # one bias per filter, broadcast over N and the spatial axes
        return self.activation(y)

    def compute_output_shape(self, input_shape):
        spatial = [
            conv_output_length(length, k, self.padding, s, d)
            for length, k, s, d in zip(
                input_shape[1:-1], self.kernel_size, self.strides, self.dilation_rate
            )
        ]
        return (input_shape[0], *spatial, self.filters)

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": list(self.dilation_rate),
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **options_config(self, "kernel", "bias"),
        }


class Conv1D(BaseConv):
    """1-D convolution over sequences.

    ``y[n, t, o] = sum_{i,c} x[n, t*s + i*d, c] * kernel[i, c, o] + bias[o]``.

    Takes the arguments of `BaseConv` (``filters, kernel_size, strides,
    padding, dilation_rate, activation, use_bias``, initializers...), with
    ``padding="causal"`` also allowed: the sequence is left-padded by
    ``(kernel_size - 1) * dilation_rate``, so output ``t`` sees only inputs ``<= t``.

    Shapes:
        input ``(N, T, C_in)`` -> output ``(N, T_out, filters)``; kernel
        ``(kernel_size, C_in, filters)``.

    Example:
        >>> Conv1D(4, 3, padding="causal")(np.ones((2, 10, 3))).shape
        (2, 10, 4)
    """

    rank = 1
    _allowed_padding = ("valid", "same", "causal")

    def _convolve(self, inputs):
        return conv1d(inputs, self.kernel, self.strides[0], self.padding, self.dilation_rate[0])


class Conv2D(BaseConv):
    """2-D convolution over images.

    ``y[n, a, b, o] = sum_{i,j,c} x[n, a*s+i, b*s+j, c] * kernel[i, j, c, o] + bias[o]``.

    Takes the arguments of `BaseConv` (``filters, kernel_size, strides,
    padding, dilation_rate, activation, use_bias``, initializers...).
    ``"same"`` padding follows TensorFlow: an odd total padding puts the extra
    row/column at the bottom/right.

    Shapes:
        input ``(N, H, W, C_in)`` -> output ``(N, H_out, W_out, filters)``;
        kernel ``(kh, kw, C_in, filters)``.

    Example:
        >>> Conv2D(2, (3, 3), strides=2, padding="same")(np.ones((1, 5, 5, 3))).shape
        (1, 3, 3, 2)
    """

    rank = 2

    def _convolve(self, inputs):
        return conv2d(inputs, self.kernel, self.strides, self.padding, self.dilation_rate)
