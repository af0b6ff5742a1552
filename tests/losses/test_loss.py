"""The Loss base class: sample weights and Keras's reductions (a sum over the batch size)."""

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from kerasedu.losses.loss import Loss, LossFunctionWrapper, reduce_weighted_values
from tests.losses.references import REFERENCES, inputs


def test_sample_weight_reduction_divides_by_batch_size():
    t, p = inputs("mean_squared_error")
    w = np.array([1.0, 0.0, 2.0, 0.5, 1.0], dtype="float32")
    per_sample = REFERENCES["mean_squared_error"](t, p)
    for weight in (w, w.reshape(5, 1)):
        got = losses.MeanSquaredError()(t, p, sample_weight=weight)
        assert got.shape == () and got.dtype == np.float32
        np.testing.assert_allclose(float(got), (per_sample * w).sum() / 5, rtol=1e-6)
    np.testing.assert_allclose(
        float(losses.MeanSquaredError(reduction="sum")(t, p, w)), (per_sample * w).sum(), rtol=1e-6
    )
    none = losses.MeanSquaredError(reduction="none")(t, p)
    np.testing.assert_allclose(none.numpy(), per_sample, rtol=1e-6)


def test_loss_class_backward_through_sample_weight():
    t, p = inputs("binary_crossentropy")
    w = np.arange(5, dtype="float64")
    loss = losses.BinaryCrossentropy()
    assert gradcheck(lambda x: loss(t.astype("float64"), x, sample_weight=w), [p])


def test_invalid_reduction_is_rejected():
    with pytest.raises(ValueError, match="reduction='mean_of_all'"):
        losses.MeanSquaredError(reduction="mean_of_all")


def test_reduce_weighted_values_divides_by_count_not_by_weight_sum():
    values = Tensor([1.0, 2.0, 3.0, 4.0])
    weights = [1.0, 0.0, 0.0, 1.0]
    assert float(reduce_weighted_values(values, weights)) == pytest.approx((1 + 4) / 4)
    assert float(reduce_weighted_values(values, weights, "sum")) == pytest.approx(5.0)
    assert reduce_weighted_values(values, weights, None).numpy().tolist() == [1, 0, 0, 4]
    assert float(reduce_weighted_values(Tensor(np.zeros(0)))) == 0.0  # empty batch: no 0 / 0


def test_per_sample_weights_broadcast_over_time_steps():
    values = Tensor(np.ones((2, 3)))  # (N, T) losses, e.g. a sequence model
    for weights in ([2.0, 0.0], [[2.0], [0.0]]):
        weighted = reduce_weighted_values(values, weights, "none")
        np.testing.assert_allclose(weighted.numpy(), [[2, 2, 2], [0, 0, 0]])


def test_subclass_call_may_return_a_plain_array():
    class Squares(Loss):
        def call(self, y_true, y_pred):
            return (np.asarray(y_pred) - np.asarray(y_true)) ** 2

    loss = Squares()
    assert loss.name == "squares" and loss.reduction == "sum_over_batch_size"
    assert float(loss([[0.0], [0.0]], [[1.0], [3.0]])) == pytest.approx((1 + 9) / 2)
    with pytest.raises(NotImplementedError, match="Loss must implement call"):
        Loss()([0.0], [0.0])


def test_wrapper_passes_keyword_arguments_and_puts_them_in_config():
    wrapper = LossFunctionWrapper(losses.huber, delta=2.0, reduction="sum")
    # huber(delta=2): 0.5 * 1^2 for |e| = 1; 2 * (3 - 0.5 * 2) = 4 for |e| = 3
    assert float(wrapper([[0.0], [0.0]], [[1.0], [3.0]])) == pytest.approx(0.5 + 4.0)
    assert wrapper.get_config() == {"name": "huber", "reduction": "sum", "delta": 2.0}
