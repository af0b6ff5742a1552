"""Label checks: wrong label formats and shapes raise errors that name the fix."""

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.losses.label_checks import match_ranks, prepare_inputs
from tests.losses.references import one_hot, probs


def test_categorical_crossentropy_rejects_integer_labels():
    p = probs(4, 10)
    for y in (np.array([1, 2, 3, 4]), np.array([[1], [2], [3], [4]])):
        with pytest.raises(ValueError, match=r"to_categorical\(y, 10\).*sparse_categorical"):
            losses.categorical_crossentropy(y, p)


def test_sparse_crossentropy_rejects_out_of_range_and_one_hot_labels():
    p = probs(4, 3)
    with pytest.raises(ValueError, match=r"\[0, 3\).*label 3 at position 2"):
        losses.sparse_categorical_crossentropy([0, 1, 3, 1], p)
    with pytest.raises(ValueError, match=r"label -1"):
        losses.sparse_categorical_crossentropy([0, -1, 2, 1], p)
    with pytest.raises(ValueError, match="label 1.5"):
        losses.sparse_categorical_crossentropy([0, 1.5, 2, 1], p)
    with pytest.raises(ValueError, match="one-hot.*categorical_crossentropy"):
        losses.sparse_categorical_crossentropy(one_hot([0, 1, 2, 1], 3), p)


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"y_true.shape=\(4, 3\), y_pred.shape=\(4, 5\)"):
        losses.mse(np.zeros((4, 3)), np.zeros((4, 5)))
    with pytest.raises(ValueError, match=r"\(4, 2\).*\(4, 3\)"):
        losses.categorical_crossentropy(np.zeros((4, 2)), probs(4, 3))


@pytest.mark.parametrize(
    "true_shape, pred_shape, expected",
    [
        ((4,), (4, 1), ((4, 1), (4, 1))),  # rank-1 target gains the axis
        ((4, 1), (4,), ((4, 1), (4, 1))),
        ((4, 3, 1), (4, 3), ((4, 3), (4, 3))),  # the extra size-1 axis is dropped
        ((4, 3), (4, 3, 1), ((4, 3), (4, 3))),
        ((4, 3), (4, 3), ((4, 3), (4, 3))),
        ((4,), (4, 2), ((4,), (4, 2))),  # other differences are left alone
    ],
)
def test_match_ranks_follows_keras(true_shape, pred_shape, expected):
    t, p = match_ranks(Tensor(np.zeros(true_shape)), Tensor(np.zeros(pred_shape)))
    assert (t.shape, p.shape) == expected


def test_prepare_inputs_gives_y_true_the_float_dtype_of_y_pred():
    t, p = prepare_inputs([1, 0], np.array([[0.2], [0.8]], dtype="float32"))
    assert t.dtype == np.float32 and p.dtype == np.float32
    assert t.shape == p.shape == (2, 1)
    _, p = prepare_inputs([1.0], [1])
    assert p.dtype == np.float32  # integer predictions become floatx()
