"""Metrics: accuracy functions vs NumPy, running means with sample weights, get and resolve_accuracy."""

import numpy as np
import pytest

from kerasedu import losses, metrics
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


def test_mean_weighted_and_reset():
    m = metrics.Mean()
    m.update_state([1.0, 2.0, 3.0], sample_weight=[1.0, 0.0, 2.0])
    m.update_state(np.array([[4.0, 6.0]]), sample_weight=[[0.5]])  # (1, 2) values, (1, 1) weights
    expected = (1 + 6 + 0.5 * 5) / (1 + 2 + 0.5)
    assert float(m.result()) == pytest.approx(expected, rel=1e-6)
    m.reset_state()
    assert float(m.result()) == 0.0


def test_mean_metric_wrapper_accumulates_over_batches():
    y = RNG.integers(0, 2, (12, 1)).astype("float32")
    p = RNG.random((12, 1)).astype("float32")
    w = RNG.random(12).astype("float32")
    m = metrics.BinaryAccuracy()
    m.update_state(y[:5], p[:5], sample_weight=w[:5])
    m.update_state(y[5:], p[5:], sample_weight=w[5:])
    matches = y[:, 0] == (p[:, 0] > 0.5)
    assert float(m.result()) == pytest.approx((matches * w).sum() / w.sum(), rel=1e-5)
    assert m.result().dtype == np.float32


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


def test_get_names_losses_and_callables():
    assert isinstance(metrics.get("BinaryAccuracy"), metrics.BinaryAccuracy)
    mae = metrics.get("mae")
    assert mae.name == "mae" and mae.fn is losses.mean_absolute_error
    assert metrics.get("categorical_crossentropy").fn is losses.categorical_crossentropy

    def my_metric(y_true, y_pred):
        return np.abs(np.asarray(y_true) - np.asarray(y_pred)).max(axis=-1)

    custom = metrics.get(my_metric)
    assert custom.name == "my_metric"
    assert float(custom([[0.0, 1.0]], np.array([[0.5, 3.0]]))) == 2.0
    assert metrics.get(losses.Huber()).name == "huber_loss"
    assert isinstance(metrics.get(metrics.CategoricalAccuracy), metrics.CategoricalAccuracy)
    m = metrics.BinaryAccuracy(threshold=0.3)
    assert metrics.get(m) is m
    rebuilt = metrics.deserialize(metrics.serialize(m))
    assert rebuilt.fn_kwargs == {"threshold": 0.3} and rebuilt.name == "binary_accuracy"
    with pytest.raises(ValueError, match="Unknown metric"):
        metrics.get("accuracy_of_doom")


def test_loss_as_metric_builds_no_graph():
    p = Tensor(RNG.random((4, 3)).astype("float32"), requires_grad=True)
    m = metrics.get("categorical_crossentropy")
    m.update_state(np.eye(3)[[0, 1, 2, 0]], p)
    assert np.isfinite(float(m.result()))


@pytest.mark.parametrize("written", ["accuracy", "acc"])
@pytest.mark.parametrize(
    "loss, shape, y_shape, expected",
    [
        ("binary_crossentropy", (None, 1), None, "binary_accuracy"),
        (losses.BinaryCrossentropy(), (None, 3), None, "binary_accuracy"),
        ("mse", (None, 1), None, "binary_accuracy"),
        ("sparse_categorical_crossentropy", (None, 10), None, "sparse_categorical_accuracy"),
        (
            losses.SparseCategoricalCrossentropy(from_logits=True),
            (None, 10),
            None,
            "sparse_categorical_accuracy",
        ),
        ("categorical_crossentropy", (None, 10), None, "categorical_accuracy"),
        (losses.categorical_crossentropy, (None, 10), (None, 10), "categorical_accuracy"),
        ("my_custom_loss_fn", (None, 10), (None,), "sparse_categorical_accuracy"),
        ("my_custom_loss_fn", (None, 10), (None, 1), "sparse_categorical_accuracy"),
    ],
)
def test_resolve_accuracy(written, loss, shape, y_shape, expected):
    m = metrics.resolve_accuracy(written, loss, shape, y_true_shape=y_shape)
    assert m.name == written and m.fn.__name__ == expected
