"""Activation layers: LeakyReLU, PReLU, ELU, ThresholdedReLU, ReLU, Softmax.

They do what the activation functions do, as layers, so they can sit in a
`Sequential` model, carry arguments (``LeakyReLU(negative_slope=0.1)``) and,
for `PReLU`, learn their slope.

Example:
    >>> from kerasedu.layers import LeakyReLU
    >>> LeakyReLU(negative_slope=0.5)(np.array([[-2.0, 3.0]])).numpy().tolist()
    [[-1.0, 3.0]]
"""

from kerasedu import activations, constraints, initializers, regularizers
from kerasedu.autograd import ops_nn
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.tensor import Tensor
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


def _check_non_negative(layer, name, value):
    if value is None or value < 0:
        raise ValueError(
            f"{layer}: `{name}` must be a non-negative number. Received: {name}={value}"
        )


class LeakyReLU(Layer):
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

    def __init__(self, negative_slope=0.3, **kwargs):
        super().__init__(**kwargs)
        _check_non_negative("LeakyReLU", "negative_slope", negative_slope)
        self.negative_slope = negative_slope

    def call(self, inputs):
        return ops_nn.leaky_relu(inputs, negative_slope=self.negative_slope)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "negative_slope": self.negative_slope}


class PReLU(Layer):
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
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        if shared_axes is not None and isinstance(shared_axes, int):
            shared_axes = [shared_axes]
        self.shared_axes = None if shared_axes is None else list(shared_axes)

    def build(self, input_shape):
        shared = set(self.shared_axes or [])
        param_shape = [1 if i in shared else d for i, d in enumerate(input_shape) if i > 0]
        self.alpha = self.add_weight(
            shape=param_shape,
            initializer=self.alpha_initializer,
            regularizer=self.alpha_regularizer,
            constraint=self.alpha_constraint,
            name="alpha",
        )
        axes = {i: d for i, d in enumerate(input_shape) if i > 0 and i not in shared}
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)

    def call(self, inputs):
        # relu(x) - alpha * relu(-x): x where x > 0, alpha * x elsewhere
        return ops_nn.relu(inputs) - self.alpha * ops_nn.relu(-inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "alpha_constraint": constraints.serialize(self.alpha_constraint),
            "shared_axes": self.shared_axes,
        }


class ELU(Layer):
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

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha

    def call(self, inputs):
        return ops_nn.elu(inputs, alpha=self.alpha)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha}


class ThresholdedReLU(Layer):
    """``x`` where ``x > theta``, else ``0`` (a Keras 2 layer, kept for old tutorials).

    Args:
        theta: The threshold, ``>= 0``. Defaults to ``1.0``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> ThresholdedReLU(theta=1.0)(np.array([[0.5, 2.0]])).numpy().tolist()
        [[0.0, 2.0]]
    """

    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        _check_non_negative("ThresholdedReLU", "theta", theta)
        self.theta = theta

    def call(self, inputs):
        passes = Tensor(inputs.data > self.theta)
        return sel.where(passes, inputs, 0.0)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "theta": self.theta}


class ReLU(Layer):
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

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "max_value": self.max_value,
            "negative_slope": self.negative_slope,
            "threshold": self.threshold,
        }


class Softmax(Layer):
    """Softmax along ``axis``: each slice becomes a probability vector.

    Args:
        axis: Axis to normalise over. Defaults to ``-1``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> Softmax()(np.array([[1.0, 1.0]])).numpy().tolist()
        [[0.5, 0.5]]
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs):
        return activations.softmax(inputs, axis=self.axis)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}
