"""Variable: a named weight whose value changes in place, keeping its identity."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor, Variable


def test_variable_is_a_trainable_tensor_with_a_name():
    v = Variable(np.zeros((2, 3), dtype="float32"), name="dense/kernel")
    assert isinstance(v, Tensor)
    assert (v.name, v.path, v.trainable, v.requires_grad) == (
        "dense/kernel",
        "dense/kernel",
        True,
        True,
    )
    frozen = Variable(np.zeros(2), trainable=False)
    assert not frozen.trainable and not frozen.requires_grad


def test_assign_writes_in_place_and_casts_to_the_variable_dtype():
    v = Variable(np.zeros(3, dtype="float32"), name="w")
    data = v.data
    v.assign([1.5, 2.5, 3.5])
    assert v.data is data and v.dtype == np.float32
    assert v.numpy().tolist() == [1.5, 2.5, 3.5]


def test_assign_of_another_shape_names_the_variable():
    v = Variable(np.zeros((2, 2)), name="dense/bias")
    with pytest.raises(ValueError, match=r"\(3,\) to variable 'dense/bias' of shape \(2, 2\)"):
        v.assign(np.zeros(3))


def test_gradient_flows_to_a_variable_used_in_an_expression():
    v = Variable(np.array([2.0, -1.0]))
    (v * v * 3.0).sum().backward()
    np.testing.assert_allclose(v.grad, [12.0, -6.0])  # d(3 v^2)/dv = 6 v


def test_constraint_and_regularizer_are_kept():
    def clip(w):
        return np.clip(w, -1, 1)

    def penalty(w):
        return (w * w).sum()

    v = Variable(np.ones(2), constraint=clip, regularizer=penalty)
    assert v.constraint is clip and float(v.regularizer(v)) == 2.0
