import numpy as np
import pytest

from kerasedu.autograd import Tensor, no_grad


def test_backward_accumulates_through_shared_use():
    x = Tensor([2.0, 3.0], requires_grad=True)
    (x * x + x).sum().backward()
    np.testing.assert_allclose(x.grad, [5.0, 7.0])


def test_backward_on_non_scalar_without_grad_raises():
    x = Tensor(np.ones((2, 2)), requires_grad=True)
    with pytest.raises(RuntimeError, match="shape"):
        (x * 2.0).backward()


def test_backward_on_tensor_without_grad_raises():
    with pytest.raises(RuntimeError):
        Tensor([1.0]).sum().backward()


def test_no_grad_records_nothing():
    x = Tensor([1.0], requires_grad=True)
    with no_grad():
        y = x * 3.0
    assert not y.requires_grad
    assert (x * 3.0).requires_grad  # recording resumes after the block


def test_broadcast_gradient_sums_back_to_input_shape():
    a = Tensor(np.ones((2, 3)), requires_grad=True)
    b = Tensor(np.ones((1, 3)), requires_grad=True)
    c = Tensor(np.ones(3), requires_grad=True)
    (a * b + c).sum().backward()
    assert b.grad.shape == (1, 3) and c.grad.shape == (3,)
    np.testing.assert_allclose(b.grad, [[2.0, 2.0, 2.0]])


def test_float32_stays_float32():
    x = Tensor(np.ones((2, 2), dtype="float32"), requires_grad=True)
    y = (x * 2.0 + 1.0).exp().sum()
    assert y.dtype == np.float32
    y.backward()
    assert x.grad.dtype == np.float32


def test_full_reduction_of_float64_stays_float64():
    assert Tensor(np.ones(3)).sum().dtype == np.float64


def test_python_floats_become_float32():
    assert Tensor([1.0, 2.0]).dtype == np.float32
