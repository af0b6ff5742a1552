import numpy as np
import pytest

from kerasedu import metrics
from tests.metrics.keras_reference import assert_metric_matches_keras, import_keras

RNG = np.random.default_rng(2)
LABELS = RNG.integers(0, 3, (4, 5, 5))  # a batch of tiny segmentation masks
PREDICTED = np.where(RNG.random((4, 5, 5)) > 0.3, LABELS, RNG.integers(0, 3, (4, 5, 5)))
SCORES = RNG.random((4, 5, 5, 3)).astype("float32")
# whole-number weights: Keras keeps its confusion matrix in ints, truncating fractions
WEIGHTS = RNG.integers(0, 3, (4, 5, 5)).astype("float32")


def test_iou_of_perfect_masks_is_one_and_ignore_class_is_left_out():
    assert float(metrics.MeanIoU(3)(LABELS, LABELS)) == pytest.approx(1)
    wrong_on_class_2 = np.where(LABELS == 2, 0, LABELS)
    assert float(metrics.MeanIoU(3)(LABELS, wrong_on_class_2)) < 1
    assert float(metrics.MeanIoU(3, ignore_class=2)(LABELS, wrong_on_class_2)) == pytest.approx(1)


@pytest.mark.reference
def test_iou_metrics_match_keras():
    keras = import_keras()
    km = keras.metrics
    one_hot = np.eye(3, dtype="float32")[LABELS]
    sparse = [(LABELS[:2], PREDICTED[:2]), (LABELS[2:], PREDICTED[2:], WEIGHTS[2:])]
    dense = [(one_hot[:2], SCORES[:2]), (one_hot[2:], SCORES[2:], WEIGHTS[2:])]
    binary = [((LABELS[:2] > 0), SCORES[:2, ..., 0]), ((LABELS[2:] > 0), SCORES[2:, ..., 0])]
    cases = [
        (metrics.MeanIoU(3), km.MeanIoU(3), sparse),
        (metrics.MeanIoU(3, ignore_class=0), km.MeanIoU(3, ignore_class=0), sparse),
        (metrics.IoU(3, [0, 2]), km.IoU(3, [0, 2]), sparse),
        (metrics.BinaryIoU(threshold=0.4), km.BinaryIoU(threshold=0.4), binary),
        (metrics.OneHotIoU(3, [1]), km.OneHotIoU(3, [1]), dense),
        (metrics.OneHotMeanIoU(3), km.OneHotMeanIoU(3), dense),
    ]
    for ours, theirs, batches in cases:
        assert_metric_matches_keras(ours, theirs, batches)
