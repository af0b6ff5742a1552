"""`kerasedu.ops.core`: tensors in and out of ops, their shape and dtype."""

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.ops import core


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
