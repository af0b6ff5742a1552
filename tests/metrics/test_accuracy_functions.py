"""Accuracy functions vs NumPy: element-wise, per sample, top k; Keras 3's shapes and thresholds."""

import numpy as np
import pytest

from kerasedu import metrics
from kerasedu.autograd import Tensor

RNG = np.random.default_rng(1)


def test_accuracy_is_elementwise_equality():
    np.testing.assert_array_equal(metrics.accuracy([1, 2, 3], np.array([1, 0, 3.0])), [1, 0, 1])
    out = metrics.accuracy(np.array([1, 2]), np.array([[1], [0]]))  # (N,) matched to (N, 1)
    assert out.shape == (2, 1) and out.dtype == np.float32


def test_binary_accuracy_elementwise_and_strict_threshold():
    y = np.array([[1, 0], [0, 1], [1, 1]], dtype="float32")
    p = np.array([[0.5, 0.2], [0.51, 0.9], [0.7, 0.3]], dtype="float32")
    got = metrics.binary_accuracy(y, p)
    assert got.shape == (3, 2) and got.dtype == np.float32
    np.testing.assert_array_equal(got, (y == (p > 0.5)).astype("float32"))
    np.testing.assert_array_equal(
        metrics.binary_accuracy(y, p, threshold=0.25), (y == (p > 0.25)).astype("float32")
    )
    assert metrics.binary_accuracy(np.array([1.0, 0.0]), Tensor([[0.9], [0.6]])).shape == (2, 1)


def test_categorical_and_sparse_accuracy_vs_numpy():
    p = RNG.random((20, 5)).astype("float32")
    labels = RNG.integers(0, 5, 20)
    expected = (p.argmax(-1) == labels).astype("float32")
    np.testing.assert_array_equal(metrics.categorical_accuracy(np.eye(5)[labels], p), expected)
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(labels, p), expected)
    column = metrics.sparse_categorical_accuracy(labels.reshape(-1, 1).astype("float32"), p)
    assert column.shape == (20, 1)
    np.testing.assert_array_equal(column[:, 0], expected)


@pytest.mark.parametrize("k", [1, 2, 5])
def test_top_k_accuracy_vs_numpy(k):
    p = RNG.random((30, 6)).astype("float32")
    labels = RNG.integers(0, 6, 30)
    rank = (p > p[np.arange(30), labels][:, None]).sum(-1)  # how many classes beat the label
    expected = (rank < k).astype("float32")
    np.testing.assert_array_equal(
        metrics.sparse_top_k_categorical_accuracy(labels, p, k=k), expected
    )
    np.testing.assert_array_equal(
        metrics.top_k_categorical_accuracy(np.eye(6)[labels], p, k=k), expected
    )


def test_top_k_defaults_to_five_and_counts_ties():
    p = np.array([[0.1] * 8], dtype="float32")
    p[0, :5] = [0.9, 0.8, 0.7, 0.6, 0.5]
    assert metrics.sparse_top_k_categorical_accuracy([4], p).tolist() == [1.0]
    assert metrics.sparse_top_k_categorical_accuracy([6], p).tolist() == [0.0]
    tied = np.array([[0.5, 0.5, 0.5]], dtype="float32")
    assert metrics.sparse_top_k_categorical_accuracy([2], tied, k=1).tolist() == [1.0]
