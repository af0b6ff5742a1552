import numpy as np
import pytest

from kerasedu import metrics
from kerasedu.metrics.constrained_metrics import rates
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras
from tests.metrics.test_confusion_metrics import BATCHES


def test_rates_and_impossible_constraints():
    r = rates(np.array([[3.0], [1.0], [4.0], [1.0]]))  # TP, FP, TN, FN
    assert (r["recall"][0], r["specificity"][0], r["precision"][0]) == (0.75, 0.8, 0.75)
    never = metrics.RecallAtPrecision(1.0, num_thresholds=3)
    assert float(never([0, 1], np.array([0.9, 0.1]))) == 0.0  # no threshold reaches it
    with pytest.raises(ValueError, match="precision"):
        metrics.RecallAtPrecision(1.5)


@pytest.mark.reference
@pytest.mark.parametrize("name, value, kwargs", [
    ("SensitivityAtSpecificity", 0.6, {}),
    ("SpecificityAtSensitivity", 0.7, {"num_thresholds": 20}),
    ("PrecisionAtRecall", 0.5, {"class_id": 1}),
    ("RecallAtPrecision", 0.6, {"num_thresholds": 50}),
])  # fmt: skip
def test_constrained_metrics_match_keras(name, value, kwargs):
    keras = import_keras()
    ours, theirs = (
        getattr(metrics, name)(value, **kwargs),
        getattr(keras.metrics, name)(value, **kwargs),
    )
    assert_metric_matches_keras(ours, theirs, BATCHES)
