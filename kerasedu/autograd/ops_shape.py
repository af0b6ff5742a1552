"""Shape ops: reshape, transpose, expand_dims, squeeze, pad, repeat, tile.

None of them changes a value, only where it sits, so each ``backward`` moves the
gradient back to where its value came from (and adds up values that were copied).
Picking elements by index (getitem, take) is in `ops_index`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> Tensor([[1.0, 2.0, 3.0]]).reshape(3, 1).shape
    (3, 1)
"""

import numpy as np

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_reduce import normalize_axes
from kerasedu.device import get_array_module


class Reshape(Function):
    """``x.reshape(shape)``; the gradient is reshaped back."""

    def forward(self, x, shape):
        self.in_shape = x.shape
        try:
            return x.reshape(shape)
        except ValueError:
            raise ValueError(
                f"reshape: cannot reshape a tensor of shape {tuple(x.shape)} "
                f"({x.size} elements) into shape {tuple(shape)}."
            ) from None

    def backward(self, grad):
        return grad.reshape(self.in_shape)


class Transpose(Function):
    """``x.transpose(axes)``; the gradient is transposed by the inverse permutation."""

    def forward(self, x, axes=None):
        if axes is not None and sorted(a % max(x.ndim, 1) for a in axes) != list(range(x.ndim)):
            raise ValueError(
                f"transpose: axes {tuple(axes)} are not a permutation of the "
                f"axes of a tensor of shape {tuple(x.shape)}."
            )
        self.axes = tuple(range(x.ndim))[::-1] if axes is None else tuple(a % x.ndim for a in axes)
        return x.transpose(self.axes)

    def backward(self, grad):
        inverse = np.argsort(self.axes)  # axis a went to position axes.index(a)
        return grad.transpose(tuple(int(a) for a in inverse))


class ExpandDims(Function):
    """Insert a size-1 axis at ``axis``; the gradient drops it again."""

    def forward(self, x, axis):
        self.in_shape = x.shape
        if not -x.ndim - 1 <= axis <= x.ndim:
            raise ValueError(
                f"expand_dims: axis {axis} is out of range for a tensor of shape {tuple(x.shape)}."
            )
        return get_array_module(x).expand_dims(x, axis)

    def backward(self, grad):
        return grad.reshape(self.in_shape)


class Squeeze(Function):
    """Remove size-1 axes (all of them when ``axis`` is ``None``)."""

    def forward(self, x, axis=None):
        self.in_shape = x.shape
        if axis is None:
            axes = tuple(i for i, n in enumerate(x.shape) if n == 1)
        else:
            axes = normalize_axes(axis, x.ndim)
        for a in axes:
            if x.shape[a] != 1:
                raise ValueError(
                    f"squeeze: axis {a} of a tensor of shape {tuple(x.shape)} has "
                    f"size {x.shape[a]}, not 1."
                )
        return x.reshape(tuple(n for i, n in enumerate(x.shape) if i not in axes))

    def backward(self, grad):
        return grad.reshape(self.in_shape)


def _pad_pairs(pad_width, ndim):
    """NumPy's ``pad_width`` forms (``p``, ``(b, a)``, ``((b, a), ...)``) as ndim (b, a) pairs."""
    pairs = (
        np.asarray(pad_width, dtype=int).reshape(-1, 2)
        if np.ndim(pad_width)
        else (np.full((1, 2), int(pad_width)))
    )
    pairs = np.broadcast_to(pairs, (ndim, 2))  # one pair for all axes, or one per axis
    return tuple((int(b), int(a)) for b, a in pairs)


class Pad(Function):
    """Zero padding ``xp.pad(x, pad_width)``; the gradient is the un-padded centre."""

    def forward(self, x, pad_width):
        try:
            self.pairs = _pad_pairs(pad_width, x.ndim)
        except ValueError:
            raise ValueError(
                f"pad: pad_width={pad_width!r} does not fit a tensor of shape {tuple(x.shape)}."
            ) from None
        if any(b < 0 or a < 0 for b, a in self.pairs):
            raise ValueError(f"pad: pad widths must be >= 0. Received: pad_width={pad_width!r}")
        return get_array_module(x).pad(x, self.pairs)

    def backward(self, grad):
        centre = tuple(slice(b, n - a) for (b, a), n in zip(self.pairs, grad.shape))
        return grad[centre]  # d pad(x)/dx = 1 on the copied cells, padding has no source


class Repeat(Function):
    """``xp.repeat(x, repeats, axis)`` with an integer ``repeats``; copies' gradients add up."""

    def forward(self, x, repeats, axis=None):
        self.in_shape = x.shape
        self.axis = None if axis is None else normalize_axes(axis, x.ndim)[0]
        self.repeats = int(repeats)
        return get_array_module(x).repeat(x, self.repeats, axis=self.axis)

    def backward(self, grad):
        if self.axis is None:  # repeat flattened x first
            return grad.reshape(-1, self.repeats).sum(axis=1).reshape(self.in_shape)
        n = self.in_shape[self.axis]
        split = grad.shape[: self.axis] + (n, self.repeats) + grad.shape[self.axis + 1 :]
        return grad.reshape(split).sum(axis=self.axis + 1)  # sum over the copies of each element


class Tile(Function):
    """``xp.tile(x, reps)``; the gradient sums the tiles back onto ``x``."""

    def forward(self, x, reps):
        self.in_shape = x.shape
        return get_array_module(x).tile(x, reps)

    def backward(self, grad):
        shape = (1,) * (grad.ndim - len(self.in_shape)) + tuple(self.in_shape)
        reps = tuple(g // n for g, n in zip(grad.shape, shape))
        interleaved = tuple(v for pair in zip(reps, shape) for v in pair)  # (r0, n0, r1, n1...)
        dx = grad.reshape(interleaved).sum(axis=tuple(range(0, 2 * grad.ndim, 2)))
        return dx.reshape(self.in_shape)


def reshape(x, shape):
    """Return ``x`` with a new ``shape`` (one entry may be -1).

    Example:
        >>> reshape(np.arange(6.0), (2, -1)).shape
        (2, 3)
    """
    return Reshape.apply(x, shape=tuple(shape))


def transpose(x, axes=None):
    """Return ``x`` with its axes permuted (reversed when ``axes`` is ``None``).

    Example:
        >>> transpose(np.zeros((2, 3, 4)), (0, 2, 1)).shape
        (2, 4, 3)
    """
    return Transpose.apply(x, axes=axes)


def expand_dims(x, axis):
    """Return ``x`` with a new size-1 axis at position ``axis`` (negative counts from the end).

    Shapes:
        ``(2, 3)`` with ``axis=-1`` -> ``(2, 3, 1)``.

    Example:
        >>> expand_dims(np.zeros((2, 3)), -1).shape
        (2, 3, 1)
    """
    return ExpandDims.apply(x, axis=int(axis))


def squeeze(x, axis=None):
    """Return ``x`` without its size-1 axes (only ``axis`` if given; it must have size 1).

    Example:
        >>> squeeze(np.zeros((2, 1, 3))).shape
        (2, 3)
    """
    return Squeeze.apply(x, axis=axis)


def pad(x, pad_width):
    """Return ``x`` padded with zeros; ``pad_width`` as in ``np.pad``.

    Args:
        x: Tensor or array.
        pad_width: ``p`` (all sides), ``(before, after)`` (every axis) or one
            ``(before, after)`` pair per axis.

    Example:
        >>> pad(np.ones((1, 2)), ((0, 0), (1, 2))).numpy().tolist()
        [[0.0, 1.0, 1.0, 0.0, 0.0]]
    """
    return Pad.apply(x, pad_width=pad_width)


def repeat(x, repeats, axis=None):
    """Return ``x`` with each element repeated ``repeats`` times along ``axis`` (as ``np.repeat``).

    Example:
        >>> repeat(np.array([1.0, 2.0]), 2).numpy().tolist()
        [1.0, 1.0, 2.0, 2.0]
    """
    return Repeat.apply(x, repeats=repeats, axis=axis)


def tile(x, reps):
    """Return ``x`` tiled ``reps`` times (as ``np.tile``).

    Example:
        >>> tile(np.array([1.0, 2.0]), 2).numpy().tolist()
        [1.0, 2.0, 1.0, 2.0]
    """
    return Tile.apply(x, reps=reps)
