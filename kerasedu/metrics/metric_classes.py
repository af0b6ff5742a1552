"""Ready-made metric classes: accuracies and regression errors, each a running mean.

Example:
    >>> m = BinaryAccuracy()
    >>> m.update_state([[1], [0]], np.array([[0.9], [0.1]]))
    >>> float(m.result())
    1.0
"""

from kerasedu.losses import regression
from kerasedu.metrics import accuracy_functions as acc
from kerasedu.metrics.metric import MeanMetricWrapper


class Accuracy(MeanMetricWrapper):
    """How often predictions equal labels exactly (see `accuracy`).

    Example:
        >>> float(Accuracy()([1, 2, 3, 4], np.array([1, 2, 0, 4])))
        0.75
    """

    def __init__(self, name="accuracy", dtype=None):
        super().__init__(acc.accuracy, name=name, dtype=dtype)


class BinaryAccuracy(MeanMetricWrapper):
    """How often ``y_pred > threshold`` matches the 0/1 label (see `binary_accuracy`).

    Args:
        threshold: Defaults to ``0.5``.

    Example:
        >>> float(BinaryAccuracy(threshold=0.7)([[1], [1]], np.array([[0.9], [0.6]])))
        0.5
    """

    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        super().__init__(acc.binary_accuracy, name=name, dtype=dtype, threshold=threshold)


class CategoricalAccuracy(MeanMetricWrapper):
    """How often the arg-max matches the one-hot label (see `categorical_accuracy`).

    Example:
        >>> float(CategoricalAccuracy()([[0, 1], [1, 0]], np.array([[0.2, 0.8], [0.4, 0.6]])))
        0.5
    """

    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(acc.categorical_accuracy, name=name, dtype=dtype)


class SparseCategoricalAccuracy(MeanMetricWrapper):
    """How often the arg-max matches the integer label (see `sparse_categorical_accuracy`).

    Example:
        >>> float(SparseCategoricalAccuracy()([1, 1], np.array([[0.2, 0.8], [0.4, 0.3]])))
        0.5
    """

    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(acc.sparse_categorical_accuracy, name=name, dtype=dtype)


class TopKCategoricalAccuracy(MeanMetricWrapper):
    """How often the one-hot label is among the top ``k`` scores.

    Args:
        k: Defaults to ``5``.

    Example:
        >>> float(TopKCategoricalAccuracy(k=1)([[0, 1]], np.array([[0.2, 0.8]])))
        1.0
    """

    def __init__(self, k=5, name="top_k_categorical_accuracy", dtype=None):
        super().__init__(acc.top_k_categorical_accuracy, name=name, dtype=dtype, k=k)


class SparseTopKCategoricalAccuracy(MeanMetricWrapper):
    """How often the integer label is among the top ``k`` scores.

    Args:
        k: Defaults to ``5``.

    Example:
        >>> float(SparseTopKCategoricalAccuracy(k=1)([0], np.array([[0.2, 0.8]])))
        0.0
    """

    def __init__(self, k=5, name="sparse_top_k_categorical_accuracy", dtype=None):
        super().__init__(acc.sparse_top_k_categorical_accuracy, name=name, dtype=dtype, k=k)


class MeanSquaredError(MeanMetricWrapper):
    """Running mean of the squared error (see `kerasedu.losses.mean_squared_error`).

    Example:
        >>> float(MeanSquaredError()([[0.0], [0.0]], np.array([[1.0], [3.0]])))
        5.0
    """

    def __init__(self, name="mean_squared_error", dtype=None):
        super().__init__(regression.mean_squared_error, name=name, dtype=dtype)


class MeanAbsoluteError(MeanMetricWrapper):
    """Running mean of the absolute error (see `kerasedu.losses.mean_absolute_error`).

    Example:
        >>> float(MeanAbsoluteError()([[0.0], [0.0]], np.array([[1.0], [3.0]])))
        2.0
    """

    def __init__(self, name="mean_absolute_error", dtype=None):
        super().__init__(regression.mean_absolute_error, name=name, dtype=dtype)


class RootMeanSquaredError(MeanMetricWrapper):
    """Square root of the running mean squared error.

    Example:
        >>> round(float(RootMeanSquaredError()([[0.0], [0.0]], np.array([[3.0], [4.0]]))), 4)
        3.5355
    """

    def __init__(self, name="root_mean_squared_error", dtype=None):
        super().__init__(regression.mean_squared_error, name=name, dtype=dtype)

    def result(self):
        """Return ``sqrt(mean squared error)``."""
        return super().result().sqrt()
