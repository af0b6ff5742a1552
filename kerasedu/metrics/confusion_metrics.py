"""Metrics built on the confusion counts: TruePositives...FalseNegatives, Precision, Recall.

A prediction counts as positive when ``y_pred > threshold`` (strictly, as Keras);
a label is positive when it is non-zero. `confusion_counts` returns the four
(weighted) counts for each threshold; every metric here (and `AUC`, in its own
module) accumulates them over the batches of an epoch and computes its result
from the totals: precision is ``total TP / (total TP + total FP)``, not a mean
of batch precisions.

Example:
    >>> m = Precision()
    >>> m.update_state([1, 0, 1, 1], np.array([0.9, 0.8, 0.3, 0.7]))
    >>> round(float(m.result()), 4)
    0.6667
"""

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_device, to_numpy
from kerasedu.metrics.metric import Metric

TP, FP, TN, FN = range(4)  # rows of the counts array


def as_float_array(x):
    """A Tensor, device array or list as a float64 NumPy array (metrics need no graph)."""
    return np.asarray(to_numpy(x.data if isinstance(x, Tensor) else x), dtype="float64")


def divide_no_nan(a, b):
    """``a / b``, with 0 where ``b == 0`` (a metric of nothing seen yet is 0, as in Keras)."""
    return np.divide(a, b, out=np.zeros_like(a, dtype="float64"), where=b != 0)


def _keep_top_k(y_pred, k):
    """Set all but each sample's ``k`` highest scores to ``-inf`` (never positive)."""
    top = np.argsort(-y_pred, axis=-1, kind="stable")[..., :k]
    kept = np.zeros(y_pred.shape, dtype=bool)
    np.put_along_axis(kept, top, True, axis=-1)
    return np.where(kept, y_pred, -np.inf)


def confusion_counts(y_true, y_pred, thresholds, sample_weight=None, top_k=None, class_id=None):
    """Weighted ``(TP, FP, TN, FN)`` counts, one column per threshold.

    Args:
        y_true: Labels (non-zero = positive), same size as ``y_pred``.
        y_pred: Scores, e.g. probabilities ``(N, D)``.
        thresholds: List of ``T`` thresholds.
        sample_weight: Optional weights broadcast over ``y_pred``. Defaults to ``None``.
        top_k: Only each sample's ``top_k`` scores may be positive. Defaults to ``None``.
        class_id: Only look at this column of ``(N, D)`` inputs. Defaults to ``None``.

    Returns:
        Array ``(4, T)``: rows TP, FP, TN, FN.

    Example:
        >>> confusion_counts([1, 0, 1], np.array([0.9, 0.6, 0.2]), [0.5]).ravel().tolist()
        [1.0, 1.0, 0.0, 1.0]
    """
    y_pred = as_float_array(y_pred)
    y_true = as_float_array(y_true).reshape(y_pred.shape)  # (N,) labels for (N, 1) scores
    weight = np.ones_like(y_pred)
    if sample_weight is not None:
        weight = as_float_array(sample_weight)
        per_sample = weight.reshape(weight.shape + (1,) * (y_pred.ndim - weight.ndim))
        weight = np.broadcast_to(per_sample, y_pred.shape)  # (N,) weights over (N, D) scores
    if top_k is not None:
        y_pred = _keep_top_k(y_pred, top_k)
    if class_id is not None:
        y_true, y_pred, weight = y_true[..., class_id], y_pred[..., class_id], weight[..., class_id]
    labels, scores, weight = y_true.ravel() != 0, y_pred.ravel(), weight.ravel()
    predicted = scores[None, :] > np.asarray(thresholds, dtype="float64")[:, None]  # (T, M)
    cells = [predicted & labels, predicted & ~labels, ~predicted & ~labels, ~predicted & labels]
    return np.stack([cell.astype("float64") @ weight for cell in cells])


class ConfusionMetric(Metric):
    """Base class: accumulates `confusion_counts`; subclasses turn the totals into a result.

    Args:
        thresholds: A float or a list of floats in ``[0, 1]``. Defaults to ``None``
            (``0.5``; no threshold, i.e. ``-inf``, with ``top_k``). A list gives one
            result per threshold.
        top_k: Only each sample's ``top_k`` scores count as positive. Defaults to ``None``.
        class_id: Only this class (column) is looked at. Defaults to ``None``.
        name, dtype: As `Metric`'s.
    """

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds, self.top_k, self.class_id = thresholds, top_k, class_id
        default = 0.5 if top_k is None else -np.inf
        self.thresholds = [default] if thresholds is None else list(np.ravel(thresholds))
        self.reset_state()

    def reset_state(self):
        """Set all counts to 0."""
        self.counts = np.zeros((4, len(self.thresholds)))

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Add one batch's counts."""
        self.counts += confusion_counts(
            y_true, y_pred, self.thresholds, sample_weight, self.top_k, self.class_id
        )

    def as_result(self, values):
        """One value per threshold, or a scalar for a single threshold, as a Tensor."""
        values = values[0] if len(self.thresholds) == 1 else values
        return Tensor(to_device(np.asarray(values), dtype=self.dtype))

    def get_config(self):
        return {
            **super().get_config(),
            "thresholds": self.init_thresholds,
            "top_k": self.top_k,
            "class_id": self.class_id,
        }


class _Count(ConfusionMetric):
    """One of the four counts, ``row`` of the counts array."""

    row = TP

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(thresholds, name=name, dtype=dtype)

    def result(self):
        """The total count (weighted), per threshold."""
        return self.as_result(self.counts[self.row])

    def get_config(self):
        config = super().get_config()
        del config["top_k"], config["class_id"]  # as Keras: the counts take thresholds only
        return config


class TruePositives(_Count):
    """Number of positive labels predicted positive.

    Example:
        >>> float(TruePositives()([0, 1, 1, 1], np.array([1.0, 0.0, 1.0, 1.0])))
        2.0
    """


class FalsePositives(_Count):
    """Number of negative labels predicted positive.

    Example:
        >>> float(FalsePositives()([0, 1, 0, 0], np.array([0.0, 0.0, 1.0, 1.0])))
        2.0
    """

    row = FP


class TrueNegatives(_Count):
    """Number of negative labels predicted negative.

    Example:
        >>> float(TrueNegatives()([0, 1, 0, 0], np.array([0.0, 0.0, 1.0, 0.0])))
        2.0
    """

    row = TN


class FalseNegatives(_Count):
    """Number of positive labels predicted negative.

    Example:
        >>> float(FalseNegatives()([0, 1, 1, 1], np.array([1.0, 0.0, 0.0, 0.0])))
        3.0
    """

    row = FN


class Precision(ConfusionMetric):
    """``TP / (TP + FP)``: of the predicted positives, the fraction that are positive.

    Takes the arguments of `ConfusionMetric` (``thresholds, top_k, class_id``).

    Example:
        >>> float(Precision(top_k=1)([[0, 1, 0]], np.array([[0.2, 0.7, 0.1]])))
        1.0
    """

    def result(self):
        """Precision per threshold (0 before any positive prediction)."""
        return self.as_result(divide_no_nan(self.counts[TP], self.counts[TP] + self.counts[FP]))


class Recall(ConfusionMetric):
    """``TP / (TP + FN)``: of the positive labels, the fraction predicted positive.

    Takes the arguments of `ConfusionMetric` (``thresholds, top_k, class_id``).

    Example:
        >>> float(Recall(thresholds=0.6)([1, 1, 0], np.array([0.9, 0.5, 0.8])))
        0.5
    """

    def result(self):
        """Recall per threshold (0 before any positive label)."""
        return self.as_result(divide_no_nan(self.counts[TP], self.counts[TP] + self.counts[FN]))
