"""`kerasedu.ops.core`: tensors in and out of ops, their shape and dtype."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.ops import core
from tests.layers.keras_reference import import_keras


def test_convert_to_tensor_keeps_a_tensor_and_casts_on_request():
    tensor = Tensor(np.ones(2, "float32"))
    assert core.convert_to_tensor(tensor) is tensor
    assert core.convert_to_tensor([1, 2], dtype="float32").dtype == np.float32
    assert core.convert_to_tensor([1.5]).dtype == np.float32  # Python floats become floatx


def test_convert_to_numpy_and_shape_take_tensors_and_arrays():
    assert isinstance(core.convert_to_numpy(Tensor([1.0])), np.ndarray)
    assert core.convert_to_numpy(np.arange(3)).tolist() == [0, 1, 2]
    assert core.shape(Tensor(np.zeros((4, 2)))) == (4, 2) == core.shape(np.zeros((4, 2)))
    assert core.cast(Tensor([1.7]), "int32").numpy().tolist() == [1]


def test_stop_gradient_blocks_the_gradient_and_is_tensor_tells_tensors():
    w = Tensor(np.array([2.0]), requires_grad=True)
    (w * core.stop_gradient(w * 3)).sum().backward()
    assert w.grad.tolist() == [6.0]  # d/dw of w * c with c = 3w held constant
    assert core.is_tensor(w) and not core.is_tensor(np.ones(1))


def test_control_flow_runs_eagerly_with_keras_signatures():
    assert core.cond(Tensor(0.0) > 1, lambda: "yes", lambda: "no") == "no"
    assert core.fori_loop(2, 5, lambda i, total: total + i, 0) == 9
    assert core.while_loop(lambda x: x < 10, lambda x: x * 3, 1) == 27
    assert core.while_loop(lambda i, s: i < 4, lambda i, s: [i + 1, s + i], [0, 0]) == (4, 6)
    assert core.while_loop(lambda x: True, lambda x: x + 1, 0, maximum_iterations=5) == 5


@pytest.mark.reference
def test_control_flow_agrees_with_keras_ops():
    kops = import_keras().ops
    for ours, theirs in [
        (core.fori_loop(0, 3, lambda i, x: x + i, 0), kops.fori_loop(0, 3, lambda i, x: x + i, 0)),
        (core.while_loop(lambda x: x < 5, lambda x: x + 2, 0),
         kops.while_loop(lambda x: x < 5, lambda x: x + 2, 0)),
        (core.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2), (0, 1)),
         kops.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2), (0, 1))),
    ]:  # fmt: skip
        assert np.array_equal(np.asarray(ours), np.asarray(theirs))
    assert kops.convert_to_numpy(kops.stop_gradient(np.ones(2))).tolist() == [1.0, 1.0]


def test_ndim_size_and_slice():
    x = np.arange(24.0).reshape(2, 3, 4)
    assert core.ndim(x) == 3 and core.size(Tensor(x)) == 24
    np.testing.assert_array_equal(core.slice(x, (1, 0, 2), (1, 2, 2)).numpy(), x[1:2, 0:2, 2:4])
    w = Tensor(x, requires_grad=True)
    core.slice(w, (0, 1, 1), (1, 1, 2)).sum().backward()
    assert w.grad.sum() == 2.0 and w.grad[0, 1, 1:3].tolist() == [1.0, 1.0]


@pytest.mark.reference
def test_ndim_size_and_slice_agree_with_keras_ops():
    kops = import_keras().ops
    x = np.arange(24.0, dtype="float32").reshape(2, 3, 4)
    assert (core.ndim(x), core.size(x)) == (kops.ndim(x), kops.size(x))
    expected = kops.convert_to_numpy(kops.slice(x, (1, 0, 2), (1, 2, 2)))
    np.testing.assert_array_equal(core.slice(x, (1, 0, 2), (1, 2, 2)).numpy(), expected)
