"""`BaseNormalization`: what BatchNormalization and LayerNormalization share.

Both compute ``y = gamma * (x - mean) / sqrt(var + epsilon) + beta``; they
differ only in which axes the mean and variance are taken over (the batch for
BatchNormalization, the features of each sample for LayerNormalization).
This base holds the common part: the arguments, checking ``axis``, the
``gamma``/``beta`` weights, and the final scale and shift.

Example:
    >>> from kerasedu.layers import BatchNormalization, LayerNormalization
    >>> [issubclass(cls, BaseNormalization) for cls in (BatchNormalization, LayerNormalization)]
    [True, True]
"""

from kerasedu.layers.dense import add_weight_from_options, options_config, set_weight_options
from kerasedu.layers.layer import Layer


class BaseNormalization(Layer):
    """Shared arguments and weights of the normalisation layers (not used directly).

    Args:
        axis: The feature axis (or list of axes) that gets its own ``gamma``
            and ``beta``. Defaults to ``-1``.
        epsilon: Added to the variance before the square root. Defaults to ``1e-3``.
        center: Whether to learn ``beta``. Defaults to ``True``.
        scale: Whether to learn ``gamma``. Defaults to ``True``.
        beta_initializer: Defaults to ``"zeros"``.
        gamma_initializer: Defaults to ``"ones"``.
        beta_regularizer, gamma_regularizer: Optional regularizers.
        beta_constraint, gamma_constraint: Optional constraints.
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(
        self,
        axis=-1,
        epsilon=1e-3,
        center=True,
        scale=True,
        beta_initializer="zeros",
        gamma_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        set_weight_options(self, locals())

    def build_gamma_beta(self, input_shape):
        """Check ``axis``, create ``gamma`` and ``beta``; return the sorted feature axes.

        Also sets ``self._broadcast_shape``: the input's shape with 1 on every
        non-feature axis, e.g. ``(1, 1, 1, C)`` for images.
        """
        ndim = len(input_shape)
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        for a in axes:
            if not -ndim <= a < ndim or a % ndim == 0:
                raise ValueError(
                    f"Layer '{self.name}': axis {a} is not a feature axis of an input "
                    f"of shape {tuple(input_shape)}. Received: axis={self.axis}"
                )
        feature_axes = sorted(a % ndim for a in axes)
        param_shape = tuple(input_shape[a] for a in feature_axes)
        self._broadcast_shape = tuple(
            input_shape[a] if a in feature_axes else 1 for a in range(ndim)
        )
        self.gamma = add_weight_from_options(self, "gamma", param_shape) if self.scale else None
        self.beta = add_weight_from_options(self, "beta", param_shape) if self.center else None
        return feature_axes

    def normalize(self, centered, variance):
        """``gamma * centered / sqrt(variance + epsilon) + beta``, skipping absent weights."""
        y = centered / (variance + self.epsilon).sqrt()
        if self.gamma is not None:
            y = y * self._broadcast(self.gamma)
        if self.beta is not None:
            y = y + self._broadcast(self.beta)
        return y

    def _broadcast(self, param):
        """A parameter of shape (C,) reshaped to broadcast against the input."""
        if param.shape == self._broadcast_shape[-len(param.shape) :]:
            return param  # feature axes are the last ones: NumPy broadcasting already works
        return param.reshape(self._broadcast_shape)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            **options_config(self, "beta", "gamma"),
        }
