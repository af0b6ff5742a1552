"""Metric classes: the running mean of their function, with the function's name."""

import numpy as np
import pytest

from kerasedu import losses, metrics
from kerasedu.autograd import Tensor

RNG = np.random.default_rng(1)


@pytest.mark.parametrize(
    "cls, fn",
    [
        (metrics.Accuracy, metrics.accuracy),
        (metrics.CategoricalAccuracy, metrics.categorical_accuracy),
        (metrics.SparseCategoricalAccuracy, metrics.sparse_categorical_accuracy),
        (metrics.TopKCategoricalAccuracy, metrics.top_k_categorical_accuracy),
        (metrics.SparseTopKCategoricalAccuracy, metrics.sparse_top_k_categorical_accuracy),
        (metrics.MeanSquaredError, losses.mean_squared_error),
        (metrics.MeanAbsoluteError, losses.mean_absolute_error),
    ],
)
def test_metric_classes_equal_mean_of_function(cls, fn):
    labels = RNG.integers(0, 4, 10)
    p = RNG.random((10, 4)).astype("float32")
    y = (
        labels
        if cls in (metrics.SparseCategoricalAccuracy, metrics.SparseTopKCategoricalAccuracy)
        else np.eye(4)[labels]
    )
    if cls is metrics.Accuracy:
        y, p = labels, RNG.integers(0, 4, 10)
    values = fn(y, p)
    values = values.numpy() if isinstance(values, Tensor) else values
    m = cls()
    assert float(m(y, p)) == pytest.approx(float(np.mean(values)), rel=1e-5)
    assert m.name == fn.__name__


def test_root_mean_squared_error():
    m = metrics.RootMeanSquaredError()
    m.update_state([[0.0], [0.0]], np.array([[3.0], [4.0]]))
    assert float(m.result()) == pytest.approx(np.sqrt(12.5), rel=1e-6)
