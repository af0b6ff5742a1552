"""The loss classes: each wraps one loss function and reduces it over the batch.

``MeanSquaredError()(y_true, y_pred, sample_weight)`` equals
``sum(w * mean_squared_error(y_true, y_pred)) / N``; see `Loss`.

Example:
    >>> float(MeanSquaredError()(np.zeros((2, 1)), np.array([[1.0], [3.0]])))
    5.0
"""

from kerasedu.losses import hinge_losses, probabilistic, regression
from kerasedu.losses.loss import LossFunctionWrapper

SUM_OVER_BATCH = "sum_over_batch_size"


class MeanSquaredError(LossFunctionWrapper):
    """Mean of ``(y_pred - y_true)^2`` (see `mean_squared_error`).

    Args:
        reduction: Defaults to ``"sum_over_batch_size"``.
        name: Defaults to ``"mean_squared_error"``.

    Example:
        >>> float(MeanSquaredError()([[0.0, 0.0]], [[1.0, 3.0]]))
        5.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="mean_squared_error"):
        super().__init__(regression.mean_squared_error, reduction=reduction, name=name)


class MeanAbsoluteError(LossFunctionWrapper):
    """Mean of ``|y_pred - y_true|`` (see `mean_absolute_error`).

    Example:
        >>> float(MeanAbsoluteError()([[0.0, 0.0]], [[1.0, 3.0]]))
        2.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="mean_absolute_error"):
        super().__init__(regression.mean_absolute_error, reduction=reduction, name=name)


class MeanAbsolutePercentageError(LossFunctionWrapper):
    """Mean absolute percentage error (see `mean_absolute_percentage_error`).

    Example:
        >>> float(MeanAbsolutePercentageError()([[2.0]], [[1.0]]))
        50.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="mean_absolute_percentage_error"):
        super().__init__(regression.mean_absolute_percentage_error, reduction=reduction, name=name)


class MeanSquaredLogarithmicError(LossFunctionWrapper):
    """Mean squared error of ``log(1 + y)`` (see `mean_squared_logarithmic_error`).

    Example:
        >>> float(MeanSquaredLogarithmicError()([[0.0]], [[0.0]]))
        0.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="mean_squared_logarithmic_error"):
        super().__init__(regression.mean_squared_logarithmic_error, reduction=reduction, name=name)


class Huber(LossFunctionWrapper):
    """Huber loss, quadratic below ``delta`` and linear above (see `huber`).

    Args:
        delta: Defaults to ``1.0``.

    Example:
        >>> float(Huber()([[0.0]], [[3.0]]))
        2.5
    """

    def __init__(self, delta=1.0, reduction=SUM_OVER_BATCH, name="huber_loss"):
        super().__init__(regression.huber, reduction=reduction, name=name, delta=delta)


class LogCosh(LossFunctionWrapper):
    """Mean of ``log(cosh(y_pred - y_true))`` (see `log_cosh`).

    Example:
        >>> float(LogCosh()([[0.0]], [[0.0]]))
        0.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="log_cosh"):
        super().__init__(regression.log_cosh, reduction=reduction, name=name)


class CosineSimilarity(LossFunctionWrapper):
    """Negative cosine similarity along ``axis`` (see `cosine_similarity`).

    Args:
        axis: Defaults to ``-1``.

    Example:
        >>> round(float(CosineSimilarity()([[1.0, 0.0]], [[3.0, 0.0]])), 4)
        -1.0
    """

    def __init__(self, axis=-1, reduction=SUM_OVER_BATCH, name="cosine_similarity"):
        super().__init__(regression.cosine_similarity, reduction=reduction, name=name, axis=axis)


class Hinge(LossFunctionWrapper):
    """Hinge loss ``max(1 - y_true * y_pred, 0)`` (see `hinge`).

    Example:
        >>> float(Hinge()([[1.0]], [[0.25]]))
        0.75
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="hinge"):
        super().__init__(hinge_losses.hinge, reduction=reduction, name=name)


class SquaredHinge(LossFunctionWrapper):
    """Squared hinge loss (see `squared_hinge`).

    Example:
        >>> float(SquaredHinge()([[1.0]], [[0.5]]))
        0.25
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="squared_hinge"):
        super().__init__(hinge_losses.squared_hinge, reduction=reduction, name=name)


class CategoricalHinge(LossFunctionWrapper):
    """Multi-class hinge loss (see `categorical_hinge`).

    Example:
        >>> float(CategoricalHinge()([[0.0, 1.0]], [[0.0, 1.0]]))
        0.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="categorical_hinge"):
        super().__init__(hinge_losses.categorical_hinge, reduction=reduction, name=name)


class BinaryCrossentropy(LossFunctionWrapper):
    """Binary cross-entropy (see `binary_crossentropy`).

    Args:
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        label_smoothing: Defaults to ``0.0``.
        axis: Defaults to ``-1``.

    Example:
        >>> round(float(BinaryCrossentropy(from_logits=True)([[1.0]], [[0.0]])), 4)
        0.6931
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction=SUM_OVER_BATCH,
        name="binary_crossentropy",
    ):
        super().__init__(
            probabilistic.binary_crossentropy,
            reduction=reduction,
            name=name,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class CategoricalCrossentropy(LossFunctionWrapper):
    """Categorical cross-entropy with one-hot labels (see `categorical_crossentropy`).

    Args:
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        label_smoothing: Defaults to ``0.0``.
        axis: The class axis. Defaults to ``-1``.

    Example:
        >>> round(float(CategoricalCrossentropy()([[0.0, 1.0]], [[0.5, 0.5]])), 4)
        0.6931
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction=SUM_OVER_BATCH,
        name="categorical_crossentropy",
    ):
        super().__init__(
            probabilistic.categorical_crossentropy,
            reduction=reduction,
            name=name,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class SparseCategoricalCrossentropy(LossFunctionWrapper):
    """Categorical cross-entropy with integer labels (see `sparse_categorical_crossentropy`).

    Args:
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        axis: The class axis. Defaults to ``-1``.

    Example:
        >>> round(float(SparseCategoricalCrossentropy()([1], [[0.5, 0.5]])), 4)
        0.6931
    """

    def __init__(
        self,
        from_logits=False,
        axis=-1,
        reduction=SUM_OVER_BATCH,
        name="sparse_categorical_crossentropy",
    ):
        super().__init__(
            probabilistic.sparse_categorical_crossentropy,
            reduction=reduction,
            name=name,
            from_logits=from_logits,
            axis=axis,
        )


class KLDivergence(LossFunctionWrapper):
    """Kullback-Leibler divergence (see `kl_divergence`).

    Example:
        >>> float(KLDivergence()([[0.5, 0.5]], [[0.5, 0.5]]))
        0.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="kl_divergence"):
        super().__init__(probabilistic.kl_divergence, reduction=reduction, name=name)


class Poisson(LossFunctionWrapper):
    """Poisson loss (see `poisson`).

    Example:
        >>> round(float(Poisson()([[1.0]], [[1.0]])), 4)
        1.0
    """

    def __init__(self, reduction=SUM_OVER_BATCH, name="poisson"):
        super().__init__(probabilistic.poisson, reduction=reduction, name=name)
