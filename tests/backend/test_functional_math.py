import numpy as np
import pytest

import kerasedu.backend as K
from kerasedu.autograd import Tensor, gradcheck


@pytest.mark.parametrize("name", ["sum", "mean", "max", "min", "var", "std"])
@pytest.mark.parametrize("axis, keepdims", [(None, False), (-1, False), (0, True), ((0, 1), False)])
def test_reductions(name, axis, keepdims):
    x = np.random.default_rng(0).standard_normal((3, 4))
    result = getattr(K, name)(x, axis=axis, keepdims=keepdims)
    np.testing.assert_allclose(result.numpy(), getattr(np, name)(x, axis=axis, keepdims=keepdims))
    assert gradcheck(lambda t: getattr(K, name)(t, axis=axis, keepdims=keepdims), [x])


def test_elementwise_math():
    x = np.array([0.25, 1.0, 4.0])
    np.testing.assert_allclose(K.square(x).numpy(), x**2)
    np.testing.assert_allclose(K.sqrt(x).numpy(), np.sqrt(x))
    np.testing.assert_allclose(K.exp(x).numpy(), np.exp(x))
    np.testing.assert_allclose(K.log(x).numpy(), np.log(x))
    np.testing.assert_allclose(K.abs(-x).numpy(), x)
    np.testing.assert_allclose(K.pow(x, 3.0).numpy(), x**3)
    np.testing.assert_allclose(K.clip(x, 0.5, 2.0).numpy(), [0.5, 1.0, 2.0])
    np.testing.assert_allclose(K.maximum(x, 1.0).numpy(), [1.0, 1.0, 4.0])
    np.testing.assert_allclose(K.minimum(x, 1.0).numpy(), [0.25, 1.0, 1.0])
    np.testing.assert_allclose(K.sign(-x).numpy(), [-1, -1, -1])


def test_activations():
    x = np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_allclose(K.relu(x).numpy(), [[0, 0, 2]])
    np.testing.assert_allclose(K.relu(x, alpha=0.1).numpy(), [[-0.1, 0, 2]])
    np.testing.assert_allclose(K.sigmoid(x).numpy(), 1 / (1 + np.exp(-x)))
    np.testing.assert_allclose(K.tanh(x).numpy(), np.tanh(x))
    np.testing.assert_allclose(K.softmax(x).numpy().sum(), 1.0)
    np.testing.assert_allclose(K.softplus(x).numpy(), np.log1p(np.exp(x)))
    np.testing.assert_allclose(K.softsign(x).numpy(), x / (1 + np.abs(x)))
    np.testing.assert_allclose(K.elu(x).numpy(), np.where(x > 0, x, np.exp(x) - 1))
    np.testing.assert_allclose(K.hard_sigmoid(x).numpy(), np.clip(x + 3, 0, 6) / 6)


@pytest.mark.parametrize(
    "x_shape, y_shape", [((2, 3), (3, 4)), ((2, 3, 4), (4, 5)), ((2, 3, 4), (6, 4, 5))]
)
def test_dot_matches_keras_semantics(x_shape, y_shape):
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal(x_shape), rng.standard_normal(y_shape)
    expected = np.tensordot(x, y, axes=([-1], [-2]))
    np.testing.assert_allclose(K.dot(x, y).numpy(), expected)
    assert gradcheck(K.dot, [x, y])


def test_batch_dot():
    rng = np.random.default_rng(2)
    a, b = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
    np.testing.assert_allclose(K.batch_dot(a, b).numpy(), (a * b).sum(1, keepdims=True))
    a3, b3 = rng.standard_normal((4, 2, 3)), rng.standard_normal((4, 3, 5))
    np.testing.assert_allclose(K.batch_dot(a3, b3).numpy(), a3 @ b3)
    c3 = rng.standard_normal((4, 5, 3))
    np.testing.assert_allclose(K.batch_dot(a3, c3, axes=(2, 2)).numpy(), a3 @ c3.transpose(0, 2, 1))


def test_l2_normalize():
    x = np.array([[3.0, 4.0], [0.0, 0.0]])
    np.testing.assert_allclose(K.l2_normalize(x, axis=-1).numpy(), [[0.6, 0.8], [0.0, 0.0]])
    assert gradcheck(lambda t: K.l2_normalize(t, axis=0), [np.array([[1.0, 2.0], [3.0, -1.0]])])


def test_argmax_and_comparisons():
    x = np.array([[1.0, 5.0, 2.0], [7.0, 0.0, 1.0]])
    assert K.argmax(x).numpy().tolist() == [1, 0]
    assert K.argmin(x, axis=0).numpy().tolist() == [0, 1, 1]
    assert K.equal(K.argmax(x), np.array([1, 1])).numpy().tolist() == [True, False]
    assert K.not_equal(x, 1.0).numpy().sum() == 4
    assert K.greater(x, 1.0).numpy().sum() == 3
    assert K.greater_equal(x, 1.0).numpy().sum() == 5
    assert K.less(x, 1.0).numpy().sum() == 1
    assert K.less_equal(x, 1.0).numpy().sum() == 3


def test_custom_loss_with_k_functions_trains():
    def rmse(y_true, y_pred):
        return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))

    assert gradcheck(lambda p: rmse(np.zeros((2, 3)), p), [np.array([[1.0, 2, 3], [0.5, -1, 2]])])


def test_gradients_returns_grads_without_touching_dot_grad():
    w = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    b = Tensor(np.array(0.5), requires_grad=True)
    unused = Tensor(np.ones(2), requires_grad=True)
    hidden = w * 3.0
    loss = K.sum(hidden * w) + b
    grads = K.gradients(loss, [w, b, hidden, unused])
    np.testing.assert_allclose(grads[0].numpy(), 6 * w.data)
    np.testing.assert_allclose(grads[1].numpy(), 1.0)
    np.testing.assert_allclose(grads[2].numpy(), w.data)
    assert grads[3] is None
    assert w.grad is None and b.grad is None
    loss.backward()  # the graph is still usable afterwards
    np.testing.assert_allclose(w.grad, 6 * w.data)


def test_gradients_of_constant_loss_are_none():
    assert K.gradients(K.sum(np.ones(3)), [Tensor(np.ones(3), requires_grad=True)]) == [None]
