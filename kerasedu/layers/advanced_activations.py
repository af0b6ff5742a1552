"""Activation layers: LeakyReLU, PReLU, ELU, ThresholdedReLU, ReLU, Softmax.

They do what the activation functions do, as layers, so they can sit in a
`Sequential` model, carry arguments (``LeakyReLU(negative_slope=0.1)``) and,
for `PReLU`, learn their slope.

Example:
    >>> from kerasedu.layers import LeakyReLU
    >>> LeakyReLU(negative_slope=0.5)(np.array([[-2.0, 3.0]])).numpy().tolist()
    [[-1.0, 3.0]]
"""

from kerasedu import activations
from kerasedu.autograd import ops_nn
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.tensor import Tensor
from kerasedu.layers.dense import add_weight_from_options, options_config, set_weight_options
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer
from kerasedu.layers.mask_flow import as_mask


def _check_non_negative(layer, name, value):
    if value is None or value < 0:
        raise ValueError(
            f"{layer}: `{name}` must be a non-negative number. Received: {name}={value}"
        )


class ActivationLayer(Layer):
    """Base of these layers: output shape = input shape; ``get_config`` adds ``config_keys``."""

    config_keys = ()  # the constructor arguments, stored as attributes of the same names

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), **{key: getattr(self, key) for key in self.config_keys}}


class LeakyReLU(ActivationLayer):
    """Leaky rectifier: ``x`` for ``x > 0``, else ``negative_slope * x``.

    Args:
        negative_slope: Slope for negative inputs. Defaults to ``0.3`` (the
            function ``activations.leaky_relu`` defaults to ``0.2``).

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> print(LeakyReLU()(np.array([[-1.0, 1.0]])).numpy())
        [[-0.3  1. ]]
    """

    supports_masking = True  # a mask on the input passes on to the output
    config_keys = ("negative_slope",)

    def __init__(self, negative_slope=0.3, **kwargs):
        super().__init__(**kwargs)
        _check_non_negative("LeakyReLU", "negative_slope", negative_slope)
        self.negative_slope = negative_slope

    def call(self, inputs):
        return ops_nn.leaky_relu(inputs, negative_slope=self.negative_slope)


class PReLU(ActivationLayer):
    """Parametric ReLU: ``x`` for ``x > 0``, else ``alpha * x`` with ``alpha`` learned.

    By default there is one ``alpha`` per element of a sample (shape
    ``input_shape[1:]``); ``shared_axes=[1, 2]`` on images shares one per channel.

    Args:
        alpha_initializer: Initializer of ``alpha``. Defaults to ``"zeros"``
            (so the layer starts as a plain ReLU).
        alpha_regularizer: Optional regularizer of ``alpha``.
        alpha_constraint: Optional constraint of ``alpha``.
        shared_axes: Axes (1 = first after the batch) along which ``alpha``
            is shared. Defaults to ``None``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> layer = PReLU(shared_axes=[1, 2])
        >>> layer(np.ones((1, 4, 4, 3))).shape, layer.get_weights()[0].shape
        ((1, 4, 4, 3), (1, 1, 3))
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(
        self,
        alpha_initializer="zeros",
        alpha_regularizer=None,
        alpha_constraint=None,
        shared_axes=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        set_weight_options(self, locals())
        if shared_axes is not None and isinstance(shared_axes, int):
            shared_axes = [shared_axes]
        self.shared_axes = None if shared_axes is None else list(shared_axes)

    def build(self, input_shape):
        shared = set(self.shared_axes or [])
        param_shape = [1 if i in shared else d for i, d in enumerate(input_shape) if i > 0]
        self.alpha = add_weight_from_options(self, "alpha", param_shape)
        axes = {i: d for i, d in enumerate(input_shape) if i > 0 and i not in shared}
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)

    def call(self, inputs):
        # relu(x) - alpha * relu(-x): x where x > 0, alpha * x elsewhere
        return ops_nn.relu(inputs) - self.alpha * ops_nn.relu(-inputs)

    def get_config(self):
        return {
            **super().get_config(),
            **options_config(self, "alpha"),
            "shared_axes": self.shared_axes,
        }


class ELU(ActivationLayer):
    """Exponential linear unit: ``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``.

    Args:
        alpha: Scale of the negative part. Defaults to ``1.0``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> ELU()(np.array([[0.0, 2.0]])).numpy().tolist()
        [[0.0, 2.0]]
    """

    supports_masking = True  # a mask on the input passes on to the output
    config_keys = ("alpha",)

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha

    def call(self, inputs):
        return ops_nn.elu(inputs, alpha=self.alpha)


class ThresholdedReLU(ActivationLayer):
    """``x`` where ``x > theta``, else ``0`` (a Keras 2 layer, kept for old tutorials).

    Args:
        theta: The threshold, ``>= 0``. Defaults to ``1.0``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> ThresholdedReLU(theta=1.0)(np.array([[0.5, 2.0]])).numpy().tolist()
        [[0.0, 2.0]]
    """

    config_keys = ("theta",)

    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        _check_non_negative("ThresholdedReLU", "theta", theta)
        self.theta = theta

    def call(self, inputs):
        passes = Tensor(inputs.data > self.theta)
        return sel.where(passes, inputs, 0.0)


class ReLU(ActivationLayer):
    """Rectifier with Keras's options: ``min(x, max_value)`` where ``x > threshold``,
    otherwise ``negative_slope * (x - threshold)``.

    Args:
        max_value: Upper cap, ``>= 0``, or ``None``. Defaults to ``None``.
        negative_slope: Slope below the threshold, ``>= 0``. Defaults to ``0.0``.
        threshold: Values at or below it are "off"; ``>= 0``. Defaults to ``0.0``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> ReLU(max_value=6.0)(np.array([[3.0, 8.0]])).numpy().tolist()
        [[3.0, 6.0]]
    """

    supports_masking = True  # a mask on the input passes on to the output
    config_keys = ("max_value", "negative_slope", "threshold")

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0:
            raise ValueError(
                f"ReLU: `max_value` must be >= 0 or None. Received: max_value={max_value}"
            )
        _check_non_negative("ReLU", "negative_slope", negative_slope)
        _check_non_negative("ReLU", "threshold", threshold)
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold

    def call(self, inputs):
        return activations.relu(
            inputs,
            negative_slope=self.negative_slope,
            max_value=self.max_value,
            threshold=self.threshold,
        )


class Softmax(ActivationLayer):
    """Softmax along ``axis``: each slice becomes a probability vector.

    Args:
        axis: Axis to normalise over. Defaults to ``-1``.

    Call arguments:
        mask: Optional booleans broadcastable to the input: False entries get
            probability 0 (e.g. padding), as Keras.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> Softmax()(np.array([[1.0, 1.0]])).numpy().tolist()
        [[0.5, 0.5]]
    """

    config_keys = ("axis",)
    supports_masking = True  # the mask zeroes masked entries, then passes on

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs, mask=None):
        if mask is None:
            return activations.softmax(inputs, axis=self.axis)
        keep = as_mask(mask)
        outputs = activations.softmax(sel.where(keep, inputs, -1e9), axis=self.axis)
        return sel.where(keep, outputs, 0.0)  # a fully masked slice gives zeros, not 1/n
