import numpy as np
import pytest

from kerasedu import metrics
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras
from tests.metrics.test_confusion_metrics import BATCHES


def test_auc_is_one_for_perfect_ranking_and_half_for_constant_scores():
    assert float(metrics.AUC()([0, 0, 1, 1], np.array([0.1, 0.2, 0.8, 0.9]))) == pytest.approx(1)
    assert float(metrics.AUC()([0, 1, 0, 1], np.full(4, 0.5))) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="multi_label"):
        metrics.AUC(multi_label=True)


@pytest.mark.reference
@pytest.mark.parametrize("kwargs", [
    {}, {"curve": "PR"}, {"summation_method": "minoring"},
    {"curve": "PR", "summation_method": "majoring", "num_thresholds": 50},
    {"from_logits": True, "thresholds": [0.3, 0.5, 0.7]},
])  # fmt: skip
def test_auc_matches_keras(kwargs):
    keras = import_keras()
    assert_metric_matches_keras(metrics.AUC(**kwargs), keras.metrics.AUC(**kwargs), BATCHES)
