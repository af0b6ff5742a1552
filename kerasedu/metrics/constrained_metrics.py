"""One rate at an operating point fixed by another: SensitivityAtSpecificity, PrecisionAtRecall...

Over ``num_thresholds`` evenly spaced thresholds, keep those where the
*constrained* rate reaches the required value and report the best *dependent*
rate among them (0 if none): "the best recall we can get with precision at
least 0.9". Rates: sensitivity = recall = ``TP / (TP + FN)``, specificity =
``TN / (TN + FP)``, precision = ``TP / (TP + FP)``.

Example:
    >>> m = RecallAtPrecision(0.8, num_thresholds=11)
    >>> float(m([0, 0, 1, 1], np.array([0.1, 0.6, 0.5, 0.9])))
    0.5
"""

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_device
from kerasedu.metrics.confusion_metrics import ConfusionMetric, divide_no_nan


def rates(counts):
    """The four rates from ``(TP, FP, TN, FN)`` counts, one value per threshold."""
    tp, fp, tn, fn = counts
    recall = divide_no_nan(tp, tp + fn)
    return {
        "sensitivity": recall,
        "recall": recall,
        "specificity": divide_no_nan(tn, tn + fp),
        "precision": divide_no_nan(tp, tp + fp),
    }


class BaseConstrained(ConfusionMetric):
    """Best ``dependent`` rate over the thresholds where ``constrained >= value``.

    Args:
        value: The required value of the constrained rate, in ``[0, 1]``.
        num_thresholds: Thresholds ``0, 1/(n-1), ..., 1``. Defaults to ``200``.
        class_id: Only this class (column) is looked at. Defaults to ``None``.
    """

    constrained = dependent = None  # names of two of the `rates`

    def __init__(self, value, num_thresholds=200, class_id=None, name=None, dtype=None):
        if not 0 <= value <= 1 or num_thresholds <= 0:
            raise ValueError(
                f"`{self.constrained}` must be in [0, 1] and num_thresholds > 0. "
                f"Received: {value}, num_thresholds={num_thresholds}"
            )
        inner = [(i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)]
        thresholds = [0.5] if num_thresholds == 1 else [0.0, *inner, 1.0]
        super().__init__(thresholds, class_id=class_id, name=name, dtype=dtype)
        self.value, self.num_thresholds = value, num_thresholds

    def result(self):
        """The best dependent rate where the constraint holds (0 if it never does)."""
        r = rates(self.counts)
        feasible = r[self.constrained] >= self.value
        best = np.max(np.where(feasible, r[self.dependent], 0.0), initial=0.0)
        return Tensor(to_device(np.asarray(best), dtype=self.dtype))

    def get_config(self):
        return {
            "name": self.name,
            "dtype": self.dtype,
            "class_id": self.class_id,
            "num_thresholds": self.num_thresholds,
            self.constrained: self.value,
        }


class SensitivityAtSpecificity(BaseConstrained):
    """Best sensitivity (recall) with specificity ``>= specificity``.

    Example:
        >>> float(SensitivityAtSpecificity(0.5)([0, 0, 1, 1], np.array([0.1, 0.6, 0.5, 0.9])))
        1.0
    """

    constrained, dependent = "specificity", "sensitivity"

    def __init__(self, specificity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(specificity, num_thresholds, class_id, name, dtype)


class SpecificityAtSensitivity(BaseConstrained):
    """Best specificity with sensitivity (recall) ``>= sensitivity``.

    Example:
        >>> float(SpecificityAtSensitivity(1.0)([0, 0, 1, 1], np.array([0.1, 0.6, 0.5, 0.9])))
        0.5
    """

    constrained, dependent = "sensitivity", "specificity"

    def __init__(self, sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(sensitivity, num_thresholds, class_id, name, dtype)


class PrecisionAtRecall(BaseConstrained):
    """Best precision with recall ``>= recall``.

    Example:
        >>> round(float(PrecisionAtRecall(1.0)([0, 0, 1, 1], np.array([0.1, 0.6, 0.5, 0.9]))), 4)
        0.6667
    """

    constrained, dependent = "recall", "precision"

    def __init__(self, recall, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(recall, num_thresholds, class_id, name, dtype)


class RecallAtPrecision(BaseConstrained):
    """Best recall with precision ``>= precision``.

    Example:
        >>> float(RecallAtPrecision(1.0)([0, 0, 1, 1], np.array([0.1, 0.6, 0.5, 0.9])))
        0.5
    """

    constrained, dependent = "precision", "recall"

    def __init__(self, precision, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(precision, num_thresholds, class_id, name, dtype)
