import numpy as np
import pytest

from kerasedu import metrics
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras

RNG = np.random.default_rng(0)
Y_TRUE = RNG.random((6, 3)).astype("float32") + 0.1
Y_PRED = RNG.random((6, 3)).astype("float32") + 0.1
ONE_HOT = np.eye(3, dtype="float32")[[0, 2, 1, 1, 0, 2]]
PROBS = Y_PRED / Y_PRED.sum(axis=1, keepdims=True)
SIGNS = np.where(RNG.random((6, 3)) > 0.5, 1.0, -1.0).astype("float32")
WEIGHTS = np.array([1.0, 0.5, 2.0, 0.0, 1.0, 3.0], dtype="float32")

# class name -> (kwargs, y_true, y_pred)
CASES = {
    "MeanAbsolutePercentageError": ({}, Y_TRUE, Y_PRED),
    "MeanSquaredLogarithmicError": ({}, Y_TRUE, Y_PRED),
    "LogCoshError": ({}, Y_TRUE, Y_PRED),
    "CosineSimilarity": ({"axis": -1}, Y_TRUE - 0.5, Y_PRED - 0.5),
    "Hinge": ({}, SIGNS, Y_PRED - 0.5),
    "SquaredHinge": ({}, SIGNS, Y_PRED - 0.5),
    "CategoricalHinge": ({}, ONE_HOT, Y_PRED),
    "KLDivergence": ({}, ONE_HOT * 0.8 + 0.05, PROBS),
    "Poisson": ({}, Y_TRUE, Y_PRED),
    "BinaryCrossentropy": ({"label_smoothing": 0.1}, (SIGNS > 0).astype("float32"), PROBS),
    "CategoricalCrossentropy": ({"from_logits": True}, ONE_HOT, Y_PRED * 3),
    "SparseCategoricalCrossentropy": ({}, ONE_HOT.argmax(1), PROBS),
    "PearsonCorrelation": ({}, Y_TRUE, Y_PRED),
    "ConcordanceCorrelation": ({}, Y_TRUE, Y_PRED),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_metric_is_the_running_weighted_mean_of_its_function(name):
    kwargs, y_true, y_pred = CASES[name]
    m = getattr(metrics, name)(**kwargs)
    m.update_state(y_true[:3], y_pred[:3], WEIGHTS[:3])
    m.update_state(y_true[3:], y_pred[3:], WEIGHTS[3:])
    whole = getattr(metrics, name)(**kwargs)
    whole.update_state(y_true, y_pred, WEIGHTS)
    np.testing.assert_allclose(m.result().numpy(), whole.result().numpy(), rtol=1e-6)


def test_compile_names_as_keras():
    for name in ["mape", "msle", "cosine_similarity", "kl_divergence", "poisson", "hinge"]:
        assert metrics.get(name).name == name
    assert isinstance(metrics.get("cosine_similarity"), metrics.MeanMetricWrapper)
    assert metrics.get("LogCoshError").name == "logcosh"


@pytest.mark.reference
@pytest.mark.parametrize("name", sorted(CASES))
def test_error_metrics_match_keras(name):
    keras = import_keras()
    kwargs, y_true, y_pred = CASES[name]
    batches = [(y_true[:3], y_pred[:3]), (y_true[3:], y_pred[3:], WEIGHTS[3:])]
    theirs = getattr(keras.metrics, name)(**kwargs)
    assert_metric_matches_keras(getattr(metrics, name)(**kwargs), theirs, batches, rtol=1e-4)
