import numpy as np

import kerasedu.backend as K
from kerasedu.autograd import Tensor, Variable, gradcheck


def test_variable_constant_and_values():
    v = K.variable([[1, 2]], name="v")
    assert isinstance(v, Variable) and v.dtype == np.float32 and v.name == "v"
    K.set_value(v, np.array([[3.0, 4.0]]))
    np.testing.assert_array_equal(K.get_value(v), [[3.0, 4.0]])
    np.testing.assert_array_equal(K.eval(v), [[3.0, 4.0]])
    K.batch_set_value([(v, [[0.0, 1.0]])])
    assert K.batch_get_value([v])[0].tolist() == [[0.0, 1.0]]
    c = K.constant(1.5, shape=(2, 2))
    assert isinstance(c, Tensor) and not c.requires_grad and c.numpy().tolist() == [[1.5, 1.5]] * 2


def test_zeros_ones_and_likes():
    assert isinstance(K.zeros((2, 3)), Variable) and K.zeros((2, 3)).numpy().sum() == 0
    assert K.ones((2,)).numpy().tolist() == [1.0, 1.0]
    assert K.zeros_like(np.ones((2, 2), dtype="float64")).dtype == np.float64
    assert K.ones_like(np.zeros(3), dtype="float32").dtype == np.float32


def test_shape_queries():
    x = np.zeros((2, 3, 4), dtype="float32")
    assert K.ndim(x) == 3 and K.shape(x) == (2, 3, 4) and K.int_shape(x) == (2, 3, 4)
    assert K.dtype(x) == "float32"
    assert K.floatx() == "float32" and K.epsilon() == 1e-7


def test_shape_functions():
    x = np.arange(24.0).reshape(2, 3, 4)
    assert K.reshape(x, (6, 4)).shape == (6, 4)
    assert K.transpose(np.zeros((2, 3))).shape == (3, 2)
    assert K.permute_dimensions(x, (2, 0, 1)).shape == (4, 2, 3)
    assert K.expand_dims(x).shape == (2, 3, 4, 1)
    assert K.expand_dims(x, 0).shape == (1, 2, 3, 4)
    assert K.squeeze(np.zeros((2, 1)), 1).shape == (2,)
    assert K.flatten(x).shape == (24,)
    assert K.batch_flatten(x).shape == (2, 12)
    assert K.repeat_elements(x, 2, axis=1).shape == (2, 6, 4)
    assert K.tile(np.zeros((2, 3)), (2, 1)).shape == (4, 3)
    assert K.gather(np.eye(4), np.array([3, 1])).numpy()[0].tolist() == [0, 0, 0, 1]


def test_concatenate_with_negative_axis_and_stack():
    a, b = np.ones((2, 3)), np.zeros((1, 3))
    assert K.concatenate([a, b], axis=-2).shape == (3, 3)
    assert K.concatenate([a, a]).shape == (2, 6)  # default axis=-1
    assert K.stack([a, a], axis=1).shape == (2, 2, 3)
    assert gradcheck(lambda s, t: K.concatenate([s, t], axis=0), [a, b])


def test_cast_between_dtypes():
    assert K.cast(np.array([1.7]), "int32").numpy().tolist() == [1]
    x = Tensor(np.ones(2, dtype="float32"), requires_grad=True)
    K.sum(K.cast(x, "float64")).backward()
    assert x.grad.tolist() == [1.0, 1.0]
