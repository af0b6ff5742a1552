"""Ops that choose between values: maximum, minimum, clip, where.

The gradient flows only to the value that was chosen (for a tie, to the first
input), so each ``backward`` multiplies ``grad`` by a 0/1 mask.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> a = Tensor([1.0, 5.0], requires_grad=True)
    >>> maximum(a, 2.0).sum().backward()
    >>> a.grad.tolist()
    [0.0, 1.0]
"""

from kerasedu.autograd.function import Function, unbroadcast
from kerasedu.autograd.ops_elementwise import check_broadcastable
from kerasedu.device import get_array_module


class Maximum(Function):
    """Elementwise ``max(a, b)``; on a tie the gradient goes to ``a``."""

    def forward(self, a, b):
        check_broadcastable("maximum", a, b)
        self.save_for_backward(a, b)
        return get_array_module(a).maximum(a, b)

    def backward(self, grad):
        a, b = self.saved
        a_wins = a >= b
        return unbroadcast(grad * a_wins, a.shape), unbroadcast(grad * ~a_wins, b.shape)


class Minimum(Function):
    """Elementwise ``min(a, b)``; on a tie the gradient goes to ``a``."""

    def forward(self, a, b):
        check_broadcastable("minimum", a, b)
        self.save_for_backward(a, b)
        return get_array_module(a).minimum(a, b)

    def backward(self, grad):
        a, b = self.saved
        a_wins = a <= b
        return unbroadcast(grad * a_wins, a.shape), unbroadcast(grad * ~a_wins, b.shape)


class Clip(Function):
    """``clip(x, min_value, max_value)``; gradient 1 inside the range, 0 outside."""

    def forward(self, x, min_value, max_value):
        self.save_for_backward(x)
        self.bounds = (min_value, max_value)
        return get_array_module(x).clip(x, min_value, max_value)

    def backward(self, grad):
        (x,) = self.saved
        low, high = self.bounds
        inside = (x >= low) & (x <= high)
        return grad * inside


class Where(Function):
    """``where(condition, a, b)``: ``a`` where the condition holds, else ``b``."""

    def forward(self, condition, a, b):
        check_broadcastable("where", a, b)
        self.condition = condition.astype(bool)
        self.shapes = (a.shape, b.shape)
        return get_array_module(a).where(self.condition, a, b)

    def backward(self, grad):
        a_shape, b_shape = self.shapes
        da = unbroadcast(grad * self.condition, a_shape)  # 1 where chosen, else 0
        db = unbroadcast(grad * ~self.condition, b_shape)
        return None, da, db


def maximum(a, b):
    """Return the elementwise maximum of ``a`` and ``b``."""
    return Maximum.apply(a, b)


def minimum(a, b):
    """Return the elementwise minimum of ``a`` and ``b``."""
    return Minimum.apply(a, b)


def clip(x, min_value, max_value):
    """Return ``x`` clipped to ``[min_value, max_value]``.

    Example:
        >>> clip([-2.0, 0.5, 3.0], 0.0, 1.0).numpy().tolist()
        [0.0, 0.5, 1.0]
    """
    return Clip.apply(x, min_value=min_value, max_value=max_value)


def where(condition, a, b):
    """Return ``a`` where ``condition`` is true, else ``b`` (differentiable in ``a`` and ``b``)."""
    return Where.apply(condition, a, b)
