"""Elementwise ops: add sub mul div neg pow exp log sqrt abs cast.

Each op is a `Function` whose ``backward`` states its local derivative in the
comment on the gradient line. Binary ops broadcast like NumPy; `unbroadcast`
sums each gradient back to its input's shape. The ops that choose between
values (maximum, minimum, clip, where) are in `ops_select`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> a = Tensor([1.0, 2.0], requires_grad=True)
    >>> (a * 3.0).sum().backward()
    >>> a.grad.tolist()
    [3.0, 3.0]
"""

import numpy as np

from kerasedu.autograd.function import Function, unbroadcast
from kerasedu.device import get_array_module


def check_broadcastable(op_name, a, b):
    """Raise a ValueError naming the op and both shapes if ``a`` and ``b`` cannot broadcast."""
    try:
        np.broadcast_shapes(a.shape, b.shape)  # shapes only: NumPy's rule serves CuPy arrays too
    except ValueError:
        raise ValueError(
            f"{op_name}: operands of shapes {tuple(a.shape)} and {tuple(b.shape)} "
            "cannot be broadcast together."
        ) from None


class Add(Function):
    """``a + b``."""

    def forward(self, a, b):
        check_broadcastable("add", a, b)
        self.shapes = (a.shape, b.shape)
        return a + b

    def backward(self, grad):
        a_shape, b_shape = self.shapes
        return unbroadcast(grad, a_shape), unbroadcast(grad, b_shape)  # d(a+b)/da = d(a+b)/db = 1


class Sub(Function):
    """``a - b``."""

    def forward(self, a, b):
        check_broadcastable("sub", a, b)
        self.shapes = (a.shape, b.shape)
        return a - b

    def backward(self, grad):
        a_shape, b_shape = self.shapes
        return unbroadcast(grad, a_shape), unbroadcast(-grad, b_shape)  # d(a-b)/db = -1


class Mul(Function):
    """``a * b``."""

    def forward(self, a, b):
        check_broadcastable("mul", a, b)
        self.save_for_backward(a, b)
        return a * b

    def backward(self, grad):
        a, b = self.saved
        da = unbroadcast(grad * b, a.shape) if self.needs_input_grad[0] else None  # d(ab)/da = b
        db = unbroadcast(grad * a, b.shape) if self.needs_input_grad[1] else None  # d(ab)/db = a
        return da, db


class Div(Function):
    """``a / b``."""

    def forward(self, a, b):
        check_broadcastable("div", a, b)
        self.save_for_backward(a, b)
        return a / b

    def backward(self, grad):
        a, b = self.saved
        da = unbroadcast(grad / b, a.shape) if self.needs_input_grad[0] else None  # d(a/b)/da = 1/b
        # d(a/b)/db = -a/b^2
        db = unbroadcast(-grad * a / (b * b), b.shape) if self.needs_input_grad[1] else None
        return da, db


class Neg(Function):
    """``-x``."""

    def forward(self, x):
        return -x

    def backward(self, grad):
        return -grad


class Pow(Function):
    """``a ** b`` (elementwise power; ``b`` may be a Tensor too)."""

    def forward(self, a, b):
        check_broadcastable("pow", a, b)
        y = a**b
        self.save_for_backward(a, b, y)
        return y

    def backward(self, grad):
        a, b, y = self.saved
        xp = get_array_module(a)
        da = db = None
        if self.needs_input_grad[0]:
            da = unbroadcast(grad * b * a ** (b - 1), a.shape)  # d(a^b)/da = b a^(b-1)
        if self.needs_input_grad[1]:
            safe_log = xp.log(xp.where(a > 0, a, 1))  # a^b ln a, taken as 0 where a <= 0
            db = unbroadcast(grad * y * safe_log, b.shape)
        return da, db


class Exp(Function):
    """``exp(x)``."""

    def forward(self, x):
        y = get_array_module(x).exp(x)
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        return grad * y  # d(e^x)/dx = e^x


class Log(Function):
    """Natural logarithm ``ln(x)``."""

    def forward(self, x):
        self.save_for_backward(x)
        return get_array_module(x).log(x)

    def backward(self, grad):
        (x,) = self.saved
        return grad / x  # d(ln x)/dx = 1/x


class Sqrt(Function):
    """``sqrt(x)``."""

    def forward(self, x):
        y = get_array_module(x).sqrt(x)
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        return grad / (2 * y)  # d(sqrt x)/dx = 1 / (2 sqrt x)


class Abs(Function):
    """``|x|`` (gradient 0 at 0, as in NumPy's sign)."""

    def forward(self, x):
        self.save_for_backward(x)
        return get_array_module(x).abs(x)

    def backward(self, grad):
        (x,) = self.saved
        return grad * get_array_module(x).sign(x)  # d|x|/dx = sign(x)


class Cast(Function):
    """``x.astype(dtype)`` between float types; the gradient is cast back."""

    def forward(self, x, dtype):
        self.in_dtype = x.dtype
        return x.astype(dtype)

    def backward(self, grad):
        return grad.astype(self.in_dtype)  # d cast(x)/dx = 1


def add(a, b):
    """Return ``a + b`` (see `Add`)."""
    return Add.apply(a, b)


def sub(a, b):
    """Return ``a - b`` (see `Sub`)."""
    return Sub.apply(a, b)


def mul(a, b):
    """Return ``a * b`` (see `Mul`)."""
    return Mul.apply(a, b)


def div(a, b):
    """Return ``a / b`` (see `Div`)."""
    return Div.apply(a, b)


def neg(x):
    """Return ``-x``."""
    return Neg.apply(x)


def pow(a, b):
    """Return ``a ** b`` (see `Pow`)."""
    return Pow.apply(a, b)


def exp(x):
    """Return ``exp(x)``."""
    return Exp.apply(x)


def log(x):
    """Return ``ln(x)``."""
    return Log.apply(x)


def sqrt(x):
    """Return ``sqrt(x)``."""
    return Sqrt.apply(x)


def abs(x):
    """Return ``|x|``."""
    return Abs.apply(x)


def cast(x, dtype):
    """Return ``x`` converted to ``dtype``; differentiable between float types.

    Casting to an integer or boolean type gives a Tensor cut from the graph.

    Example:
        >>> cast(np.array([1.5]), "float16").dtype.name
        'float16'
    """
    from kerasedu.autograd.tensor import Tensor  # tensor.py imports this module

    x = x if isinstance(x, Tensor) else Tensor(x)
    if get_array_module(x.data).dtype(dtype).kind != "f":
        return Tensor(x.data.astype(dtype))  # no gradient through rounding
    return Cast.apply(x, dtype=dtype)
