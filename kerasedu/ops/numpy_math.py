"""NumPy's elementwise math, comparisons and logic, as ``keras.ops`` names them.

Dtypes as in Keras 3: real-valued results (``log1p``, ``floor``...) turn ints and bools
into ``floatx()`` and keep a float's dtype; ``round``, ``sign``, ``floor_divide`` and ``mod``
keep ints; comparisons and logic give bool. The smooth functions compose autograd ops, so
gradients flow; rounding has a zero gradient and comparisons none: no graph is recorded.

Example:
    >>> from kerasedu import ops
    >>> ops.floor([-1.5, 2.0]).numpy().tolist(), ops.greater([-1.5, 2.0], 0.0).numpy().tolist()
    ([-2.0, 2.0], [False, True])
"""

import numpy as np

from kerasedu import autograd
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module
from kerasedu.ops.core import convert_to_tensor

__all__ = [  # the keras.ops names this module gives (kerasedu.ops imports them all)
    "ceil", "equal", "expm1", "floor", "floor_divide", "greater", "greater_equal", "isfinite",
    "isnan", "less", "less_equal", "log10", "log1p", "log2", "logical_and", "logical_not",
    "logical_or", "logical_xor", "mod", "nan_to_num", "not_equal", "reciprocal", "round", "sign",
]  # fmt: skip


def to_float(x):
    """Return ``x`` as a float Tensor: ints and bools become ``floatx()``, floats stay."""
    x = convert_to_tensor(x)
    return x if x.dtype.kind == "f" else autograd.cast(x, floatx())


def _numpy_op(name, *xs):
    """Apply the array module's function ``name`` to the inputs' arrays: a plain Tensor."""
    arrays = [convert_to_tensor(x).data for x in xs]
    return Tensor(getattr(get_array_module(*arrays), name)(*arrays))


def with_exact_values(y, exact):
    """Return ``y + (exact - y)``, the bracket constant: ``exact``'s values, ``y``'s gradient."""
    xp = get_array_module(y.data)
    with np.errstate(invalid="ignore"):  # inf - inf where both are infinite: no gap there
        gap = exact - y.data
    return autograd.add(y, Tensor(xp.where(xp.isnan(gap), 0, gap).astype(y.dtype)))


def floor(x):
    """Return the largest integer ``<= x``, as a float; zero gradient, so none is recorded.

    Example:
        >>> floor([-1.5, 1.5]).numpy().tolist()
        [-2.0, 1.0]
    """
    return _numpy_op("floor", to_float(x))


def ceil(x):
    """Return the smallest integer ``>= x``, as a float; zero gradient, so none is recorded.

    Example:
        >>> ceil([-1.5, 1.5]).numpy().tolist()
        [-1.0, 2.0]
    """
    return _numpy_op("ceil", to_float(x))


def round(x, decimals=0):
    """Round ``x`` to ``decimals`` digits (default 0; -1: tens), halves to even; ints stay ints.

    Example:
        >>> round([0.5, 1.5, 2.567], decimals=0).numpy().tolist()
        [0.0, 2.0, 3.0]
    """
    data = convert_to_tensor(x).data
    return Tensor(get_array_module(data).round(data, decimals))


def sign(x):
    """Return -1, 0 or 1 by the sign of ``x``, in ``x``'s dtype; zero gradient.

    Example:
        >>> sign([-2.0, 0.0, 3.0]).numpy().tolist()
        [-1.0, 0.0, 1.0]
    """
    return _numpy_op("sign", x)


def log1p(x):
    """Return ``log(1 + x)``, exact even for tiny ``x``; differentiable (``1 / (1 + x)``).

    Example:
        >>> (log1p([1e-10]).numpy() * 1e10).round(3).tolist()  # log(1 + 1e-10) would be 0
        [1.0]
    """
    x = to_float(x)
    y = autograd.log(autograd.add(x, 1.0))  # 1 + x rounds a tiny x away: NumPy's values
    return with_exact_values(y, get_array_module(x.data).log1p(x.data))


def expm1(x):
    """Return ``exp(x) - 1``, exact even for tiny ``x``; differentiable (``exp(x)``).

    Example:
        >>> (expm1([1e-10]).numpy() * 1e10).round(3).tolist()  # exp(1e-10) - 1 would be 0
        [1.0]
    """
    x = to_float(x)
    y = autograd.sub(autograd.exp(x), 1.0)
    return with_exact_values(y, get_array_module(x.data).expm1(x.data))


def reciprocal(x):
    """Return ``1 / x``, differentiable (gradient ``-1 / x^2``).

    Example:
        >>> reciprocal([2, 4]).numpy().tolist()
        [0.5, 0.25]
    """
    return autograd.div(1.0, to_float(x))


def log2(x):
    """Return the base-2 logarithm ``log(x) / log(2)``, differentiable.

    Example:
        >>> log2([8.0]).numpy().tolist()
        [3.0]
    """
    return autograd.div(autograd.log(to_float(x)), np.log(2.0))


def log10(x):
    """Return the base-10 logarithm ``log(x) / log(10)``, differentiable.

    Example:
        >>> log10([100.0]).numpy().tolist()
        [2.0]
    """
    return autograd.div(autograd.log(to_float(x)), np.log(10.0))


def floor_divide(x1, x2):
    """Return ``floor(x1 / x2)`` (Python's ``//``) in the inputs' common dtype; zero gradient.

    Example:
        >>> floor_divide([7, -7], 2).numpy().tolist()
        [3, -4]
    """
    return _numpy_op("floor_divide", x1, x2)


def mod(x1, x2):
    """Return ``x1 - x2 * floor(x1 / x2)``, the remainder with ``x2``'s sign (Python's ``%``).

    Differentiable: gradient 1 for ``x1`` and ``-floor(x1 / x2)`` for ``x2``; ints stay ints.

    Example:
        >>> mod([7.0, -7.0], 3.0).numpy().tolist()
        [1.0, 2.0]
    """
    quotient = floor_divide(x1, x2)  # a constant: its derivative is zero almost everywhere
    return autograd.sub(x1, autograd.mul(x2, quotient))


def isnan(x):
    """Return where ``x`` is NaN, as bool.

    Example:
        >>> isnan([1.0, float("nan")]).numpy().tolist()
        [False, True]
    """
    return _numpy_op("isnan", x)


def isfinite(x):
    """Return where ``x`` is neither infinite nor NaN, as bool.

    Example:
        >>> isfinite([1.0, float("inf")]).numpy().tolist()
        [True, False]
    """
    return _numpy_op("isfinite", x)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    """Replace NaN by ``nan`` (default 0) and infinities by ``posinf``/``neginf``.

    ``None`` for these means the dtype's largest/most negative number. Gradient 1 where
    ``x`` is finite, 0 where a value was replaced.

    Example:
        >>> nan_to_num([float("nan"), 1.0, float("-inf")], neginf=-9.0).numpy().tolist()
        [0.0, 1.0, -9.0]
    """
    x = convert_to_tensor(x)
    xp = get_array_module(x.data)
    replaced = xp.nan_to_num(x.data, nan=nan, posinf=posinf, neginf=neginf)
    return autograd.where(xp.isfinite(x.data), x, Tensor(replaced))


def equal(x1, x2):
    """Return ``x1 == x2`` elementwise, as bool.

    Example:
        >>> equal([1, 2], 2).numpy().tolist()
        [False, True]
    """
    return _numpy_op("equal", x1, x2)


def not_equal(x1, x2):
    """Return ``x1 != x2`` elementwise, as bool.

    Example:
        >>> not_equal([1, 2], 2).numpy().tolist()
        [True, False]
    """
    return _numpy_op("not_equal", x1, x2)


def greater(x1, x2):
    """Return ``x1 > x2`` elementwise, as bool.

    Example:
        >>> greater([1, 2], 1).numpy().tolist()
        [False, True]
    """
    return _numpy_op("greater", x1, x2)


def greater_equal(x1, x2):
    """Return ``x1 >= x2`` elementwise, as bool.

    Example:
        >>> greater_equal([1, 2], 2).numpy().tolist()
        [False, True]
    """
    return _numpy_op("greater_equal", x1, x2)


def less(x1, x2):
    """Return ``x1 < x2`` elementwise, as bool.

    Example:
        >>> less([1, 2], 2).numpy().tolist()
        [True, False]
    """
    return _numpy_op("less", x1, x2)


def less_equal(x1, x2):
    """Return ``x1 <= x2`` elementwise, as bool.

    Example:
        >>> less_equal([1, 2], 1).numpy().tolist()
        [True, False]
    """
    return _numpy_op("less_equal", x1, x2)


def logical_and(x1, x2):
    """Return ``x1 and x2`` elementwise (nonzero is true), as bool.

    Example:
        >>> logical_and([1, 0, 1], [1, 1, 0]).numpy().tolist()
        [True, False, False]
    """
    return _numpy_op("logical_and", x1, x2)


def logical_or(x1, x2):
    """Return ``x1 or x2`` elementwise (nonzero is true), as bool.

    Example:
        >>> logical_or([1, 0, 0], [0, 0, 2]).numpy().tolist()
        [True, False, True]
    """
    return _numpy_op("logical_or", x1, x2)


def logical_xor(x1, x2):
    """Return ``x1 != x2`` as truth values (exactly one is nonzero), as bool.

    Example:
        >>> logical_xor([1, 0, 1], [1, 1, 0]).numpy().tolist()
        [False, True, True]
    """
    return _numpy_op("logical_xor", x1, x2)


def logical_not(x):
    """Return ``not x`` elementwise (zero becomes True), as bool.

    Example:
        >>> logical_not([0, 3]).numpy().tolist()
        [True, False]
    """
    return _numpy_op("logical_not", x)
