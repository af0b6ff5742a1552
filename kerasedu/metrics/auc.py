"""`AUC`: the area under the ROC or precision-recall curve, from confusion counts.

The counts at ``num_thresholds`` thresholds give one point of the curve each;
the area is summed over the intervals between neighbouring points.

Example:
    >>> m = AUC(num_thresholds=3)
    >>> m.update_state([0, 1], np.array([0.2, 0.8]))
    >>> float(m.result())
    1.0
"""

import numpy as np

from kerasedu.config import epsilon
from kerasedu.metrics.confusion_metrics import (
    ConfusionMetric,
    as_float_array,
    divide_no_nan,
)
from kerasedu.metrics.metric import Metric


class AUC(ConfusionMetric):
    """Area under the ROC (or precision-recall) curve, from counts at many thresholds.

    Args:
        num_thresholds: Evenly spaced thresholds in ``[0, 1]``. Defaults to ``200``.
        curve: ``"ROC"`` (recall against false-positive rate) or ``"PR"``
            (precision against recall). Defaults to ``"ROC"``.
        summation_method: ``"interpolation"`` (trapezoids; for PR, Davis and
            Goadrich's interpolation), ``"minoring"`` or ``"majoring"`` (lower or
            upper rectangles). Defaults to ``"interpolation"``.
        thresholds: Explicit thresholds instead of ``num_thresholds``. Defaults to ``None``.
        multi_label, num_labels, label_weights: Only the defaults (one curve
            over all labels, flattened) are supported.
        from_logits: Whether ``y_pred`` holds logits (a sigmoid is applied). Defaults to ``False``.

    Example:
        >>> round(float(AUC()([0, 0, 1, 1], np.array([0.1, 0.4, 0.35, 0.8]))), 2)
        0.75
    """

    def __init__(
        self,
        num_thresholds=200,
        curve="ROC",
        summation_method="interpolation",
        name=None,
        dtype=None,
        thresholds=None,
        multi_label=False,
        num_labels=None,
        label_weights=None,
        from_logits=False,
    ):
        if multi_label or label_weights is not None or curve not in ("ROC", "PR"):
            raise ValueError(
                "AUC: kerasedu implements curve='ROC' or 'PR', multi_label=False and no "
                f"label_weights. Received: curve={curve!r}, multi_label={multi_label}"
            )
        self.given_thresholds = thresholds
        if thresholds is None:
            inner = [(i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)]
        else:
            inner = sorted(np.ravel(thresholds).tolist())
        # the end points catch predictions of exactly 0 and 1
        super().__init__([-epsilon(), *inner, 1.0 + epsilon()], name=name or "auc", dtype=dtype)
        self.num_thresholds, self.curve = len(self.thresholds), curve
        self.summation_method, self.from_logits = summation_method, from_logits

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Add one batch's counts at every threshold."""
        if self.from_logits:
            y_pred = 1.0 / (1.0 + np.exp(-as_float_array(y_pred)))
        super().update_state(y_true, y_pred, sample_weight)

    def result(self):
        """The area, summed over the intervals between neighbouring thresholds."""
        tp, fp, tn, fn = self.counts
        if self.curve == "PR" and self.summation_method == "interpolation":
            return self.as_result(self._interpolated_pr_auc())
        recall = divide_no_nan(tp, tp + fn)
        if self.curve == "ROC":
            x, y = divide_no_nan(fp, fp + tn), recall  # false-positive rate, true-positive rate
        else:
            x, y = recall, divide_no_nan(tp, tp + fp)
        heights = {
            "interpolation": (y[:-1] + y[1:]) / 2,
            "minoring": np.minimum(y[:-1], y[1:]),
            "majoring": np.maximum(y[:-1], y[1:]),
        }[self.summation_method]
        return self.as_result(np.sum((x[:-1] - x[1:]) * heights))  # x falls as thresholds rise

    def _interpolated_pr_auc(self):
        """Davis & Goadrich (2006): precision interpolated between thresholds as TP grows."""
        tp, fp, _, fn = self.counts
        dtp = tp[:-1] - tp[1:]
        p = tp + fp  # predicted positives
        dp = p[:-1] - p[1:]
        slope = divide_no_nan(dtp, np.maximum(dp, 0))
        intercept = tp[1:] - slope * p[1:]
        both = (p[:-1] > 0) & (p[1:] > 0)
        ratio = np.where(both, divide_no_nan(p[:-1], np.maximum(p[1:], 0)), 1.0)
        safe_log = np.log(np.where(ratio > 0, ratio, 1.0))
        return np.sum(
            divide_no_nan(slope * (dtp + intercept * safe_log), np.maximum(tp[1:] + fn[1:], 0))
        )

    def get_config(self):
        config = {
            **Metric.get_config(self),
            "num_thresholds": self.num_thresholds,
            "curve": self.curve,
            "summation_method": self.summation_method,
            "multi_label": False,
            "num_labels": None,
            "label_weights": None,
            "from_logits": self.from_logits,
        }
        if self.given_thresholds is not None:
            config["thresholds"] = self.given_thresholds
        return config
