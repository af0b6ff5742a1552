"""GroupNormalization, UnitNormalization, RMSNormalization: normalisation without batch statistics.

GroupNormalization splits the channels into ``groups`` and normalises each
group of each sample over its channels and positions, then scales and shifts
per channel (Wu & He, 2018): ``groups=1`` is LayerNormalization over all
features, ``groups=C`` is instance normalisation. UnitNormalization rescales
each vector to length 1; RMSNormalization divides by the root mean square
(LayerNormalization without centring, as in many Transformers).

Example:
    >>> GroupNormalization(groups=2)(np.arange(8.0).reshape(1, 2, 4)).shape
    (1, 2, 4)
    >>> UnitNormalization()(np.array([[0.0, 2.0]])).numpy().tolist()
    [[0.0, 1.0]]
"""

from kerasedu.autograd.ops_reduce import l2_normalize
from kerasedu.autograd.ops_shape import reshape
from kerasedu.layers.base_normalization import BaseNormalization
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class GroupNormalization(BaseNormalization):
    """``y = gamma * (x - mean_g) / sqrt(var_g + epsilon) + beta``, statistics per sample and group.

    Args:
        groups: Number of channel groups; must divide the channels. Defaults to ``32``.
        axis: The channel axis; kerasedu supports the last one. Defaults to ``-1``.
        epsilon: Defaults to ``1e-3``.
        center, scale, beta_initializer, gamma_initializer, beta_regularizer,
        gamma_regularizer, beta_constraint, gamma_constraint: As `LayerNormalization`'s.

    Shapes:
        input ``(N, ..., C)`` -> the same shape; ``gamma`` and ``beta`` ``(C,)``.

    Example:
        >>> y = GroupNormalization(groups=1)(np.array([[1.0, 3.0]])).numpy()
        >>> y.round(2).tolist()
        [[-1.0, 1.0]]
    """

    def __init__(self, groups=32, axis=-1, epsilon=1e-3, **kwargs):
        super().__init__(axis=axis, epsilon=epsilon, **kwargs)
        if axis != -1:
            raise ValueError(
                "GroupNormalization: kerasedu supports channels last (axis=-1). "
                f"Received: axis={axis}"
            )
        self.groups = groups

    def build(self, input_shape):
        channels = input_shape[-1]
        if channels is None or channels % self.groups:
            raise ValueError(
                f"Layer '{self.name}': the {channels} channels cannot be split into "
                f"groups={self.groups} groups of equal size."
            )
        self.build_gamma_beta(input_shape)
        self.input_spec = InputSpec(min_ndim=2, axes={-1: channels})

    def call(self, inputs):
        n, *positions, channels = inputs.shape
        grouped = reshape(inputs, (n, *positions, self.groups, channels // self.groups))
        axes = (*range(1, len(positions) + 1), grouped.ndim - 1)  # positions and in-group channels
        mean = grouped.mean(axis=axes, keepdims=True)
        centered = grouped - mean
        variance = (centered * centered).mean(axis=axes, keepdims=True)  # biased, as Keras
        normalized = reshape(centered / (variance + self.epsilon).sqrt(), inputs.shape)
        if self.gamma is not None:
            normalized = normalized * self.gamma  # per channel
        if self.beta is not None:
            normalized = normalized + self.beta
        return normalized

    def get_config(self):
        return {**super().get_config(), "groups": self.groups}


class UnitNormalization(Layer):
    """Scale each vector along ``axis`` to unit L2 norm: ``y = x / ||x||``.

    Args:
        axis: Axis (or list of axes) of the vectors. Defaults to ``-1``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> float((UnitNormalization()(np.ones((2, 4))).numpy() ** 2).sum(axis=-1)[0])
        1.0
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis

    def call(self, inputs):
        axis = tuple(self.axis) if isinstance(self.axis, list) else self.axis
        # Keras divides by sqrt(max(sum x^2, 1e-12)), i.e. max(||x||, 1e-6)
        return l2_normalize(inputs, axis=axis, epsilon=1e-6)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}


class RMSNormalization(Layer):
    """``y = scale * x / sqrt(mean(x^2, axis) + epsilon)`` (Zhang & Sennrich, 2019).

    Args:
        axis: Axis (or list of axes) to normalise over; each position there gets
            its own learned ``scale``. Defaults to ``-1``.
        epsilon: Added to the mean square. Defaults to ``1e-6``.

    Shapes:
        any input shape -> the same shape; ``scale`` has the sizes of ``axis``.

    Example:
        >>> RMSNormalization()(np.array([[3.0, -3.0]])).numpy().round(4).tolist()
        [[1.0, -1.0]]
    """

    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis, self.epsilon = axis, epsilon

    def build(self, input_shape):
        self.axis = sorted(self.axis) if isinstance(self.axis, (list, tuple)) else [self.axis]
        self._axes = tuple(sorted(a % len(input_shape) for a in self.axis))  # as Keras: a list
        shape = tuple(input_shape[a] for a in self._axes)
        self.scale = self.add_weight(shape=shape, initializer="ones", name="scale")
        self._broadcast_shape = tuple(
            input_shape[a] if a in self._axes else 1 for a in range(1, len(input_shape))
        )  # the scale's shape, with 1 on the other non-batch axes

    def call(self, inputs):
        mean_square = (inputs * inputs).mean(axis=self._axes, keepdims=True)
        y = inputs / (mean_square + self.epsilon).sqrt()
        return y * self.scale.reshape(self._broadcast_shape)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon}
