"""Joining and splitting: concatenate, stack, split.

``concatenate`` and ``stack`` take several Tensors and return one; their
``backward`` cuts the gradient into one piece per input. ``split`` is the
reverse and returns a list of slices, each an ordinary `getitem`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> concatenate([Tensor([[1.0]]), Tensor([[2.0, 3.0]])], axis=-1).numpy().tolist()
    [[1.0, 2.0, 3.0]]
"""

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_index import getitem
from kerasedu.autograd.ops_reduce import normalize_axes
from kerasedu.device import get_array_module


def _shapes(arrays):
    return ", ".join(str(tuple(a.shape)) for a in arrays)


class Concatenate(Function):
    """Join arrays along an existing ``axis``; the gradient is split back at the seams."""

    def forward(self, *arrays, axis=0):
        ndim = arrays[0].ndim
        if ndim == 0 or any(a.ndim != ndim for a in arrays):
            raise ValueError(
                "concatenate: all inputs need the same rank >= 1. "
                f"Received shapes: {_shapes(arrays)}"
            )
        self.axis = normalize_axes(axis, ndim)[0]
        others = [a.shape[: self.axis] + a.shape[self.axis + 1 :] for a in arrays]
        if any(s != others[0] for s in others):
            raise ValueError(
                f"concatenate: shapes must match except on axis {axis}. "
                f"Received shapes: {_shapes(arrays)}"
            )
        self.sizes = [a.shape[self.axis] for a in arrays]
        return get_array_module(*arrays).concatenate(arrays, axis=self.axis)

    def backward(self, grad):
        grads, start = [], 0
        for size in self.sizes:  # input i owns columns [start, start + size) of the output
            index = (slice(None),) * self.axis + (slice(start, start + size),)
            grads.append(grad[index])
            start += size
        return tuple(grads)


class Stack(Function):
    """Join same-shape arrays along a new ``axis``; input ``i`` gets ``grad`` at position ``i``."""

    def forward(self, *arrays, axis=0):
        if any(a.shape != arrays[0].shape for a in arrays):
            raise ValueError(
                f"stack: all inputs need the same shape. Received shapes: {_shapes(arrays)}"
            )
        ndim = arrays[0].ndim + 1
        if not -ndim <= axis < ndim:
            raise ValueError(f"stack: axis {axis} is out of range for the result's rank {ndim}.")
        self.axis = axis % ndim
        return get_array_module(*arrays).stack(arrays, axis=self.axis)

    def backward(self, grad):
        count = grad.shape[self.axis]
        return tuple(grad[(slice(None),) * self.axis + (i,)] for i in range(count))


def concatenate(tensors, axis=-1):
    """Join Tensors along an existing axis (negative axes count from the end).

    Args:
        tensors: List of Tensors/arrays of the same rank; shapes must agree on
            every axis except ``axis``.
        axis: Axis to join along. Defaults to ``-1`` (Keras's default).

    Returns:
        One Tensor whose ``axis`` has the sum of the inputs' sizes.

    Example:
        >>> concatenate([np.zeros((2, 3)), np.ones((1, 3))], axis=0).shape
        (3, 3)
    """
    if len(tensors) == 0:
        raise ValueError("concatenate: needs at least one tensor. Received: tensors=[]")
    return Concatenate.apply(*tensors, axis=axis)


def stack(tensors, axis=0):
    """Join same-shape Tensors along a new axis.

    Args:
        tensors: List of Tensors/arrays of identical shape.
        axis: Position of the new axis. Defaults to ``0``.

    Example:
        >>> stack([np.zeros(3), np.ones(3)], axis=-1).shape
        (3, 2)
    """
    if len(tensors) == 0:
        raise ValueError("stack: needs at least one tensor. Received: tensors=[]")
    return Stack.apply(*tensors, axis=axis)


def split(x, indices_or_sections, axis=0):
    """Split ``x`` into a list of Tensors, like ``np.split``.

    Args:
        x: Tensor or array.
        indices_or_sections: An int ``n`` (``n`` equal parts; the axis size must
            divide by ``n``) or a list of cut positions along ``axis``.
        axis: Axis to split. Defaults to ``0``.

    Returns:
        List of Tensors; each is a slice of ``x``, so gradients flow back to ``x``.

    Example:
        >>> [t.shape for t in split(np.zeros((4, 6)), 3, axis=-1)]
        [(4, 2), (4, 2), (4, 2)]
        >>> [t.shape for t in split(np.zeros(5), [1, 3])]
        [(1,), (2,), (2,)]
    """
    shape = tuple(x.shape)
    axis = normalize_axes(axis, len(shape))[0]
    size = shape[axis]
    if isinstance(indices_or_sections, int):
        if indices_or_sections <= 0 or size % indices_or_sections:
            raise ValueError(
                f"split: axis {axis} of a tensor of shape {shape} cannot be split into "
                f"{indices_or_sections} equal parts."
            )
        step = size // indices_or_sections
        cuts = list(range(step, size, step))
    else:
        cuts = [int(c) for c in indices_or_sections]
    bounds = [0] + cuts + [size]
    return [
        getitem(x, (slice(None),) * axis + (slice(start, stop),))
        for start, stop in zip(bounds[:-1], bounds[1:])
    ]
