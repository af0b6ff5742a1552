"""`LayerNormalization`: normalise each sample over its features (no batch statistics).

Example:
    >>> from kerasedu.layers import LayerNormalization
    >>> LayerNormalization()(np.array([[1.0, 3.0]])).numpy().round(2).tolist()
    [[-1.0, 1.0]]
"""

from kerasedu.layers.base_normalization import BaseNormalization
from kerasedu.layers.input_spec import InputSpec


class LayerNormalization(BaseNormalization):
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

    def build(self, input_shape):
        self._norm_axes = tuple(self.build_gamma_beta(input_shape))
        self.input_spec = InputSpec(
            ndim=len(input_shape), axes={a: input_shape[a] for a in self._norm_axes}
        )

    def call(self, inputs):
        mean = inputs.mean(axis=self._norm_axes, keepdims=True)
        centered = inputs - mean
        variance = (centered * centered).mean(axis=self._norm_axes, keepdims=True)  # biased
        return self.normalize(centered, variance)
