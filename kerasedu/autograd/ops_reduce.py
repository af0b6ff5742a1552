"""Reductions: sum, mean, max, min, prod over axes, with ``keepdims``; cumsum; `l2_normalize`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> Tensor([[1.0, 2.0], [3.0, 4.0]]).sum(axis=0).numpy().tolist()
    [4.0, 6.0]
"""

import builtins

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.function import Function
from kerasedu.config import epsilon as default_epsilon
from kerasedu.device import get_array_module


def normalize_axes(axis, ndim):
    """Return ``axis`` as a sorted tuple of non-negative axes (``None`` means all)."""
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    rank = builtins.max(ndim, 1)  # this module defines its own max()
    for a in axes:
        if not -rank <= a < rank:
            raise ValueError(f"axis {a} is out of range for a tensor of rank {ndim}.")
    return tuple(sorted(a % rank for a in axes))


def expand_reduced(grad, axes, keepdims):
    """Re-insert the reduced axes into ``grad`` so it broadcasts against the input."""
    if keepdims:
        return grad
    xp = get_array_module(grad)
    return xp.expand_dims(grad, axes) if axes else grad


class Sum(Function):
    """``x.sum(axis)``; every element gets the upstream gradient."""

    def forward(self, x, axis=None, keepdims=False):
        self.axes = normalize_axes(axis, x.ndim)
        self.keepdims, self.shape = keepdims, x.shape
        return x.sum(axis=self.axes, keepdims=keepdims)

    def backward(self, grad):
        grad = expand_reduced(grad, self.axes, self.keepdims)
        return get_array_module(grad).broadcast_to(grad, self.shape)  # d(sum)/dx_i = 1


class Mean(Function):
    """``x.mean(axis)``; every element gets the upstream gradient divided by the count."""

    def forward(self, x, axis=None, keepdims=False):
        self.axes = normalize_axes(axis, x.ndim)
        self.keepdims, self.shape = keepdims, x.shape
        return x.mean(axis=self.axes, keepdims=keepdims)

    def backward(self, grad):
        count = 1
        for a in self.axes:
            count *= self.shape[a]
        grad = expand_reduced(grad, self.axes, self.keepdims)
        return get_array_module(grad).broadcast_to(grad / count, self.shape)  # d(mean)/dx_i = 1/n


class Max(Function):
    """``x.max(axis)``; the gradient goes to the maximal elements (split evenly on ties)."""

    reduce_name = "max"

    def forward(self, x, axis=None, keepdims=False):
        self.axes = normalize_axes(axis, x.ndim)
        self.keepdims = keepdims
        y = getattr(x, self.reduce_name)(axis=self.axes, keepdims=True)
        self.save_for_backward(x, y)
        return y if keepdims else get_array_module(x).squeeze(y, axis=self.axes)

    def backward(self, grad):
        x, y = self.saved
        grad = expand_reduced(grad, self.axes, self.keepdims)
        is_extreme = x == y
        count = is_extreme.sum(axis=self.axes, keepdims=True)
        return grad * is_extreme / count  # 1 at the arg-max (1/k for k ties), 0 elsewhere


class Min(Max):
    """``x.min(axis)``; the gradient goes to the minimal elements."""

    reduce_name = "min"


class Prod(Function):
    """``x.prod(axis)``; each element's gradient is the product of the others in its slice."""

    def forward(self, x, axis=None, keepdims=False):
        self.axes = normalize_axes(axis, x.ndim)
        self.keepdims = keepdims
        self.save_for_backward(x)
        return x.prod(axis=self.axes, keepdims=keepdims, dtype=x.dtype)  # NumPy would widen ints

    def backward(self, grad):
        (x,) = self.saved
        grad = expand_reduced(grad, self.axes, self.keepdims)
        return grad * product_of_others(x, self.axes)  # d(x_1...x_n)/dx_i = prod_{j != i} x_j


def product_of_others(x, axes):
    """For each element of ``x``, the product of the other elements of its slice along ``axes``.

    Not ``prod / x_i``, which fails at a zero: (product of those before it) * (product of
    those after it), two cumulative products. Shapes: ``x`` -> the same shape.
    """
    xp = get_array_module(x)
    order = [a for a in range(x.ndim) if a not in axes] + list(axes)  # reduced axes last
    moved = xp.transpose(x, order)
    flat = moved.reshape(moved.shape[: x.ndim - len(axes)] + (-1,))  # (..., n)
    ones = xp.ones_like(flat[..., :1])
    before = xp.cumprod(xp.concatenate([ones, flat[..., :-1]], axis=-1), axis=-1)
    after = xp.cumprod(xp.concatenate([ones, flat[..., :0:-1]], axis=-1), axis=-1)[..., ::-1]
    others = (before * after).reshape(moved.shape)
    return xp.transpose(others, [order.index(a) for a in range(x.ndim)])  # x's axis order


class Cumsum(Function):
    """``x.cumsum(axis)``: ``y_k = x_0 + ... + x_k`` along one axis."""

    def forward(self, x, axis):
        self.axis = axis
        return x.cumsum(axis=axis, dtype=x.dtype)  # NumPy would widen ints

    def backward(self, grad):
        xp = get_array_module(grad)
        # dy_k/dx_i = 1 for every k >= i: x_i gets the sum of the gradients from i on
        return xp.flip(xp.flip(grad, self.axis).cumsum(axis=self.axis), self.axis)


def sum(x, axis=None, keepdims=False):
    """Return the sum of ``x`` over ``axis`` (all axes when ``None``)."""
    return Sum.apply(x, axis=axis, keepdims=keepdims)


def mean(x, axis=None, keepdims=False):
    """Return the mean of ``x`` over ``axis`` (all axes when ``None``)."""
    return Mean.apply(x, axis=axis, keepdims=keepdims)


def max(x, axis=None, keepdims=False):
    """Return the maximum of ``x`` over ``axis``."""
    return Max.apply(x, axis=axis, keepdims=keepdims)


def min(x, axis=None, keepdims=False):
    """Return the minimum of ``x`` over ``axis``."""
    return Min.apply(x, axis=axis, keepdims=keepdims)


def prod(x, axis=None, keepdims=False):
    """Return the product of ``x`` over ``axis`` (all axes when ``None``).

    Example:
        >>> prod(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=1).numpy().tolist()
        [2.0, 12.0]
    """
    return Prod.apply(x, axis=axis, keepdims=keepdims)


def cumsum(x, axis):
    """Return the cumulative sum of ``x`` along the int ``axis`` (same shape as ``x``).

    Example:
        >>> cumsum(np.array([1.0, 2.0, 3.0]), axis=0).numpy().tolist()
        [1.0, 3.0, 6.0]
    """
    return Cumsum.apply(x, axis=axis)


def l2_normalize(x, axis=-1, epsilon=None):
    """Return ``x / max(||x||, epsilon)`` along ``axis``: unit vectors (Keras's ``normalize``).

    Built from differentiable ops, so its gradient comes for free.

    Args:
        x: Tensor or array.
        axis: Axis of the vectors. Defaults to ``-1``.
        epsilon: Smallest norm divided by, so a zero vector stays zero.
            Defaults to ``None`` (the config's ``epsilon()``, ``1e-7``).

    Shapes:
        any shape -> the same shape.

    Example:
        >>> l2_normalize(np.array([[3.0, 4.0]])).numpy().tolist()
        [[0.6, 0.8]]
    """
    eps = default_epsilon() if epsilon is None else epsilon
    squares = sum(ew.mul(x, x), axis=axis, keepdims=True)
    # max(||x||^2, eps^2) = max(||x||, eps)^2
    return ew.div(x, ew.sqrt(sel.maximum(squares, eps**2)))
