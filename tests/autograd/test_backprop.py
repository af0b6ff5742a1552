"""backpropagate: gradients summed over every path, in reverse topological order."""

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.autograd.backprop import backpropagate, reverse_topological_order


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
