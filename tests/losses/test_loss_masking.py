"""An output's mask weighs the loss: masked steps count 0, the mean is over the kept ones."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.losses import MeanSquaredError, SparseCategoricalCrossentropy
from kerasedu.losses.loss import apply_mask

MASK = np.array([[True, True, False], [True, False, False]])


def masked(values):
    tensor = Tensor(values)
    tensor._keras_mask = MASK
    return tensor


def test_apply_mask_weights_kept_steps_to_average_over_them():
    weights = apply_mask(None, MASK)
    np.testing.assert_allclose(weights, MASK * 6 / 3)
    assert weights.dtype == np.float32
    np.testing.assert_allclose(apply_mask(None, MASK, reduction="sum"), MASK * 1.0)


def test_apply_mask_with_sample_weights_per_sample_or_per_step():
    per_sample = apply_mask(np.array([1.0, 3.0]), MASK, reduction="sum")
    np.testing.assert_allclose(per_sample, MASK * np.array([[1.0], [3.0]]))
    column = apply_mask(np.array([[1.0], [3.0]]), MASK, reduction="sum")
    np.testing.assert_allclose(column, per_sample)
    np.testing.assert_allclose(apply_mask(np.ones((2, 3)), MASK), apply_mask(None, MASK))


def test_nothing_kept_gives_zero_weights():
    assert apply_mask(None, np.zeros((1, 2), dtype=bool)).tolist() == [[0.0, 0.0]]


def test_masked_mse_is_the_mean_over_kept_steps():
    y_true = np.zeros((2, 3, 1), dtype="float32")
    y_pred = np.arange(6.0, dtype="float32").reshape(2, 3, 1)
    loss = MeanSquaredError()(y_true, masked(y_pred))
    assert float(loss) == pytest.approx((0 + 1 + 9) / 3)
    total = MeanSquaredError(reduction="sum")(y_true, masked(y_pred))
    assert float(total) == pytest.approx(10.0)


def test_masked_crossentropy_ignores_padded_steps():
    probs = np.full((2, 3, 2), 0.5, dtype="float32")
    probs[0, 2] = [1e-3, 1 - 1e-3]  # a padded step with a huge loss for label 0
    labels = np.zeros((2, 3))
    loss = SparseCategoricalCrossentropy()(labels, masked(probs))
    assert float(loss) == pytest.approx(np.log(2.0), rel=1e-5)
