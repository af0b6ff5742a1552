"""`LayerNormalization`: normalise each sample over its features (no batch statistics).

Example:
    >>> from kerasedu.layers import LayerNormalization
    >>> LayerNormalization()(np.array([[1.0, 3.0]])).numpy().round(2).tolist()
    [[-1.0, 1.0]]
"""

from kerasedu import constraints, initializers, regularizers
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class LayerNormalization(Layer):
    """``y = gamma * (x - mean) / sqrt(var + epsilon) + beta``, statistics per sample.

    The mean and (biased) variance are taken over ``axis`` for each sample
    separately, so training and inference compute the same thing.

    Args:
        axis: Axis or list of axes to normalise over. Defaults to ``-1``.
        epsilon: Added to the variance before the square root. Defaults to ``1e-3``.
        center: Whether to learn ``beta``. Defaults to ``True``.
        scale: Whether to learn ``gamma``. Defaults to ``True``.
        beta_initializer: Defaults to ``"zeros"``.
        gamma_initializer: Defaults to ``"ones"``.
        beta_regularizer, gamma_regularizer: Optional regularizers.
        beta_constraint, gamma_constraint: Optional constraints.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> layer = LayerNormalization()
        >>> layer(np.ones((2, 5))).shape, [w.shape for w in layer.get_weights()]
        ((2, 5), [(5,), (5,)])
    """

    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, **kwargs):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)

    def build(self, input_shape):
        ndim = len(input_shape)
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        for a in axes:
            if not -ndim <= a < ndim or a % ndim == 0:
                raise ValueError(f"Layer '{self.name}': axis {a} is not a feature axis of an input "
                                 f"of shape {tuple(input_shape)}. Received: axis={self.axis}")
        self._norm_axes = tuple(sorted(a % ndim for a in axes))
        param_shape = tuple(input_shape[a] for a in self._norm_axes)
        self._broadcast_shape = tuple(input_shape[a] if a in self._norm_axes else 1 for a in range(ndim))
        self.gamma = self.beta = None
        if self.scale:
            self.gamma = self.add_weight("gamma", param_shape, self.gamma_initializer,
                                         self.gamma_regularizer, self.gamma_constraint)
        if self.center:
            self.beta = self.add_weight("beta", param_shape, self.beta_initializer,
                                        self.beta_regularizer, self.beta_constraint)
        self.input_spec = InputSpec(ndim=ndim, axes={a: input_shape[a] for a in self._norm_axes})

    def call(self, inputs):
        mean = inputs.mean(axis=self._norm_axes, keepdims=True)
        centered = inputs - mean
        variance = (centered * centered).mean(axis=self._norm_axes, keepdims=True)
        y = centered / (variance + self.epsilon).sqrt()
        if self.gamma is not None:
            y = y * self._broadcast(self.gamma)
        if self.beta is not None:
            y = y + self._broadcast(self.beta)
        return y

    def _broadcast(self, param):
        """A parameter reshaped to broadcast against the input, e.g. (C,) -> (1, 1, C)."""
        if param.shape == self._broadcast_shape[-len(param.shape):]:
            return param
        return param.reshape(self._broadcast_shape)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon,
                "center": self.center, "scale": self.scale,
                "beta_initializer": initializers.serialize(self.beta_initializer),
                "gamma_initializer": initializers.serialize(self.gamma_initializer),
                "beta_regularizer": regularizers.serialize(self.beta_regularizer),
                "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
                "beta_constraint": constraints.serialize(self.beta_constraint),
                "gamma_constraint": constraints.serialize(self.gamma_constraint)}
