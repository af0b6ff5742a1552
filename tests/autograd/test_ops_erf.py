"""erf and GELU: values against math.erf, derivatives against their formulas."""

import math

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from kerasedu.autograd.ops_erf import erf, erf_array, gelu


def test_erf_array_is_odd_and_has_no_visible_jump_where_the_formula_switches():
    x = np.array([0.0, 0.5 - 1e-9, 0.5, 0.5 + 1e-9, 3.0])  # Taylor series below |x| = 0.5
    y = erf_array(x)
    assert y[0] == 0.0
    np.testing.assert_array_equal(erf_array(-x), -y)
    assert abs(y[2] - y[1]) < 1e-7  # erfc's fit is good to 1.2e-7
    np.testing.assert_allclose(y, [math.erf(v) for v in x], rtol=0, atol=1.2e-7)


def test_erf_gradient_is_two_over_sqrt_pi_exp_minus_x_squared():
    x = Tensor(np.array([-2.0, -0.3, 0.0, 0.7, 1.9]), requires_grad=True)
    erf(x).sum().backward()
    np.testing.assert_allclose(
        x.grad, 2 / math.sqrt(math.pi) * np.exp(-(x.numpy() ** 2)), rtol=1e-12
    )


@pytest.mark.parametrize("approximate", [False, True])
def test_gelu_values_and_gradcheck(approximate):
    x = np.linspace(-4, 4, 17)
    if approximate:
        expected = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    else:
        expected = 0.5 * x * (1 + np.array([math.erf(v / math.sqrt(2)) for v in x]))
    np.testing.assert_allclose(gelu(x, approximate=approximate).numpy(), expected, atol=2e-7)
    assert gradcheck(lambda t: gelu(t, approximate=approximate), [x + 0.01])


def test_exact_gelu_gradient_is_phi_plus_x_times_density():
    x = Tensor(np.array([-1.5, 0.0, 0.8]), requires_grad=True)
    gelu(x).sum().backward()
    xn = x.numpy()
    cdf = 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in xn]))
    pdf = np.exp(-(xn**2) / 2) / math.sqrt(2 * math.pi)
    np.testing.assert_allclose(x.grad, cdf + xn * pdf, atol=2e-7)  # d(x Phi(x))/dx
