"""Metric, Mean and MeanMetricWrapper: running weighted means over batches, reset; add_variable."""

import numpy as np
import pytest

from kerasedu import metrics, ops
from kerasedu.autograd import Tensor
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential

RNG = np.random.default_rng(1)


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


def test_loss_as_metric_builds_no_graph():
    p = Tensor(RNG.random((4, 3)).astype("float32"), requires_grad=True)
    m = metrics.get("categorical_crossentropy")
    m.update_state(np.eye(3)[[0, 1, 2, 0]], p)
    assert np.isfinite(float(m.result()))


def test_samplewise_values_average_each_sample_then_weight_it():
    from kerasedu.metrics.metric import samplewise_values

    values = np.array([[1.0, 3.0], [5.0, 7.0]])  # (N, T)
    per_sample, weight = samplewise_values(values, None)
    assert per_sample.tolist() == [2.0, 6.0] and weight is None
    per_sample, weight = samplewise_values(values, [0.5, 2.0])
    assert per_sample.tolist() == [1.0, 12.0] and weight.tolist() == [0.5, 2.0]


def test_calling_a_metric_updates_its_state_and_returns_the_running_result():
    m = metrics.Mean(name="avg")
    assert float(m([2.0, 4.0])) == 3.0
    assert float(m([9.0])) == 5.0  # (2 + 4 + 9) / 3: the state is kept between calls
    assert m.get_config() == {"name": "avg", "dtype": "float32"}


def test_base_metric_methods_must_be_implemented():
    class Unfinished(metrics.Metric):
        pass

    unfinished = Unfinished()
    assert unfinished.name == "unfinished"
    for method in (unfinished.update_state, unfinished.result, unfinished.reset_state):
        with pytest.raises(NotImplementedError, match="Unfinished must implement"):
            method()


class CategoricalTruePositives(metrics.Metric):
    """The Keras guide's custom metric: add_variable, update_state, result (reset: the base's)."""

    def __init__(self, name="categorical_true_positives", **kwargs):
        super().__init__(name=name, **kwargs)
        self.true_positives = self.add_variable(shape=(), name="ctp", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.reshape(ops.argmax(y_pred, axis=1), (-1, 1))
        values = ops.cast(ops.cast(y_true, "int32") == ops.cast(y_pred, "int32"), "float32")
        if sample_weight is not None:
            values = ops.multiply(values, ops.cast(sample_weight, "float32"))
        self.true_positives.assign_add(ops.sum(values))

    def result(self):
        return self.true_positives


def test_add_variable_state_resets_to_zero_and_add_weight_is_an_alias():
    metric = CategoricalTruePositives()
    assert metric.variables == [metric.true_positives]
    assert metric.true_positives.name == "categorical_true_positives/ctp"
    metric.update_state(np.array([[0], [1]]), np.array([[0.9, 0.1], [0.8, 0.2]]))
    assert float(metric.result()) == 1.0
    ones = metric.add_weight(shape=(2,), initializer="ones", name="ones")
    assert ones.numpy().tolist() == [1.0, 1.0] and not ones.trainable
    metric.reset_state()  # Keras 3: every state variable back to zero
    assert float(metric.result()) == 0.0 and ones.numpy().tolist() == [0.0, 0.0]


def test_custom_metric_counts_in_fit_and_evaluate():
    np.random.seed(0)
    x = np.random.rand(40, 5).astype("float32")
    y = np.random.randint(0, 3, size=(40, 1))
    model = Sequential([Input((5,)), Dense(3, activation="softmax")])
    model.compile(
        optimizer="sgd",
        loss="sparse_categorical_crossentropy",
        metrics=[CategoricalTruePositives()],
    )
    history = model.fit(x, y, batch_size=10, epochs=2, verbose=0)
    assert 0 <= history.history["categorical_true_positives"][-1] <= 40
    counted = model.evaluate(x, y, batch_size=10, verbose=0, return_dict=True)
    expected = (model.predict(x, verbose=0).argmax(axis=1) == y[:, 0]).sum()
    assert counted["categorical_true_positives"] == expected  # reset at the start, 4 batches
