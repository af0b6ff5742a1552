"""NumPy's array manipulation as ``keras.ops`` names it: indexing, reordering, joining, sorting.

None has a backward of its own. Most reorder elements: they run the NumPy function on
the *positions* of ``x`` (``arange(x.size)`` shaped like ``x``) and gather the values at
the positions it returns with the differentiable `take` (``flip(x)`` is
``x.ravel()[flip(positions)]``), so each gradient goes back where its value came from.
The rest are transposes, slices and joins of autograd ops; ``argsort`` has no gradient.

Example:
    >>> from kerasedu import ops
    >>> ops.flip(ops.convert_to_tensor([1.0, 2.0, 3.0])).numpy().tolist()
    [3.0, 2.0, 1.0]
"""

import numpy as np

from kerasedu import autograd
from kerasedu.autograd.ops_reduce import normalize_axes
from kerasedu.autograd.ops_shape import _pad_pairs
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module
from kerasedu.ops.core import convert_to_tensor
from kerasedu.ops.numpy import concatenate, result_dtype, tri, zeros  # noqa: F401

__all__ = [  # the keras.ops names this module gives (kerasedu.ops imports them all)
    "argsort", "broadcast_to", "diag", "flip", "hstack", "moveaxis", "pad", "ravel", "roll",
    "sort", "split", "swapaxes", "take", "take_along_axis", "tril", "triu", "unstack", "vstack",
]  # fmt: skip

PAD_MODES = ("constant", "edge", "reflect", "symmetric", "wrap")


def _gather(x, rearrange):
    """Return ``x.ravel()[rearrange(positions)]``: a NumPy reordering, made differentiable.

    ``rearrange(positions, module)`` gets the flat positions of ``x`` (shaped like ``x``)
    and the array module, and returns an integer array of positions to pick.
    """
    x = convert_to_tensor(x)
    module = get_array_module(x.data)
    positions = module.arange(x.size).reshape(x.shape)
    return autograd.take(autograd.reshape(x, (-1,)), rearrange(positions, module))


def _axis_list(axis, ndim):
    """``axis`` (an int or a sequence) as a list of non-negative axes, in the given order."""
    axes = [axis] if isinstance(axis, (int, np.integer)) else list(axis)
    return [normalize_axes(int(a), ndim)[0] for a in axes]


def take(x, indices, axis=None):
    """Return the elements of ``x`` at ``indices`` along ``axis`` (of flattened ``x`` if None).

    Shapes: ``x.shape[:axis] + indices.shape + x.shape[axis + 1:]``; negative indices
    count from the end. Differentiable in ``x``.

    Example:
        >>> x = convert_to_tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> take(x, [1, 0], axis=1).numpy().tolist()
        [[2.0, 1.0], [4.0, 3.0]]
    """
    idx = convert_to_tensor(indices, dtype="int64").data
    return _gather(x, lambda positions, m: m.take(positions, m.asarray(idx), axis=axis))


def take_along_axis(x, indices, axis=None):
    """Return ``x`` picked at ``indices`` (same rank as ``x``) along ``axis``, as NumPy does.

    Example:
        >>> x = convert_to_tensor([[5.0, 7.0], [9.0, 8.0]])
        >>> take_along_axis(x, [[1], [0]], axis=1).numpy().tolist()
        [[7.0], [9.0]]
    """
    idx = convert_to_tensor(indices, dtype="int64").data
    return _gather(x, lambda pos, m: m.take_along_axis(pos, m.asarray(idx), axis=axis))


def split(x, indices_or_sections, axis=0):
    """Split ``x`` into equal parts (an int) or at the given positions (a list), along ``axis``.

    Example:
        >>> [t.shape for t in split(zeros((4, 6)), [1, 3], axis=1)]
        [(4, 1), (4, 2), (4, 3)]
    """
    return autograd.split(convert_to_tensor(x), indices_or_sections, axis=axis)


def pad(x, pad_width, mode="constant", constant_values=None):
    """Return ``x`` padded by ``pad_width`` (as in ``np.pad``); differentiable in ``x``.

    Args:
        x: Tensor or array.
        pad_width: ``p``, ``(before, after)`` or one ``(before, after)`` pair per axis.
        mode: ``"constant"`` (the default), ``"edge"``, ``"reflect"``, ``"symmetric"``
            or ``"wrap"``.
        constant_values: The value of the padding in ``"constant"`` mode (default 0).

    Example:
        >>> x = convert_to_tensor([1.0, 2.0])
        >>> pad(x, 1, constant_values=9.0).numpy().tolist()
        [9.0, 1.0, 2.0, 9.0]
        >>> pad(x, (0, 2), mode="reflect").numpy().tolist()
        [1.0, 2.0, 1.0, 2.0]
    """
    if mode not in PAD_MODES:
        raise ValueError(f"pad: mode must be one of {PAD_MODES}. Received: mode={mode!r}")
    if constant_values is not None and mode != "constant":
        raise ValueError(f"pad: constant_values needs mode='constant'. Received: mode={mode!r}")
    x = convert_to_tensor(x)
    pairs = _pad_pairs(pad_width, x.ndim)
    if mode != "constant":  # every other mode copies values of x: pad the positions
        return _gather(x, lambda positions, module: module.pad(positions, pairs, mode=mode))
    padded = autograd.pad(x, pairs)
    if not constant_values:
        return padded
    module = get_array_module(x.data)
    # the padding's value as a constant: c on the border, 0 where x sits (no gradient)
    border = module.pad(module.zeros(x.shape, x.dtype), pairs, constant_values=constant_values)
    return autograd.add(padded, Tensor(border))


def broadcast_to(x, shape):
    """Return ``x`` broadcast to ``shape`` (NumPy's rules); the gradient sums the copies.

    Example:
        >>> broadcast_to(convert_to_tensor([1.0, 2.0]), (3, 2)).shape
        (3, 2)
    """
    x = convert_to_tensor(x)
    shape = tuple(int(n) for n in shape)
    pairs = zip(x.shape[::-1], shape[::-1])  # NumPy's rule: from the right, equal or 1
    if x.ndim > len(shape) or any(n not in (1, m) for n, m in pairs):
        raise ValueError(f"broadcast_to: cannot broadcast shape {x.shape} to {shape}.")
    return autograd.add(x, Tensor(get_array_module(x.data).zeros(shape, dtype=x.dtype)))


def moveaxis(x, source, destination):
    """Return ``x`` with the axes ``source`` moved to the positions ``destination``.

    Example:
        >>> moveaxis(zeros((2, 3, 4)), 0, -1).shape
        (3, 4, 2)
    """
    x = convert_to_tensor(x)
    source, destination = _axis_list(source, x.ndim), _axis_list(destination, x.ndim)
    if len(source) != len(destination):
        raise ValueError(f"moveaxis: source={source}, destination={destination}: lengths differ")
    order = [a for a in range(x.ndim) if a not in source]
    for dest, src in sorted(zip(destination, source)):  # fill the destinations left to right
        order.insert(dest, src)
    return autograd.transpose(x, order)


def swapaxes(x, axis1, axis2):
    """Return ``x`` with axes ``axis1`` and ``axis2`` exchanged.

    Example:
        >>> swapaxes(zeros((2, 3, 4)), 0, 2).shape
        (4, 3, 2)
    """
    return moveaxis(x, [axis1, axis2], [axis2, axis1])


def flip(x, axis=None):
    """Return ``x`` with the order of elements reversed along ``axis`` (all axes if None).

    Example:
        >>> flip(convert_to_tensor([[1, 2], [3, 4]]), axis=1).numpy().tolist()
        [[2, 1], [4, 3]]
    """
    return _gather(x, lambda positions, module: module.flip(positions, axis=axis))


def roll(x, shift, axis=None):
    """Return ``x`` shifted by ``shift`` places along ``axis``, wrapping around (as ``np.roll``).

    Example:
        >>> roll(convert_to_tensor([1, 2, 3, 4]), 1).numpy().tolist()
        [4, 1, 2, 3]
    """
    return _gather(x, lambda positions, module: module.roll(positions, shift, axis=axis))


def tril(x, k=0):
    """Return ``x`` with the elements above the ``k``-th diagonal set to 0 (last two axes).

    Example:
        >>> tril(convert_to_tensor([[1, 2], [3, 4]])).numpy().tolist()
        [[1, 0], [3, 4]]
    """
    x = convert_to_tensor(x)
    keep = tri(x.shape[-2], x.shape[-1], k=k, dtype="bool").data  # 1 on and below diagonal k
    return autograd.where(keep, x, zeros((), dtype=x.dtype))


def triu(x, k=0):
    """Return ``x`` with the elements below the ``k``-th diagonal set to 0 (last two axes).

    Example:
        >>> triu(convert_to_tensor([[1, 2], [3, 4]])).numpy().tolist()
        [[1, 2], [0, 4]]
    """
    x = convert_to_tensor(x)
    drop = tri(x.shape[-2], x.shape[-1], k=k - 1, dtype="bool").data  # below diagonal k
    return autograd.where(drop, zeros((), dtype=x.dtype), x)


def unstack(x, num=None, axis=0):
    """Return the list of slices of ``x`` along ``axis`` (each without that axis).

    Example:
        >>> [t.shape for t in unstack(zeros((2, 3)), axis=1)]
        [(2,), (2,), (2,)]
    """
    x = convert_to_tensor(x)
    axis = normalize_axes(axis, x.ndim)[0]
    if num is not None and num != x.shape[axis]:
        raise ValueError(f"unstack: num={num} but axis {axis} of {x.shape} has {x.shape[axis]}.")
    head = (slice(None),) * axis
    return [autograd.getitem(x, head + (i,)) for i in range(x.shape[axis])]


def _common(xs):
    """The Tensors ``xs`` cast to their Keras `result_dtype` (an int mixed with a float: float)."""
    xs = [convert_to_tensor(x) for x in xs]
    dtype = result_dtype(*(x.dtype for x in xs))
    return [x if x.dtype == dtype else autograd.cast(x, dtype) for x in xs]


def vstack(xs):
    """Stack the Tensors ``xs`` row-wise: join along axis 0, 1-D inputs as rows.

    Example:
        >>> vstack([zeros(3), zeros(3)]).shape
        (2, 3)
    """
    rows = [autograd.reshape(x, (1, -1)) if x.ndim < 2 else x for x in _common(xs)]
    return concatenate(rows, axis=0)


def hstack(xs):
    """Stack the Tensors ``xs`` column-wise: join along axis 1 (along axis 0 for 1-D inputs).

    Example:
        >>> hstack([zeros((2, 1)), zeros((2, 3))]).shape
        (2, 4)
    """
    xs = [autograd.reshape(x, (1,)) if x.ndim == 0 else x for x in _common(xs)]
    return concatenate(xs, axis=0 if xs[0].ndim == 1 else 1)


def ravel(x):
    """Return ``x`` flattened to one axis (row-major order).

    Example:
        >>> ravel(zeros((2, 3))).shape
        (6,)
    """
    return autograd.reshape(convert_to_tensor(x), (-1,))


def diag(x, k=0):
    """Return the ``k``-th diagonal of a matrix, or a matrix with the vector ``x`` on it.

    Shapes: ``(n, m) -> (length of diagonal k,)``; ``(n,) -> (n + |k|, n + |k|)``.

    Example:
        >>> diag(convert_to_tensor([1.0, 2.0])).numpy().tolist()
        [[1.0, 0.0], [0.0, 2.0]]
    """
    x = convert_to_tensor(x)
    if x.ndim == 2:
        return _gather(x, lambda positions, module: module.diag(positions, k))
    if x.ndim != 1:
        raise ValueError(f"diag: x must be 1-D or 2-D. Received: x.shape={x.shape}")
    # Position 0 of [0, x] is the zero off the diagonal; x[i] is at position i + 1.
    with_zero = autograd.concatenate([zeros((1,), dtype=x.dtype), x], axis=0)
    return _gather(with_zero, lambda positions, m: m.diag(positions[1:], k))


def argsort(x, axis=-1):
    """Return the int32 indices that sort ``x`` along ``axis`` (stable; not differentiable).

    Example:
        >>> argsort(convert_to_tensor([3.0, 1.0, 2.0])).numpy().tolist()
        [1, 2, 0]
    """
    data = convert_to_tensor(x).data
    module = get_array_module(data)
    return Tensor(module.argsort(data, axis=axis, kind="stable").astype("int32"))


def sort(x, axis=-1):
    """Return ``x`` sorted along ``axis``; differentiable (each value keeps its gradient).

    Example:
        >>> sort(convert_to_tensor([3.0, 1.0, 2.0])).numpy().tolist()
        [1.0, 2.0, 3.0]
    """
    return take_along_axis(x, argsort(x, axis=axis), axis=axis)
