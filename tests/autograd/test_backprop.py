"""The one backward loop (kerasedu.autograd.backprop), through Tensor.backward."""

import numpy as np

from kerasedu.autograd import Tensor


def test_a_tensor_used_twice_gets_both_gradients():
    x = Tensor(np.array([2.0]), requires_grad=True)
    (x * x + x).sum().backward()  # d(x^2 + x)/dx = 2x + 1
    assert x.grad.tolist() == [5.0]


def test_inputs_selects_where_the_gradient_goes():
    w = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    b = Tensor(np.array([3.0]), requires_grad=True)
    hidden = w * 3.0
    loss = (hidden * w).sum() + b.sum()
    loss.backward(inputs=[hidden])
    assert hidden.grad.tolist() == [1.0, 2.0]  # d(sum(h * w))/dh = w
    assert w.grad is None and b.grad is None  # leaves not listed are left alone


def test_deep_chain_does_not_hit_the_recursion_limit():
    x = Tensor(np.array([1.0]), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y + 0.0
    y.sum().backward()
    assert x.grad.tolist() == [1.0]
