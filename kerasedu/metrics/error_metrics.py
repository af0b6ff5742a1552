"""Running means of per-sample errors: every loss as a metric class, and the correlations.

Each class is a `MeanMetricWrapper` around one function of `kerasedu.losses`
(the same numbers as the loss, averaged over all samples of an epoch), with
Keras's default name. `CosineSimilarity` reports the cosine itself (the loss is
its negative); `PearsonCorrelation` and `ConcordanceCorrelation` average a
per-sample correlation along ``axis``.

Example:
    >>> m = MeanAbsolutePercentageError()
    >>> float(m([[2.0], [4.0]], np.array([[1.0], [5.0]])))
    37.5
"""

from kerasedu.config import epsilon
from kerasedu.losses import hinge_losses, probabilistic, regression
from kerasedu.losses.label_checks import prepare_inputs
from kerasedu.metrics.metric import MeanMetricWrapper


def cosine_similarity(y_true, y_pred, axis=-1):
    """Cosine of the angle between ``y_true`` and ``y_pred`` along ``axis``, per sample.

    Example:
        >>> cosine_similarity([[1.0, 0.0]], np.array([[1.0, 1.0]])).numpy().round(4).tolist()
        [0.7071]
    """
    return -regression.cosine_similarity(y_true, y_pred, axis=axis)  # the loss is -cos


def pearson_correlation(y_true, y_pred, axis=-1):
    """Pearson's correlation along ``axis``, per sample: ``mean(z(y_true) * z(y_pred))``.

    ``z`` standardises to mean 0 and (population) standard deviation 1.

    Example:
        >>> y = pearson_correlation([[1.0, 2.0, 3.0]], np.array([[2.0, 4.0, 7.0]]))
        >>> y.numpy().round(4).tolist()
        [0.9934]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "pearson_correlation")

    def standardise(y):
        centred = y - y.mean(axis=axis, keepdims=True)
        return centred / (centred * centred).mean(axis=axis, keepdims=True).sqrt()

    return (standardise(y_true) * standardise(y_pred)).mean(axis=axis)


def concordance_correlation(y_true, y_pred, axis=-1):
    """Lin's concordance along ``axis``: ``2 cov / (var_t + var_p + (mean_t - mean_p)^2)``.

    It is 1 only when the predictions equal the targets, not just correlate.

    Example:
        >>> round(float(concordance_correlation([[1.0, 2.0]], np.array([[1.0, 2.0]]))[0]), 4)
        1.0
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "concordance_correlation")
    mean_t, mean_p = y_true.mean(axis=axis, keepdims=True), y_pred.mean(axis=axis, keepdims=True)
    dt, dp = y_true - mean_t, y_pred - mean_p
    var_t, var_p = (
        (dt * dt).mean(axis=axis, keepdims=True),
        (dp * dp).mean(axis=axis, keepdims=True),
    )
    norm = var_t + var_p + (mean_t - mean_p) * (mean_t - mean_p)
    return (2.0 * dt * dp / (norm + epsilon())).mean(axis=axis)


class MeanAbsolutePercentageError(MeanMetricWrapper):
    """Running mean of ``100 * |y_true - y_pred| / |y_true|`` (``"mape"``).

    Example:
        >>> MeanAbsolutePercentageError().name
        'mean_absolute_percentage_error'
    """

    def __init__(self, name="mean_absolute_percentage_error", dtype=None):
        super().__init__(regression.mean_absolute_percentage_error, name=name, dtype=dtype)


class MeanSquaredLogarithmicError(MeanMetricWrapper):
    """Running mean of ``(log(1 + y_pred) - log(1 + y_true))^2`` (``"msle"``).

    Example:
        >>> round(float(MeanSquaredLogarithmicError()([[0.0]], np.array([[np.e - 1]]))), 4)
        1.0
    """

    def __init__(self, name="mean_squared_logarithmic_error", dtype=None):
        super().__init__(regression.mean_squared_logarithmic_error, name=name, dtype=dtype)


class LogCoshError(MeanMetricWrapper):
    """Running mean of ``log(cosh(y_pred - y_true))``.

    Example:
        >>> LogCoshError().name
        'logcosh'
    """

    def __init__(self, name="logcosh", dtype=None):
        super().__init__(regression.log_cosh, name=name, dtype=dtype)


class CosineSimilarity(MeanMetricWrapper):
    """Running mean of the cosine between ``y_true`` and ``y_pred`` (1 = same direction).

    Args:
        axis: Axis of the vectors. Defaults to ``-1``.

    Example:
        >>> float(CosineSimilarity()([[1.0, 0.0]], np.array([[2.0, 0.0]])))
        1.0
    """

    def __init__(self, name="cosine_similarity", dtype=None, axis=-1):
        super().__init__(cosine_similarity, name=name, dtype=dtype, axis=axis)


class Hinge(MeanMetricWrapper):
    """Running mean of ``max(1 - y_true * y_pred, 0)`` (labels -1/1 or 0/1).

    Example:
        >>> float(Hinge()([[1.0]], np.array([[0.25]])))
        0.75
    """

    def __init__(self, name="hinge", dtype=None):
        super().__init__(hinge_losses.hinge, name=name, dtype=dtype)


class SquaredHinge(MeanMetricWrapper):
    """Running mean of ``max(1 - y_true * y_pred, 0)^2``.

    Example:
        >>> float(SquaredHinge()([[1.0]], np.array([[0.5]])))
        0.25
    """

    def __init__(self, name="squared_hinge", dtype=None):
        super().__init__(hinge_losses.squared_hinge, name=name, dtype=dtype)


class CategoricalHinge(MeanMetricWrapper):
    """Running mean of ``max(0, 1 + max_wrong - y_pred[true class])`` for one-hot labels.

    Example:
        >>> float(CategoricalHinge()([[0.0, 1.0]], np.array([[0.25, 0.75]])))
        0.5
    """

    def __init__(self, name="categorical_hinge", dtype=None):
        super().__init__(hinge_losses.categorical_hinge, name=name, dtype=dtype)


class KLDivergence(MeanMetricWrapper):
    """Running mean of ``sum(y_true * log(y_true / y_pred))``.

    Example:
        >>> float(KLDivergence()([[0.5, 0.5]], np.array([[0.5, 0.5]])))
        0.0
    """

    def __init__(self, name="kl_divergence", dtype=None):
        super().__init__(probabilistic.kl_divergence, name=name, dtype=dtype)


class Poisson(MeanMetricWrapper):
    """Running mean of ``y_pred - y_true * log(y_pred)``.

    Example:
        >>> float(Poisson()([[0.0]], np.array([[2.0]])))
        2.0
    """

    def __init__(self, name="poisson", dtype=None):
        super().__init__(probabilistic.poisson, name=name, dtype=dtype)


class BinaryCrossentropy(MeanMetricWrapper):
    """Running mean of the binary cross-entropy.

    Args:
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        label_smoothing: Defaults to ``0``.

    Example:
        >>> round(float(BinaryCrossentropy()([[1.0]], np.array([[0.5]]))), 4)
        0.6931
    """

    def __init__(
        self, name="binary_crossentropy", dtype=None, from_logits=False, label_smoothing=0
    ):
        super().__init__(
            probabilistic.binary_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
        )


class CategoricalCrossentropy(MeanMetricWrapper):
    """Running mean of the categorical cross-entropy (one-hot labels).

    Args:
        from_logits: Defaults to ``False``. label_smoothing: Defaults to ``0``.
        axis: The class axis. Defaults to ``-1``.

    Example:
        >>> round(float(CategoricalCrossentropy()([[0.0, 1.0]], np.array([[0.5, 0.5]]))), 4)
        0.6931
    """

    def __init__(
        self,
        name="categorical_crossentropy",
        dtype=None,
        from_logits=False,
        label_smoothing=0,
        axis=-1,
    ):
        super().__init__(
            probabilistic.categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class SparseCategoricalCrossentropy(MeanMetricWrapper):
    """Running mean of the categorical cross-entropy with integer labels.

    Args:
        from_logits: Defaults to ``False``. axis: Defaults to ``-1``.
        ignore_class: Only ``None`` (every label counts) is supported.

    Example:
        >>> round(float(SparseCategoricalCrossentropy()([1], np.array([[0.5, 0.5]]))), 4)
        0.6931
    """

    def __init__(
        self,
        name="sparse_categorical_crossentropy",
        dtype=None,
        from_logits=False,
        ignore_class=None,
        axis=-1,
    ):
        if ignore_class is not None:
            raise ValueError(f"kerasedu supports ignore_class=None only. Received: {ignore_class}")
        super().__init__(
            probabilistic.sparse_categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            axis=axis,
        )

    def get_config(self):
        return {**super().get_config(), "ignore_class": None}


class PearsonCorrelation(MeanMetricWrapper):
    """Running mean of `pearson_correlation` along ``axis``.

    Example:
        >>> round(float(PearsonCorrelation()([[1.0, 2.0, 3.0]], np.array([[2.0, 3.0, 4.0]]))), 4)
        1.0
    """

    def __init__(self, name="pearson_correlation", dtype=None, axis=-1):
        super().__init__(pearson_correlation, name=name, dtype=dtype, axis=axis)


class ConcordanceCorrelation(MeanMetricWrapper):
    """Running mean of `concordance_correlation` along ``axis``.

    Example:
        >>> round(float(ConcordanceCorrelation()([[1.0, 2.0]], np.array([[1.0, 3.0]]))), 4)
        0.6667
    """

    def __init__(self, name="concordance_correlation", dtype=None, axis=-1):
        super().__init__(concordance_correlation, name=name, dtype=dtype, axis=axis)
