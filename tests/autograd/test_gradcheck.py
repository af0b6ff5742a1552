import numpy as np
import pytest

from kerasedu.autograd import Function, Tensor, gradcheck, numerical_grad
from kerasedu.autograd.gradcheck import GradcheckError


class WrongSquare(Function):
    """x^2 with a deliberately wrong derivative (x instead of 2x)."""

    def forward(self, x):
        self.save_for_backward(x)
        return x * x

    def backward(self, grad):
        (x,) = self.saved
        return grad * x


def test_gradcheck_passes_for_correct_op():
    assert gradcheck(lambda a, b: a * b + a, [np.ones((2, 3)), np.arange(3.0)])


def test_gradcheck_reports_input_index_and_values():
    with pytest.raises(GradcheckError) as info:
        gradcheck(lambda x: WrongSquare.apply(x), [np.array([1.0, 2.0])])
    message = str(info.value)
    assert "input 0" in message and "index" in message
    assert "analytic" in message and "numeric" in message
    assert isinstance(info.value, ValueError)


def test_gradcheck_can_return_false():
    assert (
        gradcheck(lambda x: WrongSquare.apply(x), [np.array([1.0])], raise_exception=False) is False
    )


def test_gradcheck_casts_float32_inputs_to_float64():
    seen = []

    def fn(x):
        seen.append(x.dtype)
        return x.sum()

    gradcheck(fn, [np.ones(2, dtype="float32")])
    assert seen[0] == np.float64


def test_gradcheck_passes_integer_inputs_through():
    indices = np.array([0, 2, 2])
    assert gradcheck(lambda w, i: w[i] * 2.0, [np.ones((3, 2)), indices])


def test_numerical_grad_matches_derivative():
    x = Tensor(np.array([1.0, -2.0]))
    (grad,) = numerical_grad(lambda t: (t * t * t).sum(), [x])
    np.testing.assert_allclose(grad, 3 * x.data**2, rtol=1e-6)
