"""Reductions: sum, mean, max, min over axes, with ``keepdims``; and `l2_normalize`.

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
