"""NumPy's reductions and running totals, as ``keras.ops`` names them.

``prod``, ``var``, ``std``, ``average``, ``cumsum`` and ``cumprod`` are differentiable
(autograd ops or compositions of them); ``all``, ``any`` and ``count_nonzero`` count
truth values and record no graph. Dtypes as in Keras 3: ``var``, ``std`` and ``average``
turn ints into ``floatx()``; the products and sums keep ints as ints (bools become int32).

Example:
    >>> from kerasedu import ops
    >>> x = ops.convert_to_tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> ops.prod(x, axis=0).numpy().tolist(), ops.var(x).numpy().item()
    ([3.0, 8.0], 1.25)
"""

from kerasedu import autograd
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module
from kerasedu.ops.core import convert_to_tensor
from kerasedu.ops.numpy_math import to_float

__all__ = [  # the keras.ops names this module gives (kerasedu.ops imports them all)
    "all", "any", "average", "count_nonzero", "cumprod", "cumsum", "prod", "std", "trace", "var",
]  # fmt: skip


def all(x, axis=None, keepdims=False):
    """Return whether every element along ``axis`` is nonzero (all axes when ``None``), as bool.

    Example:
        >>> all([[1, 0], [1, 1]], axis=1).numpy().tolist()
        [False, True]
    """
    data = convert_to_tensor(x).data
    return Tensor(get_array_module(data).all(data, axis=axis, keepdims=keepdims))


def any(x, axis=None, keepdims=False):
    """Return whether some element along ``axis`` is nonzero (all axes when ``None``), as bool.

    Example:
        >>> any([[1, 0], [0, 0]], axis=1).numpy().tolist()
        [True, False]
    """
    data = convert_to_tensor(x).data
    return Tensor(get_array_module(data).any(data, axis=axis, keepdims=keepdims))


def count_nonzero(x, axis=None):
    """Return the number of nonzero elements along ``axis`` (all axes when ``None``), as int32.

    Example:
        >>> count_nonzero([[0, 1], [2, 3]], axis=0).numpy().tolist()
        [1, 2]
    """
    data = convert_to_tensor(x).data
    xp = get_array_module(data)
    return Tensor(xp.asarray(xp.count_nonzero(data, axis=axis)).astype("int32"))


def _cast_for_totals(x, dtype, widen):
    """``x`` in ``dtype`` if given; else bools become int32 and, if ``widen``, int8/16 int32."""
    x = convert_to_tensor(x, dtype)
    kind, size = x.dtype.kind, x.dtype.itemsize
    if dtype is None and kind == "b":
        return autograd.cast(x, "int32")
    if dtype is None and widen and kind in "iu" and size < 4:
        return autograd.cast(x, "uint32" if kind == "u" else "int32")  # as Keras (JAX) does
    return x


def prod(x, axis=None, keepdims=False, dtype=None):
    """Return the product of ``x`` over ``axis`` (all axes when ``None``), differentiable.

    Each element's gradient is the product of the others in its slice (a zero is fine).

    Args:
        x: Tensor or array.
        axis: Int or tuple of ints. Defaults to ``None`` (every element).
        keepdims: Keep the reduced axes with size 1. Defaults to ``False``.
        dtype: Result dtype. Defaults to ``None``: floats keep theirs, bools and ints
            narrower than 32 bits become int32 (uint32 for unsigned), as in Keras.

    Example:
        >>> prod([[1.0, 2.0], [3.0, 4.0]], axis=1).numpy().tolist()
        [2.0, 12.0]
    """
    return autograd.prod(_cast_for_totals(x, dtype, widen=True), axis=axis, keepdims=keepdims)


def _along_axis(x, axis, dtype):
    """Prepare a running total: ``x`` cast as Keras does, flattened when ``axis`` is None."""
    x = _cast_for_totals(x, dtype, widen=False)
    if axis is None:
        return autograd.reshape(x, (-1,)), 0
    return x, axis % x.ndim


def cumsum(x, axis=None, dtype=None):
    """Return the running sums of ``x`` along ``axis`` (of the flattened ``x`` when ``None``).

    Differentiable: ``x_i``'s gradient is the sum of the output gradients from ``i`` on.

    Shapes:
        ``x``'s shape, or ``(x.size,)`` when ``axis`` is ``None``.

    Example:
        >>> cumsum([[1, 2], [3, 4]], axis=1).numpy().tolist()
        [[1, 3], [3, 7]]
    """
    x, axis = _along_axis(x, axis, dtype)
    return autograd.cumsum(x, axis=axis)


def cumprod(x, axis=None, dtype=None):
    """Return the running products of ``x`` along ``axis`` (of the flattened ``x`` when ``None``).

    Built as a chain of multiplications, one per position along ``axis``, so it is
    differentiable (zeros included) but slow for long axes.

    Shapes:
        ``x``'s shape, or ``(x.size,)`` when ``axis`` is ``None``.

    Example:
        >>> cumprod([1.0, 2.0, 3.0]).numpy().tolist()
        [1.0, 2.0, 6.0]
    """
    x, axis = _along_axis(x, axis, dtype)
    if x.shape[axis] == 0:
        return x
    before = (slice(None),) * axis  # x[before + (i,)] is position i along axis
    products = [x[before + (0,)]]
    for i in range(1, x.shape[axis]):
        products.append(autograd.mul(products[-1], x[before + (i,)]))  # y_i = y_(i-1) * x_i
    return autograd.stack(products, axis=axis)


def var(x, axis=None, keepdims=False):
    """Return the population variance ``mean((x - mean(x))^2)`` over ``axis``, differentiable.

    Divides by the count n, as Keras and NumPy do (not by n - 1).

    Example:
        >>> var([1.0, 2.0, 3.0, 4.0]).numpy().item()
        1.25
    """
    x = to_float(x)
    centered = autograd.sub(x, autograd.mean(x, axis=axis, keepdims=True))
    return autograd.mean(autograd.mul(centered, centered), axis=axis, keepdims=keepdims)


def std(x, axis=None, keepdims=False):
    """Return the population standard deviation ``sqrt(var(x))`` over ``axis``, differentiable.

    Example:
        >>> std([1.0, 3.0]).numpy().item()
        1.0
    """
    return autograd.sqrt(var(x, axis=axis, keepdims=keepdims))


def average(x, axis=None, weights=None):
    """Return the weighted mean ``sum(w * x) / sum(w)`` over ``axis``, differentiable in both.

    Args:
        x: Tensor or array; ints become ``floatx()``.
        axis: Int, or ``None`` for every element. Defaults to ``None``.
        weights: ``None`` (a plain mean), an array of ``x``'s shape, or a 1-D array with
            one weight per position along ``axis``. Defaults to ``None``.

    Example:
        >>> average([[1.0, 2.0], [3.0, 4.0]], axis=1, weights=[3.0, 1.0]).numpy().tolist()
        [1.25, 3.25]
    """
    x = to_float(x)
    if weights is None:
        return autograd.mean(x, axis=axis)
    weights = to_float(weights)
    if weights.shape != x.shape:
        if axis is None or weights.ndim != 1 or weights.shape[0] != x.shape[axis]:
            raise ValueError(
                "average: weights must have x's shape, or be 1-D along axis. "
                f"Received: x.shape={x.shape}, weights.shape={weights.shape}, axis={axis}"
            )
        shape = [1] * x.ndim
        shape[axis] = -1
        weights = autograd.reshape(weights, shape)  # broadcasts along axis only
    total = autograd.sum(autograd.mul(x, weights), axis=axis)
    return autograd.div(total, autograd.sum(weights, axis=axis))


def trace(x, offset=0, axis1=0, axis2=1):
    """The sum of the diagonal (shifted up by ``offset``) of the ``axis1``-``axis2`` planes.

    Picked by indexing and summed, so it is differentiable.

    Shapes:
        ``(3, 4)`` -> ``()``; ``(3, 4, B)`` with the default axes -> ``(B,)``.

    Example:
        >>> trace([[1.0, 2.0], [3.0, 4.0]]).numpy().item()
        5.0
    """
    x = _cast_for_totals(x, None, widen=True)  # ints stay ints (int8 widened), as in Keras
    axis1, axis2 = axis1 % x.ndim, axis2 % x.ndim
    others = [axis for axis in range(x.ndim) if axis not in (axis1, axis2)]
    planes = autograd.transpose(x, [*others, axis1, axis2])  # the planes' axes last
    rows, cols = planes.shape[-2:]
    i = get_array_module(x.data).arange(max(0, -offset), min(rows, cols - offset))
    total = autograd.sum(planes[..., i, i + offset], axis=-1)
    return total if total.dtype == x.dtype else autograd.cast(total, x.dtype)  # NumPy: int64
