"""Function.apply records the graph; unbroadcast sums gradients back to an input's shape;
backpropagate sums gradients over every path, in reverse topological order."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.autograd.function import (
    Function,
    backpropagate,
    is_grad_enabled,
    no_grad,
    reverse_topological_order,
    unbroadcast,
)


class Cube(Function):
    """x ** 3, written as a user would write a new op."""

    def forward(self, x):
        self.save_for_backward(x)
        return x**3

    def backward(self, grad):
        (x,) = self.saved
        return grad * 3 * x**2  # d(x^3)/dx = 3 x^2


class ScaledSum(Function):
    """a + scale * b, to check keyword parameters and one gradient per input."""

    def forward(self, a, b, scale=1.0):
        self.scale = scale
        return a + scale * b

    def backward(self, grad):
        return grad, grad * self.scale


def test_a_new_op_gets_its_gradient_from_backward():
    x = Tensor([1.0, -2.0, 0.5], requires_grad=True)
    y = Cube.apply(x)
    np.testing.assert_allclose(y.numpy(), [1.0, -8.0, 0.125])
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [3.0, 12.0, 0.75])


def test_apply_records_creator_and_inputs_only_when_needed():
    x = Tensor([2.0], requires_grad=True)
    y = ScaledSum.apply(x, np.array([1.0]), scale=3.0)
    assert y.requires_grad and isinstance(y._creator, ScaledSum)
    assert y._creator.needs_input_grad == (True, False)
    assert y._creator.inputs[0] is x
    z = ScaledSum.apply(np.array([1.0]), np.array([2.0]))
    assert not z.requires_grad and z._creator is None


def test_apply_accepts_array_likes_and_passes_keyword_parameters():
    a = Tensor([1.0, 2.0], requires_grad=True)
    b = Tensor([10.0, 20.0], requires_grad=True)
    out = ScaledSum.apply(a, b, scale=0.5)
    np.testing.assert_allclose(out.numpy(), [6.0, 12.0])
    out.sum().backward()
    np.testing.assert_allclose(a.grad, [1.0, 1.0])
    np.testing.assert_allclose(b.grad, [0.5, 0.5])


def test_no_grad_switches_recording_off_and_restores_it_after_an_error():
    x = Tensor([1.0], requires_grad=True)
    assert is_grad_enabled()
    with pytest.raises(ZeroDivisionError):
        with no_grad():
            assert not is_grad_enabled()
            assert not Cube.apply(x).requires_grad
            1 / 0
    assert is_grad_enabled()
    assert Cube.apply(x).requires_grad


@pytest.mark.parametrize(
    "grad_shape, shape, expected",
    [
        ((2, 3), (3,), np.full((3,), 2.0)),  # leading axis added by broadcasting: summed
        ((2, 3), (1, 3), np.full((1, 3), 2.0)),  # size-1 axis stretched: summed, kept
        ((2, 3), (2, 1), np.full((2, 1), 3.0)),
        ((4, 2, 3), (2, 1), np.full((2, 1), 12.0)),  # both at once
        ((2, 3), (), np.array(6.0)),  # a scalar gets the sum of everything
        ((2, 3), (2, 3), np.ones((2, 3))),  # same shape: unchanged
    ],
)
def test_unbroadcast_sums_over_broadcast_axes(grad_shape, shape, expected):
    result = unbroadcast(np.ones(grad_shape), shape)
    assert result.shape == tuple(shape)
    np.testing.assert_allclose(result, expected)


def test_unbroadcast_matches_the_gradient_of_a_broadcast_add():
    a = Tensor(np.zeros((3, 1)), requires_grad=True)
    b = Tensor(np.zeros((4,)), requires_grad=True)
    weights = np.arange(12.0).reshape(3, 4)
    ((a + b) * weights).sum().backward()
    np.testing.assert_allclose(a.grad, weights.sum(axis=1, keepdims=True))
    np.testing.assert_allclose(b.grad, weights.sum(axis=0))


def test_base_class_forward_and_backward_are_abstract():
    with pytest.raises(NotImplementedError):
        Function.apply(np.ones(2))
    with pytest.raises(NotImplementedError):
        Function().backward(np.ones(2))


# --- backpropagate ---


def test_a_tensor_used_twice_gets_the_sum_of_both_gradients():
    x = Tensor(np.array([2.0, -1.0]), requires_grad=True)
    y = (x * x + x * 3.0).sum()
    y.backward()
    np.testing.assert_allclose(x.grad, 2 * x.numpy() + 3)  # d(x^2 + 3x)/dx


def test_order_puts_every_tensor_after_the_tensors_computed_from_it():
    x = Tensor(np.ones(3), requires_grad=True)
    a = x * 2.0
    b = a + x
    c = (a * b).sum()
    order = list(reverse_topological_order(c))
    position = {id(t): i for i, t in enumerate(order)}
    assert order[0] is c
    assert position[id(b)] < position[id(a)] < position[id(x)]


def test_inputs_receive_the_gradient_instead_of_the_leaves():
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    hidden = x * 3.0
    loss = (hidden * hidden).sum()
    backpropagate(loss, np.ones(()), inputs=[hidden])
    np.testing.assert_allclose(hidden.grad, 2 * hidden.numpy())  # d(h^2)/dh
    assert x.grad is None


def test_gradients_accumulate_across_calls():
    x = Tensor(np.array([1.0]), requires_grad=True)
    (x * 5.0).sum().backward()
    (x * 5.0).sum().backward()
    np.testing.assert_allclose(x.grad, [10.0])


def test_a_deep_chain_does_not_hit_the_recursion_limit():
    x = Tensor(np.array([1.0]), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [1.0])
