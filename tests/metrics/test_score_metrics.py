import numpy as np
import pytest

from kerasedu import metrics
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras

RNG = np.random.default_rng(1)
TARGETS = RNG.normal(size=(9, 2)).astype("float32")
PREDICTIONS = (TARGETS + RNG.normal(scale=0.5, size=(9, 2))).astype("float32")
ONE_HOT = np.eye(3, dtype="float32")[RNG.integers(0, 3, 9)]
SCORES = RNG.random((9, 3)).astype("float32")
WEIGHTS = RNG.random(9).astype("float32")


def test_r2_matches_the_formula():
    y, p = TARGETS[:, 0], PREDICTIONS[:, 0]
    expected = 1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    assert float(metrics.R2Score()(y[:, None], p[:, None])) == pytest.approx(expected, rel=1e-5)


def test_f1_of_perfect_predictions_is_one_and_sum_adds():
    assert float(metrics.F1Score(average="macro")(ONE_HOT, ONE_HOT)) == pytest.approx(1, 1e-5)
    assert float(metrics.Sum()([1.0, 2.0], sample_weight=[2.0, 1.0])) == 4.0


@pytest.mark.reference
def test_score_metrics_match_keras():
    keras = import_keras()
    km = keras.metrics
    regression = [(TARGETS[:5], PREDICTIONS[:5]), (TARGETS[5:], PREDICTIONS[5:], WEIGHTS[5:])]
    classes = [(ONE_HOT[:5], SCORES[:5]), (ONE_HOT[5:], SCORES[5:], WEIGHTS[5:])]
    cases = [
        (metrics.R2Score(), km.R2Score(), regression),
        (metrics.R2Score(class_aggregation="variance_weighted_average", num_regressors=2),
         km.R2Score(class_aggregation="variance_weighted_average", num_regressors=2), regression),
        (metrics.R2Score(class_aggregation=None), km.R2Score(class_aggregation=None), regression),
        (metrics.F1Score(), km.F1Score(), classes),
        (metrics.F1Score(average="micro", threshold=0.5),
         km.F1Score(average="micro", threshold=0.5), classes),
        (metrics.FBetaScore(average="weighted", beta=0.5),
         km.FBetaScore(average="weighted", beta=0.5), classes),
        (metrics.FBetaScore(average="macro", beta=2.0, threshold=0.3),
         km.FBetaScore(average="macro", beta=2.0, threshold=0.3), classes),
    ]  # fmt: skip
    for ours, theirs, batches in cases:
        assert_metric_matches_keras(ours, theirs, batches, rtol=1e-4)
    values = [(TARGETS[:, 0],), (TARGETS[:, 1], WEIGHTS)]
    assert_metric_matches_keras(metrics.Sum(), km.Sum(), values, rtol=1e-4)


def test_f1_asks_for_one_hot_labels():
    with pytest.raises(ValueError, match="one-hot"):
        metrics.F1Score()(np.array([0, 2]), SCORES[:2])
