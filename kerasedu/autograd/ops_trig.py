"""Trigonometric and hyperbolic ops: sin cos tan arcsin arccos arctan arctan2 sinh cosh,
and the inverse hyperbolic functions.

Each `Function` keeps its input and states its derivative on the gradient line:
``d sin(x) / dx = cos(x)`` and so on. Integer inputs become ``floatx()`` first, as in
Keras (NumPy would give float64).

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor([0.0], requires_grad=True)
    >>> sin(x).sum().backward()
    >>> x.grad.tolist()  # cos(0)
    [1.0]
"""

from kerasedu.autograd.function import Function, unbroadcast
from kerasedu.autograd.ops_elementwise import check_broadcastable
from kerasedu.config import floatx
from kerasedu.device import get_array_module


class _Unary(Function):
    """A function of one input, kept for ``backward``: subclasses give ``name`` and ``slope``."""

    name = None  # the array module's function, e.g. "sin"

    def forward(self, x):
        self.save_for_backward(x)
        return getattr(get_array_module(x), self.name)(x)

    def backward(self, grad):
        (x,) = self.saved
        return grad * self.slope(x, get_array_module(x))

    def slope(self, x, xp):
        """The derivative at ``x``."""
        raise NotImplementedError


class Sin(_Unary):
    """``sin x``."""

    name = "sin"

    def slope(self, x, xp):
        return xp.cos(x)  # d sin x = cos x


class Cos(_Unary):
    """``cos x``."""

    name = "cos"

    def slope(self, x, xp):
        return -xp.sin(x)  # d cos x = -sin x


class Tan(_Unary):
    """``tan x``."""

    name = "tan"

    def slope(self, x, xp):
        return 1 + xp.tan(x) ** 2  # d tan x = 1 + tan^2 x


class Arcsin(_Unary):
    """``arcsin x``, for ``|x| <= 1``."""

    name = "arcsin"

    def slope(self, x, xp):
        return 1 / xp.sqrt(1 - x * x)  # d arcsin x = 1 / sqrt(1 - x^2)


class Arccos(_Unary):
    """``arccos x``, for ``|x| <= 1``."""

    name = "arccos"

    def slope(self, x, xp):
        return -1 / xp.sqrt(1 - x * x)  # d arccos x = -1 / sqrt(1 - x^2)


class Arctan(_Unary):
    """``arctan x``."""

    name = "arctan"

    def slope(self, x, xp):
        return 1 / (1 + x * x)  # d arctan x = 1 / (1 + x^2)


class Sinh(_Unary):
    """``sinh x``."""

    name = "sinh"

    def slope(self, x, xp):
        return xp.cosh(x)  # d sinh x = cosh x


class Cosh(_Unary):
    """``cosh x``."""

    name = "cosh"

    def slope(self, x, xp):
        return xp.sinh(x)  # d cosh x = sinh x


class Arcsinh(_Unary):
    """``arcsinh x``."""

    name = "arcsinh"

    def slope(self, x, xp):
        return 1 / xp.sqrt(x * x + 1)  # d arcsinh x = 1 / sqrt(x^2 + 1)


class Arccosh(_Unary):
    """``arccosh x``, for ``x >= 1``."""

    name = "arccosh"

    def slope(self, x, xp):
        return 1 / xp.sqrt(x * x - 1)  # d arccosh x = 1 / sqrt(x^2 - 1), x > 1


class Arctanh(_Unary):
    """``arctanh x``, for ``|x| < 1``."""

    name = "arctanh"

    def slope(self, x, xp):
        return 1 / (1 - x * x)  # d arctanh x = 1 / (1 - x^2)


class Arctan2(Function):
    """``arctan2(y, x)``: the angle of the point ``(x, y)``, in ``(-pi, pi]``."""

    def forward(self, y, x):
        check_broadcastable("arctan2", y, x)
        self.save_for_backward(y, x)
        return get_array_module(y).arctan2(y, x)

    def backward(self, grad):
        y, x = self.saved
        r2 = x * x + y * y
        # d/dy = x / r^2, d/dx = -y / r^2
        return unbroadcast(grad * x / r2, y.shape), unbroadcast(-grad * y / r2, x.shape)


def _as_float(x):
    """``x`` as a Tensor of a float dtype: integers (and bools) become ``floatx()``."""
    from kerasedu.autograd.tensor import as_tensor  # tensor.py imports the op modules

    x = as_tensor(x)
    return x if x.dtype.kind == "f" else x.astype(floatx())


def sin(x):
    """Return ``sin(x)`` (``x`` in radians), differentiable.

    Example:
        >>> sin([0.0]).numpy().tolist()
        [0.0]
    """
    return Sin.apply(_as_float(x))


def cos(x):
    """Return ``cos(x)`` (``x`` in radians), differentiable.

    Example:
        >>> cos([0.0]).numpy().tolist()
        [1.0]
    """
    return Cos.apply(_as_float(x))


def tan(x):
    """Return ``tan(x)``, differentiable.

    Example:
        >>> tan([0.0]).numpy().tolist()
        [0.0]
    """
    return Tan.apply(_as_float(x))


def arcsin(x):
    """Return ``arcsin(x)`` in ``[-pi/2, pi/2]``, differentiable inside ``(-1, 1)``.

    Example:
        >>> arcsin([0.0]).numpy().tolist()
        [0.0]
    """
    return Arcsin.apply(_as_float(x))


def arccos(x):
    """Return ``arccos(x)`` in ``[0, pi]``, differentiable inside ``(-1, 1)``.

    Example:
        >>> arccos([1.0]).numpy().tolist()
        [0.0]
    """
    return Arccos.apply(_as_float(x))


def arctan(x):
    """Return ``arctan(x)`` in ``(-pi/2, pi/2)``, differentiable.

    Example:
        >>> arctan([0.0]).numpy().tolist()
        [0.0]
    """
    return Arctan.apply(_as_float(x))


def arctan2(x1, x2):
    """Return the angle of the point ``(x2, x1)``: ``arctan(x1 / x2)`` in the right quadrant.

    Shapes:
        ``x1`` and ``x2`` broadcast against each other, as in NumPy.

    Example:
        >>> round(arctan2([1.0], [-1.0]).numpy().item(), 4)  # 3 pi / 4
        2.3562
    """
    return Arctan2.apply(_as_float(x1), _as_float(x2))


def sinh(x):
    """Return ``sinh(x) = (e^x - e^-x) / 2``, differentiable.

    Example:
        >>> sinh([0.0]).numpy().tolist()
        [0.0]
    """
    return Sinh.apply(_as_float(x))


def cosh(x):
    """Return ``cosh(x) = (e^x + e^-x) / 2``, differentiable.

    Example:
        >>> cosh([0.0]).numpy().tolist()
        [1.0]
    """
    return Cosh.apply(_as_float(x))


def arcsinh(x):
    """Return ``arcsinh(x)``, differentiable.

    Example:
        >>> arcsinh([0.0]).numpy().tolist()
        [0.0]
    """
    return Arcsinh.apply(_as_float(x))


def arccosh(x):
    """Return ``arccosh(x)`` for ``x >= 1``, differentiable for ``x > 1``.

    Example:
        >>> arccosh([1.0]).numpy().tolist()
        [0.0]
    """
    return Arccosh.apply(_as_float(x))


def arctanh(x):
    """Return ``arctanh(x)`` for ``|x| < 1``, differentiable.

    Example:
        >>> arctanh([0.0]).numpy().tolist()
        [0.0]
    """
    return Arctanh.apply(_as_float(x))
