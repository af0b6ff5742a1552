import numpy as np
import pytest

from kerasedu import metrics
from kerasedu.metrics.confusion_metrics import confusion_counts
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras

RNG = np.random.default_rng(0)
LABELS = (RNG.random((8, 3)) > 0.5).astype("float32")
SCORES = RNG.random((8, 3)).astype("float32")
WEIGHTS = RNG.random(8).astype("float32")
BATCHES = [(LABELS[:5], SCORES[:5]), (LABELS[5:], SCORES[5:], WEIGHTS[5:])]


def test_counts_add_up_to_the_weights():
    counts = confusion_counts(LABELS, SCORES, [0.0, 0.5, 1.0], np.ones(8) * 2)
    np.testing.assert_allclose(counts.sum(axis=0), 2 * LABELS.size)
    assert counts[0, -1] == 0 and counts[3, 0] == 0  # nothing above 1, nothing below 0


def test_precision_and_recall_from_totals_not_batch_means():
    m = metrics.Precision()
    m.update_state([1, 0], np.array([0.9, 0.8]))  # batch precision 0.5
    m.update_state([1], np.array([0.9]))  # batch precision 1.0
    assert float(m.result()) == pytest.approx(2 / 3)
    assert metrics.Recall(thresholds=[0.3, 0.7])([1, 1], np.array([0.5, 0.9])).shape == (2,)


CASES = [
    ("TruePositives", {}), ("FalsePositives", {"thresholds": [0.2, 0.6]}),
    ("TrueNegatives", {"thresholds": 0.3}), ("FalseNegatives", {}),
    ("Precision", {}), ("Recall", {"thresholds": [0.1, 0.5, 0.9]}),
    ("Precision", {"top_k": 1}), ("Recall", {"class_id": 2}),
    ("Precision", {"top_k": 2, "class_id": 0}),
]  # fmt: skip


@pytest.mark.reference
def test_confusion_metrics_match_keras():
    keras = import_keras()
    for name, kwargs in CASES:
        ours, theirs = getattr(metrics, name)(**kwargs), getattr(keras.metrics, name)(**kwargs)
        assert_metric_matches_keras(ours, theirs, BATCHES)
