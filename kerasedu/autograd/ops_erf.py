"""The error function ``erf`` and the GELU activation built on it.

NumPy has no ``erf``, so `erf_array` evaluates the Chebyshev-fitted formula
from *Numerical Recipes* (``erfcc``, section 6.2):

    erfc(z) ~ t * exp(-z^2 + P(t)),  t = 1 / (1 + z / 2),  z = |x|

with a degree-9 polynomial ``P``. Its relative error in ``erfc`` is below
1.2e-7 for every ``z >= 0``, so ``erf = 1 - erfc`` is within ~1.2e-7 of the
true value: below float32's resolution near 1, and well inside 1e-6 in float64.
Near 0 that small error would make ``erf`` jump at ``x = 0`` (``1 - erfc(0)`` is
not exactly 0), so for ``|x| < 0.5`` we use the Taylor series
``erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))`` (8 terms, error < 1e-9).

Example:
    >>> float(erf(np.array(1.0)).numpy().round(6))
    0.842701
"""

import math

from kerasedu.autograd.function import Function
from kerasedu.device import get_array_module

# P(t) coefficients, lowest order first (Numerical Recipes, erfcc).
_ERFC_COEFFS = (
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277,
)
_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
_SQRT_HALF = math.sqrt(0.5)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def erf_array(x):
    """``erf`` of a raw array (vectorised; absolute error < 1.2e-7)."""
    xp = get_array_module(x)
    z = xp.abs(x)
    t = 1 / (1 + 0.5 * z)
    poly = _ERFC_COEFFS[-1]
    for c in _ERFC_COEFFS[-2::-1]:  # Horner's rule
        poly = poly * t + c
    erfc = t * xp.exp(-z * z + poly)
    small = xp.clip(x, -0.5, 0.5)  # the series is only used there; clipping avoids overflow
    x2 = small * small
    term, series = small, small  # n = 0 term of the Taylor series
    for n in range(1, 8):
        term = term * (-x2 / n)  # (-1)^n x^(2n+1) / n!
        series = series + term / (2 * n + 1)
    return xp.where(z < 0.5, _TWO_OVER_SQRT_PI * series, xp.sign(x) * (1 - erfc))


class Erf(Function):
    """``erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt``."""

    def forward(self, x):
        self.save_for_backward(x)
        return erf_array(x)

    def backward(self, grad):
        (x,) = self.saved
        xp = get_array_module(x)
        return grad * _TWO_OVER_SQRT_PI * xp.exp(-x * x)  # erf' = 2/sqrt(pi) e^(-x^2)


class GELU(Function):
    """``x * Phi(x)`` with ``Phi`` the standard normal CDF (or its tanh approximation)."""

    def forward(self, x, approximate=False):
        xp = get_array_module(x)
        self.approximate = approximate
        self.save_for_backward(x)
        if approximate:
            self.t = xp.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3))
            return 0.5 * x * (1 + self.t)
        self.cdf = 0.5 * (1 + erf_array(x * _SQRT_HALF))  # Phi(x) = (1 + erf(x / sqrt 2)) / 2
        return x * self.cdf

    def backward(self, grad):
        (x,) = self.saved
        xp = get_array_module(x)
        if self.approximate:
            t = self.t
            du = _SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x)
            return grad * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du)  # product + chain rule
        pdf = xp.exp(-0.5 * x * x) * (_TWO_OVER_SQRT_PI * _SQRT_HALF / 2)  # e^(-x^2/2)/sqrt(2 pi)
        return grad * (self.cdf + x * pdf)  # d(x Phi)/dx = Phi + x phi


def erf(x):
    """Return the error function of ``x`` (see the module note on accuracy).

    Example:
        >>> erf(np.array([0.0, 10.0])).numpy().tolist()
        [0.0, 1.0]
    """
    return Erf.apply(x)


def gelu(x, approximate=False):
    """Return the Gaussian error linear unit ``x * Phi(x)``.

    Args:
        x: Tensor or array.
        approximate: Use ``0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))``
            instead of the exact erf form. Defaults to ``False`` (as Keras 3).

    Example:
        >>> gelu(np.array([0.0, 1.0])).numpy().round(4).tolist()
        [0.0, 0.8413]
    """
    return GELU.apply(x, approximate=approximate)
