"""Scores computed from totals over an epoch: `R2Score`, `FBetaScore`, `F1Score`, and `Sum`.

Like the confusion metrics, they keep running sums (NumPy arrays, one entry
per output or class) and compute the score from the totals in ``result``.

Example:
    >>> m = R2Score()
    >>> m.update_state([[1.0], [2.0], [3.0]], np.array([[1.0], [2.0], [4.0]]))
    >>> float(m.result())
    0.5
"""

import warnings

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.config import epsilon
from kerasedu.device import to_device
from kerasedu.metrics.confusion_metrics import as_float_array, divide_no_nan
from kerasedu.metrics.metric import Metric


def _per_sample_weight(sample_weight, like):
    """Weights broadcast to ``like``'s shape (``(N,)`` weights over ``(N, D)`` values)."""
    if sample_weight is None:
        return np.ones_like(like)
    weight = as_float_array(sample_weight)
    return np.broadcast_to(
        weight.reshape(weight.shape + (1,) * (like.ndim - weight.ndim)), like.shape
    )


class ArrayMetric(Metric):
    """Base class: running sums kept as NumPy arrays, reset to 0; result as a Tensor."""

    sums = ()  # names of the running sums

    def __init__(self, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.reset_state()

    def reset_state(self):
        """Set every running sum to 0."""
        for name in self.sums:
            setattr(self, name, 0.0)

    def as_result(self, value):
        """``value`` (a number or an array) as a Tensor of the metric's dtype."""
        return Tensor(to_device(np.asarray(value), dtype=self.dtype))


class Sum(ArrayMetric):
    """Running (weighted) sum of all values seen.

    Example:
        >>> float(Sum()([1.0, 3.0, 5.0]))
        9.0
    """

    sums = ("total",)

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)

    def update_state(self, values, sample_weight=None):
        """Add ``sum(values * sample_weight)``."""
        values = as_float_array(values)
        self.total += float((values * _per_sample_weight(sample_weight, values)).sum())

    def result(self):
        return self.as_result(self.total)


class R2Score(ArrayMetric):
    """Coefficient of determination ``1 - SS_res / SS_tot``, per output then aggregated.

    Args:
        class_aggregation: ``"uniform_average"`` (mean over outputs),
            ``"variance_weighted_average"`` (weighted by each output's variance)
            or ``None`` (one score per output). Defaults to ``"uniform_average"``.
        num_regressors: Number of inputs ``p`` for the adjusted score
            ``1 - (1 - R2)(n - 1) / (n - p - 1)``. Defaults to ``0`` (plain R2).

    Example:
        >>> float(R2Score()([[1.0], [3.0]], np.array([[1.0], [3.0]])))
        1.0
    """

    sums = ("sum", "squared_sum", "total_mse", "count", "num_samples")

    def __init__(
        self, class_aggregation="uniform_average", num_regressors=0, name="r2_score", dtype=None
    ):
        if class_aggregation not in (None, "uniform_average", "variance_weighted_average"):
            raise ValueError(f"Invalid class_aggregation. Received: {class_aggregation!r}")
        super().__init__(name=name, dtype=dtype)
        self.class_aggregation, self.num_regressors = class_aggregation, num_regressors

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Add one batch's sums of ``y``, ``y^2`` and squared residuals, per output."""
        y_pred = as_float_array(y_pred)
        y_true = as_float_array(y_true).reshape(y_pred.shape)
        if y_true.ndim == 1:
            y_true, y_pred = y_true[:, None], y_pred[:, None]
        weight = _per_sample_weight(sample_weight, y_true)
        self.sum = self.sum + (y_true * weight).sum(axis=0)
        self.squared_sum = self.squared_sum + (y_true * y_true * weight).sum(axis=0)
        self.total_mse = self.total_mse + ((y_true - y_pred) ** 2 * weight).sum(axis=0)
        self.count = self.count + weight.sum(axis=0)
        self.num_samples += y_true.size

    def result(self):
        """The (adjusted) R2 score from the totals."""
        total = self.squared_sum - self.sum * divide_no_nan(self.sum, self.count)  # SS_tot
        with np.errstate(divide="ignore", invalid="ignore"):
            raw = 1.0 - self.total_mse / total
        raw = np.where(np.isinf(raw), 0.0, raw)  # constant targets: Keras reports 0
        if self.class_aggregation == "uniform_average":
            score = np.mean(raw)
        elif self.class_aggregation == "variance_weighted_average":
            score = np.sum(total * raw) / np.sum(total)
        else:
            score = raw
        n, p = self.num_samples, self.num_regressors
        if p and p >= n - 1:
            warnings.warn("Adjusted R2 needs more samples than regressors + 1: plain R2 returned.")
        elif p:
            score = 1.0 - (1.0 - score) * (n - 1) / (n - p - 1)
        return self.as_result(score)

    def get_config(self):
        return {
            **super().get_config(),
            "class_aggregation": self.class_aggregation,
            "num_regressors": self.num_regressors,
        }


class FBetaScore(ArrayMetric):
    """F-beta score per class: ``(1 + beta^2) P R / (beta^2 P + R)``, P precision, R recall.

    Args:
        average: ``None`` (one score per class), ``"micro"`` (counts summed over
            classes first), ``"macro"`` (mean of the class scores) or ``"weighted"``
            (mean weighted by each class's number of true labels). Defaults to ``None``.
        beta: Weight of recall against precision. Defaults to ``1.0``.
        threshold: A score above it predicts the class; ``None`` predicts each
            sample's top class. Defaults to ``None``.

    Shapes:
        ``y_true`` one-hot (or multi-label) ``(N, C)``, ``y_pred`` scores ``(N, C)``.

    Example:
        >>> m = FBetaScore(beta=2.0, threshold=0.5)
        >>> scores = m([[1, 0], [1, 1]], np.array([[0.9, 0.2], [0.3, 0.8]])).numpy()
        >>> [round(v, 3) for v in scores.tolist()]
        [0.556, 1.0]
    """

    sums = ("true_positives", "false_positives", "false_negatives", "intermediate_weights")

    def __init__(self, average=None, beta=1.0, threshold=None, name="fbeta_score", dtype=None):
        if average not in (None, "micro", "macro", "weighted"):
            raise ValueError(f"Invalid `average`. Received: average={average!r}")
        super().__init__(name=name, dtype=dtype)
        self.average, self.beta, self.threshold = average, beta, threshold

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Add one batch's per-class true positives, false positives and false negatives."""
        y_true, y_pred = as_float_array(y_true), as_float_array(y_pred)
        if y_true.shape != y_pred.shape:
            raise ValueError(
                f"{type(self).__name__} needs one-hot (or multi-label) y_true of y_pred's shape "
                f"{y_pred.shape}. Received: y_true.shape={y_true.shape}"
            )
        if self.threshold is None:  # the top class (ties included), never a zero score
            top = y_pred.max(axis=-1, keepdims=True)
            predicted = (y_pred >= top) & (np.abs(y_pred) > 1e-9)
        else:
            predicted = y_pred > self.threshold
        predicted = predicted.astype("float64")
        weight = _per_sample_weight(sample_weight, y_true)
        axis = None if self.average == "micro" else 0  # micro: one count for all classes
        self.true_positives = self.true_positives + (predicted * y_true * weight).sum(axis=axis)
        self.false_positives = self.false_positives + (predicted * (1 - y_true) * weight).sum(axis)
        self.false_negatives = self.false_negatives + ((1 - predicted) * y_true * weight).sum(axis)
        self.intermediate_weights = self.intermediate_weights + (y_true * weight).sum(axis=axis)

    def result(self):
        """The F-beta score(s) from the totals, averaged as ``average`` says."""
        eps, b2 = epsilon(), self.beta**2
        precision = self.true_positives / (self.true_positives + self.false_positives + eps)
        recall = self.true_positives / (self.true_positives + self.false_negatives + eps)
        score = (1 + b2) * precision * recall / (b2 * precision + recall + eps)
        if self.average == "weighted":
            weights = self.intermediate_weights / (np.sum(self.intermediate_weights) + eps)
            score = np.sum(score * weights)
        elif self.average is not None:  # micro (already one number) or macro
            score = np.mean(score)
        return self.as_result(score)

    def get_config(self):
        return {
            **super().get_config(),
            "average": self.average,
            "beta": self.beta,
            "threshold": self.threshold,
        }


class F1Score(FBetaScore):
    """F1 score, the harmonic mean of precision and recall: `FBetaScore` with ``beta=1``.

    Args:
        average, threshold: As `FBetaScore`'s.

    Example:
        >>> m = F1Score(average="micro")
        >>> round(float(m([[1, 0], [0, 1]], np.array([[0.9, 0.1], [0.6, 0.4]]))), 4)
        0.5
    """

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self):
        config = super().get_config()
        del config["beta"]
        return config
