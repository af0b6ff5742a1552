"""Metric, Mean and MeanMetricWrapper: running weighted means over batches, reset."""

import numpy as np
import pytest

from kerasedu import metrics
from kerasedu.autograd import Tensor

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
