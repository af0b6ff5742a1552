"""`BatchNormalization`: normalise each feature with batch statistics while training.

Example:
    >>> from kerasedu.layers import BatchNormalization
    >>> bn = BatchNormalization()
    >>> y = bn(np.array([[1.0], [3.0]]), training=True)
    >>> y.numpy().round(2).tolist()
    [[-1.0], [1.0]]
    >>> [w.name.split("/")[1] for w in bn.weights]
    ['gamma', 'beta', 'moving_mean', 'moving_variance']
"""

from kerasedu.autograd.function import no_grad
from kerasedu.layers.base_normalization import BaseNormalization
from kerasedu.layers.dense import add_weight_from_options, options_config, set_weight_options
from kerasedu.layers.input_spec import InputSpec


class BatchNormalization(BaseNormalization):
    """Normalise features to mean 0, variance 1, then scale by ``gamma`` and shift by ``beta``.

    Training (``training=True``): ``y = gamma * (x - mean) / sqrt(var + epsilon) + beta``
    with the mean and the (biased) variance of the batch, taken over every axis
    but ``axis``; the running averages are updated as
    ``moving = moving * momentum + batch_stat * (1 - momentum)``.
    Inference (``training`` not given or ``False``, or ``trainable=False``): the
    same formula with ``moving_mean`` and ``moving_variance``.

    Args:
        axis: The feature axis (or list of axes) that keeps its own statistics.
            Defaults to ``-1`` (channels last).
        momentum: Weight of the old value in the running averages. Defaults to ``0.99``.
        epsilon: Added to the variance before the square root. Defaults to ``1e-3``.
        center: Whether to learn ``beta``. Defaults to ``True``.
        scale: Whether to learn ``gamma``. Defaults to ``True``.
        beta_initializer: Defaults to ``"zeros"``.
        gamma_initializer: Defaults to ``"ones"``.
        moving_mean_initializer: Defaults to ``"zeros"``.
        moving_variance_initializer: Defaults to ``"ones"``.
        beta_regularizer, gamma_regularizer: Optional regularizers.
        beta_constraint, gamma_constraint: Optional constraints.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> bn = BatchNormalization()
        >>> bn(np.ones((4, 3))).shape, bn.count_params()
        ((4, 3), 12)
    """

    def __init__(
        self,
        axis=-1,
        momentum=0.99,
        epsilon=1e-3,
        center=True,
        scale=True,
        beta_initializer="zeros",
        gamma_initializer="ones",
        moving_mean_initializer="zeros",
        moving_variance_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        **kwargs,
    ):
        super().__init__(
            axis,
            epsilon,
            center,
            scale,
            beta_initializer,
            gamma_initializer,
            beta_regularizer,
            gamma_regularizer,
            beta_constraint,
            gamma_constraint,
            **kwargs,
        )
        self.momentum = momentum
        set_weight_options(self, locals())  # the moving statistics' initializers

    def build(self, input_shape):
        feature_axes = self.build_gamma_beta(input_shape)
        param_shape = tuple(input_shape[a] for a in feature_axes)
        # statistics are taken over every other axis (batch and, for images, H and W)
        self._reduce_axes = tuple(a for a in range(len(input_shape)) if a not in feature_axes)
        for name in ("moving_mean", "moving_variance"):
            setattr(self, name, add_weight_from_options(self, name, param_shape, trainable=False))
        self.input_spec = InputSpec(
            ndim=len(input_shape), axes={a: input_shape[a] for a in feature_axes}
        )

    def call(self, inputs, training=None):
        if training and self.trainable:
            mean = inputs.mean(axis=self._reduce_axes, keepdims=True)
            centered = inputs - mean
            variance = (centered * centered).mean(axis=self._reduce_axes, keepdims=True)  # biased
            self._update_moving_stats(mean, variance)
        else:
            mean = self._broadcast(self.moving_mean)
            variance = self._broadcast(self.moving_variance)
            centered = inputs - mean
        return self.normalize(centered, variance)

    def _update_moving_stats(self, mean, variance):
        """moving = moving * momentum + batch_stat * (1 - momentum), outside the graph."""
        with no_grad():
            for moving, stat in ((self.moving_mean, mean), (self.moving_variance, variance)):
                batch_stat = stat.data.reshape(moving.shape)
                moving.assign(moving.data * self.momentum + batch_stat * (1 - self.momentum))

    def get_config(self):
        return {
            **super().get_config(),
            "momentum": self.momentum,
            **options_config(self, "moving_mean", "moving_variance"),
        }
