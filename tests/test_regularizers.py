"""Tests for kerasedu.regularizers."""

import numpy as np
import pytest

from kerasedu import regularizers
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.autograd.variable import Variable

W = np.array([[1.0, -2.0], [0.5, 0.0]])


def test_l1_l2_values():
    v = Variable(W)
    assert float(regularizers.L1(0.1)(v)) == pytest.approx(0.1 * 3.5)
    assert float(regularizers.L2(0.1)(v)) == pytest.approx(0.1 * 5.25)
    assert float(regularizers.L1L2(0.1, 0.2)(v)) == pytest.approx(0.35 + 0.2 * 5.25)


def test_defaults_follow_keras():
    assert regularizers.L1().l1 == 0.01 and regularizers.L2().l2 == 0.01
    assert regularizers.L1L2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.get("l1_l2").get_config() == {"l1": 0.01, "l2": 0.01}
    assert regularizers.l1_l2(l1=0.3).get_config() == {"l1": 0.3, "l2": 0.01}


def test_penalty_is_a_scalar_tensor_even_when_zero():
    out = regularizers.L1L2()(Variable(W))
    assert isinstance(out, Tensor) and out.shape == () and float(out) == 0.0


def test_penalty_gradient():
    assert gradcheck(
        lambda w: regularizers.L1L2(0.3, 0.7)(w), [np.array([[0.7, -1.2], [0.4, 2.0]])]
    )


def test_get_and_serialize_round_trip():
    reg = regularizers.get("l2")
    rebuilt = regularizers.deserialize(regularizers.serialize(reg))
    assert type(rebuilt) is regularizers.L2 and rebuilt.l2 == reg.l2
    assert regularizers.get(None) is None
    assert regularizers.get({"class_name": "L1", "config": {"l1": 0.5}}).l1 == 0.5


def test_unknown_regularizer_lists_valid_names():
    with pytest.raises(ValueError, match="l1_l2"):
        regularizers.get("l3")


def test_negative_factor_rejected():
    with pytest.raises(ValueError, match="l2=-1"):
        regularizers.L2(-1)
