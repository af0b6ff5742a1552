"""Intersection over union, the segmentation metrics: IoU, MeanIoU, BinaryIoU, OneHot(Mean)IoU.

For class ``c``: ``IoU_c = TP / (TP + FP + FN)``, the overlap of the pixels
predicted ``c`` and those labelled ``c`` over their union. All of them keep a
running ``(num_classes, num_classes)`` confusion matrix (rows: labels,
columns: predictions) and average ``IoU_c`` over the target classes that occur.

Example:
    >>> m = MeanIoU(num_classes=2)
    >>> float(m([0, 0, 1, 1], np.array([0, 1, 0, 1])))
    0.3333333432674408
"""

import numpy as np

from kerasedu.metrics.confusion_metrics import as_float_array, divide_no_nan
from kerasedu.metrics.score_metrics import ArrayMetric, _per_sample_weight


class IoU(ArrayMetric):
    """Mean IoU over ``target_class_ids``.

    Args:
        num_classes: Number of classes.
        target_class_ids: Classes to average over (a list of ints).
        ignore_class: Label value left out (e.g. a "void" class). Defaults to ``None``.
        sparse_y_true: Labels are class ids (else one-hot along ``axis``). Defaults to ``True``.
        sparse_y_pred: Predictions are class ids (else scores: arg-max along ``axis``).
            Defaults to ``True``.
        axis: The class axis of one-hot inputs. Defaults to ``-1``.

    Example:
        >>> m = IoU(num_classes=2, target_class_ids=[0])
        >>> float(m([0, 0, 1, 1], np.array([0, 1, 0, 1])))
        0.3333333432674408
    """

    sums = ("total_cm",)

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        self.num_classes, self.target_class_ids = num_classes, list(target_class_ids)
        super().__init__(name=name, dtype=dtype)  # resets the state: num_classes first
        self.ignore_class, self.axis = ignore_class, axis
        self.sparse_y_true, self.sparse_y_pred = sparse_y_true, sparse_y_pred

    def reset_state(self):
        """Set the confusion matrix to zeros."""
        self.total_cm = np.zeros((self.num_classes, self.num_classes))

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Add one batch to the confusion matrix."""
        y_true, y_pred = as_float_array(y_true), as_float_array(y_pred)
        if not self.sparse_y_true:
            y_true = y_true.argmax(axis=self.axis)
        if not self.sparse_y_pred:
            y_pred = y_pred.argmax(axis=self.axis)
        weight = _per_sample_weight(sample_weight, y_true).ravel()
        labels, predictions = y_true.ravel().astype(int), y_pred.ravel().astype(int)
        if self.ignore_class is not None:
            keep = labels != self.ignore_class
            labels, predictions, weight = labels[keep], predictions[keep], weight[keep]
        np.add.at(self.total_cm, (labels, predictions), weight)  # cm[label, prediction] += w

    def result(self):
        """Mean of ``TP / (TP + FP + FN)`` over the target classes seen so far."""
        true_positives = np.diag(self.total_cm)
        union = self.total_cm.sum(axis=0) + self.total_cm.sum(axis=1) - true_positives
        targets = self.target_class_ids
        iou = divide_no_nan(true_positives[targets], union[targets])
        return self.as_result(divide_no_nan(np.sum(iou), np.sum(union[targets] != 0)))

    def get_config(self):
        return {
            **super().get_config(),
            "num_classes": self.num_classes,
            "target_class_ids": self.target_class_ids,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class MeanIoU(IoU):
    """Mean IoU over all ``num_classes`` classes (the usual segmentation score).

    Example:
        >>> MeanIoU(num_classes=3).target_class_ids
        [0, 1, 2]
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(
            num_classes,
            list(range(num_classes)),
            name,
            dtype,
            ignore_class,
            sparse_y_true,
            sparse_y_pred,
            axis,
        )

    def get_config(self):
        config = super().get_config()
        del config["target_class_ids"]
        return config


class BinaryIoU(IoU):
    """IoU of binary masks: a score ``>= threshold`` predicts class 1.

    Args:
        target_class_ids: Defaults to ``(0, 1)`` (both classes).
        threshold: Defaults to ``0.5``.

    Example:
        >>> float(BinaryIoU(target_class_ids=[1])([1, 1, 0], np.array([0.9, 0.2, 0.7])))
        0.3333333432674408
    """

    def __init__(self, target_class_ids=(0, 1), threshold=0.5, name=None, dtype=None):
        super().__init__(2, target_class_ids, name=name, dtype=dtype)
        self.threshold = threshold

    def update_state(self, y_true, y_pred, sample_weight=None):
        predicted = (as_float_array(y_pred) >= self.threshold).astype("float64")
        super().update_state(y_true, predicted, sample_weight)

    def get_config(self):
        return {
            "target_class_ids": self.target_class_ids,
            "threshold": self.threshold,
            "name": self.name,
            "dtype": self.dtype,
        }


class OneHotIoU(IoU):
    """IoU over ``target_class_ids`` for one-hot labels and score predictions.

    Example:
        >>> m = OneHotIoU(num_classes=2, target_class_ids=[1])
        >>> float(m([[0, 1], [1, 0]], np.array([[0.2, 0.8], [0.3, 0.7]])))
        0.5
    """

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_pred=False,
        axis=-1,
    ):
        super().__init__(
            num_classes, target_class_ids, name, dtype, ignore_class, False, sparse_y_pred, axis
        )

    def get_config(self):
        config = super().get_config()
        del config["sparse_y_true"]
        return config


class OneHotMeanIoU(MeanIoU):
    """Mean IoU over all classes for one-hot labels and score predictions.

    Example:
        >>> m = OneHotMeanIoU(num_classes=2)
        >>> float(m([[0, 1], [1, 0]], np.array([[0.2, 0.8], [0.6, 0.4]])))
        1.0
    """

    def __init__(
        self, num_classes, name=None, dtype=None, ignore_class=None, sparse_y_pred=False, axis=-1
    ):
        super().__init__(num_classes, name, dtype, ignore_class, False, sparse_y_pred, axis)

    def get_config(self):
        config = super().get_config()
        del config["sparse_y_true"]
        return config
